package dev.bulwark.misp.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.misp.TestData;
import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The reader: every shape it accepts, and bad input rejected with path and reason, bounded. */
class MispReaderTest {
  private static List<MispEvent> read(String json) throws Exception {
    return read(json, MispLimits.DEFAULT);
  }

  private static List<MispEvent> read(String json, MispLimits limits) throws Exception {
    return new MispReader(limits)
        .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheMispStixCollectionsAndAFeedEvent() throws Exception {
    assertThat(TestData.events("misp-stix/test_events_collection_1.json")).hasSize(2);
    MispEvent feed = TestData.events("feed/6a10e5d8-f1cd-42b0-8240-a4650efd83d6.json").get(0);
    assertThat(feed.attributeCount()).isEqualTo(155);
    assertThat(feed.distribution()).isEqualTo(Distribution.ALL);
    assertThat(feed.attributes().get(0).distribution()).isEqualTo(Distribution.INHERIT);
    assertThat(feed.attributes().get(0).tags().get(0).name()).isEqualTo("source:crowdsec");
  }

  @Test
  void readsSharingGroupsObjectsGalaxiesSightingsAndReports() throws Exception {
    String json =
        """
        {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-000000000001", "info": "x", "distribution": 4,
          "sharing_group_id": "3",
          "SharingGroup": {"id": "3", "uuid": "bbbbbbbb-0000-4000-8000-000000000001", "name": "g",
            "SharingGroupOrg": [{"Organisation": {"uuid": "CCCCCCCC-0000-4000-8000-000000000001",
                                                  "name": "o"}}]},
          "Attribute": [{"uuid": "dddddddd-0000-4000-8000-000000000001", "type": "ip-dst",
            "value": "198.51.100.1", "distribution": "4", "sharing_group_id": "3",
            "Sighting": [{"type": "1", "date_sighting": "1700000000"}],
            "Galaxy": [{"type": "threat-actor", "name": "Threat Actor", "GalaxyCluster": [
              {"uuid": "eeeeeeee-0000-4000-8000-000000000001", "value": "APT X",
               "tag_name": "misp-galaxy:threat-actor=\\"APT X\\"", "meta": {"country": ["RU"]}}]}]}],
          "Object": [{"uuid": "ffffffff-0000-4000-8000-000000000001", "name": "domain-ip",
            "template_uuid": "43b3b146-77eb-4931-b4cc-b66c60f28734", "template_version": "9",
            "Attribute": [{"uuid": "dddddddd-0000-4000-8000-000000000002", "type": "domain",
              "object_relation": "domain", "value": "a.example"}],
            "ObjectReference": [{"referenced_uuid": "dddddddd-0000-4000-8000-000000000001",
              "relationship_type": "resolves-to"}]}],
          "EventReport": [{"uuid": "abababab-0000-4000-8000-000000000001", "name": "r",
            "content": "# hi"}]}}
        """;
    MispEvent e = read(json).get(0);
    assertThat(e.sharingGroup().get().organisations().get(0).uuid())
        .isEqualTo("cccccccc-0000-4000-8000-000000000001");
    assertThat(e.attributes().get(0).sharingGroup()).isEqualTo(e.sharingGroup());
    assertThat(e.attributes().get(0).sightings().get(0).type()).isEqualTo(1);
    assertThat(e.attributes().get(0).galaxies().get(0).clusters().get(0).meta())
        .containsEntry("country", List.of("RU"));
    assertThat(e.objects().get(0).templateVersion()).isEqualTo("9");
    assertThat(e.objects().get(0).references().get(0).relationshipType()).isEqualTo("resolves-to");
    assertThat(e.reports().get(0).content()).isEqualTo("# hi");
    assertThat(e.attributeCount()).isEqualTo(2);
  }

  @Test
  void rejectsWithPathAndReason() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"response\":[{\"Event\":{\"uuid\":\"aaaaaaaa-0000-4000-8000-000000000001\","
                        + "\"info\":\"x\",\"Attribute\":[{\"uuid\":\"aaaaaaaa-0000-4000-8000-"
                        + "000000000002\",\"type\":\"ip-dst\",\"value\":{}}]}}]}"))
        .isInstanceOf(MispFormatException.class)
        .hasMessage("$.response[0].Event.Attribute[0].value: expected a string");
    assertThatThrownBy(() -> read("{\"Event\":{\"uuid\":\"nope\",\"info\":\"x\"}}"))
        .hasMessage("$.Event.uuid: not a uuid: nope");
    assertThatThrownBy(
            () ->
                read(
                    "{\"Event\":{\"uuid\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"info\":\"x\","
                        + "\"distribution\":\"9\"}}"))
        .hasMessage("$.Event.distribution: must be 0 to 5, not 9");
    assertThatThrownBy(() -> read("[1]")).hasMessage("$[0]: expected {\"Event\": {...}}");
    assertThatThrownBy(() -> read("{\"Event\": ")).hasMessageStartingWith("$: not JSON");
  }

  @Test
  void boundsBytesAttributesAndDepth() {
    String big =
        "{\"Event\":{\"uuid\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"info\":\""
            + "x".repeat(5000)
            + "\"}}";
    assertThatThrownBy(() -> read(big, new MispLimits(1000, 10, 64)))
        .hasMessage("$: input larger than 1000 bytes");
    String attrs =
        "{\"uuid\":\"aaaaaaaa-0000-4000-8000-000000000002\",\"type\":\"a\",\"value\":\"v\"}";
    String many =
        "{\"Event\":{\"uuid\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"info\":\"x\","
            + "\"Attribute\":["
            + attrs
            + ","
            + attrs
            + ","
            + attrs
            + "]}}";
    assertThatThrownBy(() -> read(many, new MispLimits(100_000, 2, 64)))
        .hasMessage("$.Event.Attribute[2]: more than 2 attributes in one event");
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThatThrownBy(() -> read(deep, new MispLimits(100_000, 2, 64)))
        .isInstanceOf(MispFormatException.class);
  }

  @Provide
  Arbitrary<String> mutated() throws Exception {
    String base =
        new String(
            MispReaderTest.class
                .getResourceAsStream("/dev/bulwark/misp/misp-stix/test_events_collection_2.json")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    return Arbitraries.integers()
        .between(0, base.length() - 1)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .flatMap(
            positions ->
                Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "1", "\"x\"", "null", "")
                    .list()
                    .ofSize(positions.size())
                    .map(
                        inserts -> {
                          StringBuilder b = new StringBuilder(base);
                          for (int i = 0; i < positions.size(); i++) {
                            int p = Math.min(positions.get(i), b.length() - 1);
                            b.replace(p, p + 1, inserts.get(i));
                          }
                          return b.toString();
                        }));
  }

  /** Fuzz: a mutated input either reads or is rejected with a path; nothing else escapes. */
  @Property(tries = 300)
  void mutatedInputReadsOrIsRejectedWithAPath(@ForAll("mutated") String json) throws Exception {
    try {
      read(json);
    } catch (MispFormatException e) {
      assertThat(e.path()).startsWith("$");
      assertThat(e.reason()).isNotBlank();
    }
  }

  /** Fuzz: arbitrary text never escapes as anything but a MispFormatException. */
  @Property(tries = 300)
  void arbitraryTextIsRejectedCleanly(@ForAll String text) throws Exception {
    try {
      read(text);
    } catch (MispFormatException e) {
      assertThat(e.getMessage()).startsWith("$");
    }
  }
}
