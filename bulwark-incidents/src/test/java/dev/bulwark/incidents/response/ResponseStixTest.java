package dev.bulwark.incidents.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.List;
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
}
