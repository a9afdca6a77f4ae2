package dev.bulwark.incidents.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.incidents.IncidentException;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseStixTest {

  @Test
  void aResponseIsAValidOasisTaskThatReadsBack() {
    Response r =
        new Response(
            List.of("incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            ResponseOption.INCREASED_POSTURE,
            "FIN Defence Command",
            Instant.parse("2024-12-27T08:00:00Z"),
            List.of("EST", "SWE"),
            ResponseStatus.IN_PROGRESS,
            "Baltic Sentry patrols",
            List.of());
    StixObject task = ResponseStix.task(r, Instant.parse("2024-12-27T09:00:00Z"));
    assertThat(new StixValidator().validate(task).errors()).isEmpty();
    assertThat(task.string("outcome")).contains("ongoing");
    assertThat(ResponseStix.fromStix(task)).isEqualTo(r);
  }

  @Test
  void theRulesNameWhatIsWrongAndATaskIsNeverMadeOfABadResponse() {
    Response bad =
        new Response(
            List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            ResponseOption.DIPLOMATIC_DEMARCHE,
            " ",
            Instant.parse("2024-12-27T08:00:00Z"),
            List.of("FI"),
            ResponseStatus.DECIDED,
            "",
            List.of());
    assertThat(ResponseStix.check(bad))
        .extracting(p -> p.path().substring(p.path().lastIndexOf('/') + 1))
        .containsExactlyInAnyOrder("subject_refs", "coordinated_with", "decided_by");
    assertThatThrownBy(() -> ResponseStix.task(bad, Instant.EPOCH))
        .isInstanceOf(IncidentException.class);
  }

  @Test
  void aTaskWithAGivenIdNameAndAuthorIsTheSameResponse() {
    Response r =
        new Response(
            List.of("incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            ResponseOption.DIPLOMATIC_DEMARCHE,
            "EST MFA",
            Instant.parse("2024-12-27T08:00:00Z"),
            List.of("FIN"),
            ResponseStatus.DECIDED,
            "",
            List.of());
    String id = "task--5d0b8a53-0f1f-4a55-9a6f-1b2c3d4e5f60";
    String author = "identity--0f4b7a0e-3a2e-4c1d-9f53-0d1f6a1b2c3d";
    StixObject task =
        ResponseStix.task(
            r,
            id,
            "demarche",
            "summoned",
            Optional.of(author),
            Instant.parse("2024-12-27T09:00:00Z"));
    assertThat(task.id()).isEqualTo(id);
    assertThat(task.string("name")).contains("demarche");
    assertThat(task.string("description")).contains("summoned");
    assertThat(task.createdByRef()).contains(author);
    assertThat(new StixValidator().validate(task).errors()).isEmpty();
    assertThat(ResponseStix.fromStix(task)).isEqualTo(r);
  }
}
