package dev.bulwark.misp.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * misp-stix #107/#108: {@code indicator--X} and an {@code observed-data--X} with a different value
 * on one uuid. Both reach MISP, the second under a derived uuid, and the collision is reported.
 */
class CollisionTest {
  private static final String X = "0b7a6f5e-4d3c-4b2a-9180-7f6e5d4c3b2a";

  @Test
  void twoValuesOnOneUuidAreReportedNotMerged() throws Exception {
    StixCodec codec = new StixCodec();
    String green = Tlp.GREEN.markingDefinitionId();
    List<StixObject> objects = new ArrayList<>();
    objects.add(
        codec.parseObject(
            """
        {"type":"indicator","spec_version":"2.1","id":"indicator--%s",
         "created":"2026-12-07T10:00:00.000Z","modified":"2026-12-07T10:00:00.000Z",
         "pattern":"[domain-name:value = 'a.example']","pattern_type":"stix",
         "valid_from":"2026-12-07T10:00:00.000Z","object_marking_refs":["%s"]}
        """
                .formatted(X, green)));
    objects.add(
        codec.parseObject(
            """
        {"type":"domain-name","spec_version":"2.1","id":"domain-name--%s","value":"b.example"}
        """
                .formatted(X)));
    objects.add(
        codec.parseObject(
            """
        {"type":"observed-data","spec_version":"2.1","id":"observed-data--%s",
         "created":"2026-12-07T10:00:00.000Z","modified":"2026-12-07T10:00:00.000Z",
         "first_observed":"2026-12-07T10:00:00.000Z","last_observed":"2026-12-07T10:00:00.000Z",
         "number_observed":1,"object_refs":["domain-name--%s"],"object_marking_refs":["%s"]}
        """
                .formatted(X, X, green)));
    ExportResult r =
        new StixToMisp(AudienceSettings.ownOnly("EST"))
            .export(
                "c", objects, id -> Tlp.fromMarkingId(id).map(Tlp::definition), o -> "EST", "POL");
    assertThat(r.collisions()).as(r.toString()).hasSize(1);
    assertThat(r.collisions().get(0).mispUuid()).isEqualTo(X);
    assertThat(r.collisions().get(0).secondStixId()).isEqualTo("observed-data--" + X);
    List<MispAttribute> attrs =
        new MispReader()
            .read(
                new ByteArrayInputStream(
                    MispJson.toJson(r.events().get(0).json()).getBytes(StandardCharsets.UTF_8)))
            .get(0)
            .attributes();
    assertThat(attrs).extracting(MispAttribute::value).containsExactly("a.example", "b.example");
    assertThat(attrs.get(0).uuid()).isEqualTo(X);
    assertThat(attrs.get(1).uuid()).isNotEqualTo(X);
    assertThat(attrs.get(0).toIds()).isTrue();
    assertThat(attrs.get(1).toIds()).isFalse();
    assertThat(new MispSchema().validate(r.events().get(0).json())).isEmpty();
  }

  @Test
  void aReaderOutsideTheAudienceGetsNothingNamed() throws Exception {
    StixCodec codec = new StixCodec();
    StixObject rel =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("FIN"),
            ReleasabilityMarking.BULWARK_IDENTITY_ID,
            "2026-12-07T00:00:00.000Z");
    StixObject ind =
        codec.parseObject(
            """
        {"type":"indicator","spec_version":"2.1","id":"indicator--%s",
         "created":"2026-12-07T10:00:00.000Z","modified":"2026-12-07T10:00:00.000Z",
         "pattern":"[domain-name:value = 'a.example']","pattern_type":"stix",
         "valid_from":"2026-12-07T10:00:00.000Z","object_marking_refs":["%s"]}
        """
                .formatted(X, rel.id()));
    ExportResult r =
        new StixToMisp(AudienceSettings.ownOnly("EST"))
            .export(
                "c",
                List.of(ind),
                id -> Optional.of(rel).filter(m -> m.id().equals(id)),
                o -> "EST",
                "POL");
    assertThat(r.events()).isEmpty();
    assertThat(r.notExported()).isEqualTo(1);
    assertThat(r.losses().toString()).doesNotContain("FIN");
  }
}
