package dev.bulwark.misp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.LossEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one call the CLI makes: counts stored / held / rejected, the loss report names what was not
 * carried (never silently), and the exit code says 0 / 1 / 2.
 */
class MispImportTest {
  @TempDir Path tmp;

  private static final String EVENT =
      """
      {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-0000000000e1", "info": "losses", "date":
        "2026-12-07", "timestamp": "1796000000", "distribution": "4",
        "SharingGroup": {"id": "1", "uuid": "bbbbbbbb-0000-4000-8000-000000000001", "name": "g",
          "SharingGroupOrg": [{"Organisation": {"uuid": "11111111-1111-4111-8111-111111111111",
                                                "name": "fin"}},
                              {"Organisation": {"uuid": "33333333-3333-4333-8333-333333333333",
                                                "name": "nobody"}}]},
        "Attribute": [
          {"uuid": "dddddddd-0000-4000-8000-0000000000a1", "type": "ip-dst", "value": "203.0.113.9",
           "to_ids": true, "Galaxy": [{"type": "sector", "name": "Sector", "GalaxyCluster": [
             {"uuid": "eeeeeeee-0000-4000-8000-000000000001", "value": "Energy",
              "tag_name": "misp-galaxy:sector=\\"Energy\\""}]}]},
          {"uuid": "dddddddd-0000-4000-8000-0000000000a2", "type": "domain", "value": "x.example",
           "deleted": true}],
        "Object": [{"uuid": "ffffffff-0000-4000-8000-0000000000b1", "name": "domain-ip",
          "Attribute": [{"uuid": "dddddddd-0000-4000-8000-0000000000a3", "type": "domain",
            "object_relation": "domain", "value": "y.example"}],
          "ObjectReference": [{"referenced_uuid": "99999999-0000-4000-8000-000000000009",
            "relationship_type": "related-to"}]}]}}
      """;

  @Test
  void countsLossesAndExitCodes() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.json"), EVENT);
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"Event\": {\"uuid\": 3}}");
    List<EventConversion> stored = new ArrayList<>();
    AudienceSettings s =
        new AudienceSettings(
            "EST", Set.of(), Map.of("11111111-1111-4111-8111-111111111111", "FIN"));
    MispImport imp =
        new MispImport(
            s,
            c -> {
              stored.add(c);
              return EventSink.Stored.STORED;
            });
    ImportResult r = imp.importPaths(List.of(good, bad));
    assertThat(r.events()).isEqualTo(new Counts(1, 0, 1));
    assertThat(r.attributes()).isEqualTo(new Counts(2, 0, 0));
    assertThat(r.objects()).isEqualTo(new Counts(1, 0, 0));
    assertThat(r.rejections())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("$.Event.uuid");
              assertThat(x.source()).endsWith("bad.json");
            });
    List<String> what = r.losses().get(0).entries().stream().map(LossEntry::what).toList();
    assertThat(what)
        .containsExactlyInAnyOrder("audience", "galaxy cluster", "attribute", "object reference");
    assertThat(r.losses().get(0).entries().get(0).reason())
        .contains("33333333-3333-4333-8333-333333333333");
    assertThat(r.exitCode()).isEqualTo(1);
    ImportResult missing =
        new MispImport(s, c -> EventSink.Stored.HELD)
            .importPaths(List.of(tmp.resolve("absent.json")));
    assertThat(missing.exitCode()).isEqualTo(2);
    ImportResult clean =
        new MispImport(s, c -> EventSink.Stored.HELD)
            .importPaths(
                List.of(
                    Files.writeString(
                        tmp.resolve("ok.json"),
                        "{\"Event\":{\"uuid\":\"aaaaaaaa-0000-4000-8000-0000000000e2\",\"info\":\"i\","
                            + "\"Attribute\":[{\"uuid\":\"aaaaaaaa-0000-4000-8000-0000000000e3\","
                            + "\"type\":\"domain\",\"value\":\"z.example\"}]}}")));
    assertThat(clean.events()).isEqualTo(new Counts(0, 1, 0));
    assertThat(clean.exitCode()).isZero();
  }

  @Test
  void aSinkThatRefusesAnEventHasItCountedAndListedByUuid() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.json"), EVENT);
    AudienceSettings s = new AudienceSettings("EST", Set.of(), Map.of());
    ImportResult r =
        new MispImport(
                s,
                c -> {
                  throw new EventRefusedException(c.eventUuid(), "Event.Orgc", "not trusted");
                })
            .importPaths(List.of(good));
    assertThat(r.events()).isEqualTo(new Counts(0, 0, 1));
    assertThat(r.attributes()).isEqualTo(new Counts(0, 0, 2));
    assertThat(r.objects()).isEqualTo(new Counts(0, 0, 1));
    assertThat(r.rejections())
        .containsExactly(
            new Rejection("aaaaaaaa-0000-4000-8000-0000000000e1", "Event.Orgc", "not trusted"));
    assertThat(r.cursor()).as("a refusal is final for that version").isEqualTo(1796000000L);
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
