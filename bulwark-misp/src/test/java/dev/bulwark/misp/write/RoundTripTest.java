package dev.bulwark.misp.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.TestData;
import dev.bulwark.misp.audience.Audience;
import dev.bulwark.misp.audience.AudienceResolver;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispCluster;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispTag;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.MispToStix;
import dev.bulwark.stix.StixObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * MISP → STIX → MISP keeps every attribute's type, value, to_ids, category, tags and effective
 * audience; the written events validate against MISP's schema; TLP:RED is not exported and is
 * counted.
 */
class RoundTripTest {
  static final String ORG_FIN = "11111111-1111-4111-8111-111111111111";
  static final String ORG_POL = "22222222-2222-4222-8222-222222222222";
  static final String ORG_NONE = "33333333-3333-4333-8333-333333333333";
  static final AudienceSettings SETTINGS =
      new AudienceSettings("EST", Set.of("LVA", "LTU"), Map.of(ORG_FIN, "FIN", ORG_POL, "POL"));

  @Test
  void mispStixEventsSurviveTheRoundTrip() throws Exception {
    for (String f :
        List.of(
            "misp-stix/test_events_collection_1.json",
            "misp-stix/test_events_collection_2.json",
            "misp-stix/test_objects_collection_1.json",
            "misp-stix/test_objects_collection_2.json",
            "feed/d177856e-6e46-44ee-8eb5-83ef1c7452c7.json")) {
      for (MispEvent e : TestData.events(f)) {
        roundTrip(e, 0);
      }
    }
  }

  @Test
  void audiencesAndTagsSurviveAndRedStaysHome() throws Exception {
    String json =
        """
        {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-000000000001", "info": "audiences",
          "date": "2026-12-07", "timestamp": "1796000000", "distribution": "4",
          "sharing_group_id": "7",
          "SharingGroup": {"id": "7", "uuid": "bbbbbbbb-0000-4000-8000-000000000001", "name": "sg",
            "SharingGroupOrg": [{"Organisation": {"uuid": "%s", "name": "fin"}},
                                {"Organisation": {"uuid": "%s", "name": "pol"}},
                                {"Organisation": {"uuid": "%s", "name": "nobody"}}]},
          "Orgc": {"uuid": "cccccccc-0000-4000-8000-000000000001", "name": "CERT-EE"},
          "Tag": [{"name": "tlp:amber"}, {"name": "admiralty-scale:source-reliability=\\"b\\""}],
          "Attribute": [
            {"uuid": "dddddddd-0000-4000-8000-000000000001", "type": "ip-dst",
             "category": "Network activity", "value": "203.0.113.7", "to_ids": true,
             "distribution": "5", "timestamp": "1796000000",
             "Tag": [{"name": "kill-chain:delivery"}]},
            {"uuid": "dddddddd-0000-4000-8000-000000000002", "type": "domain",
             "category": "Network activity", "value": "evil.example", "to_ids": false,
             "distribution": "0", "timestamp": "1796000000"},
            {"uuid": "dddddddd-0000-4000-8000-000000000003", "type": "btc",
             "category": "Financial fraud", "value": "1E38kt7ryhbRXUzbam6iQ6sd93VHUUdjEE",
             "to_ids": true, "distribution": "1", "timestamp": "1796000000"},
            {"uuid": "dddddddd-0000-4000-8000-000000000004", "type": "url",
             "category": "Network activity", "value": "https://evil.example/x", "to_ids": true,
             "distribution": "5", "timestamp": "1796000000", "Tag": [{"name": "tlp:red"}]}
          ]}}
        """
            .formatted(ORG_FIN, ORG_POL, ORG_NONE);
    MispEvent e =
        new MispReader()
            .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
            .get(0);
    ExportResult r = roundTrip(e, 1);
    assertThat(r.losses().stream().flatMap(l -> l.entries().stream()))
        .anyMatch(l -> l.reason().contains("TLP:RED"));
  }

  @Test
  void objectDistributionAndAttributeGalaxiesComeBack() throws Exception {
    String json =
        """
        {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-000000000002", "info": "objects",
          "date": "2026-12-07", "timestamp": "1796000000", "distribution": "3",
          "Orgc": {"uuid": "cccccccc-0000-4000-8000-000000000001", "name": "CERT-EE"},
          "Tag": [{"name": "tlp:green"}],
          "Attribute": [
            {"uuid": "dddddddd-0000-4000-8000-000000000011", "type": "domain",
             "category": "Network activity", "value": "c2.example", "to_ids": true,
             "distribution": "5", "timestamp": "1796000000",
             "Galaxy": [{"uuid": "698774c7-8022-42c4-917f-8d6e4f06ada3", "type": "threat-actor",
               "name": "Threat Actor", "GalaxyCluster": [{"uuid":
               "7cdff317-a673-4474-84ec-4f1754947823", "type": "threat-actor", "value": "APT28",
               "tag_name": "misp-galaxy:threat-actor=\\"APT28\\""}]}]}],
          "Object": [
            {"uuid": "eeeeeeee-0000-4000-8000-000000000001", "name": "domain-ip",
             "meta-category": "network", "timestamp": "1796000000", "distribution": "0",
             "Attribute": [
               {"uuid": "dddddddd-0000-4000-8000-000000000012", "type": "ip-dst",
                "category": "Network activity", "value": "203.0.113.12", "to_ids": true,
                "object_relation": "ip", "distribution": "5", "timestamp": "1796000000"}]},
            {"uuid": "eeeeeeee-0000-4000-8000-000000000002", "name": "domain-ip",
             "meta-category": "network", "timestamp": "1796000000", "distribution": "4",
             "sharing_group_id": "9",
             "Attribute": [
               {"uuid": "dddddddd-0000-4000-8000-000000000013", "type": "domain",
                "category": "Network activity", "value": "sg.example", "to_ids": false,
                "object_relation": "domain", "distribution": "4", "sharing_group_id": "9",
                "SharingGroup": {"id": "9", "uuid": "bbbbbbbb-0000-4000-8000-000000000009",
                  "name": "fin-pol", "SharingGroupOrg": [
                    {"Organisation": {"uuid": "%s", "name": "fin"}},
                    {"Organisation": {"uuid": "%s", "name": "pol"}}]},
                "timestamp": "1796000000"}]},
            {"uuid": "eeeeeeee-0000-4000-8000-000000000003", "name": "domain-ip",
             "meta-category": "network", "timestamp": "1796000000", "distribution": "5",
             "Attribute": [
               {"uuid": "dddddddd-0000-4000-8000-000000000014", "type": "domain",
                "category": "Network activity", "value": "plain.example", "to_ids": false,
                "object_relation": "domain", "distribution": "5", "timestamp": "1796000000"}]}
          ]}}
        """
            .formatted(ORG_FIN, ORG_POL);
    MispEvent e =
        new MispReader()
            .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
            .get(0);
    ExportResult r = roundTrip(e, 0);
    MispEvent back =
        new MispReader()
            .read(
                new ByteArrayInputStream(
                    MispJson.toJson(r.events().get(0).json()).getBytes(StandardCharsets.UTF_8)))
            .get(0);
    Map<String, MispObject> objects = new HashMap<>();
    back.objects().forEach(o -> objects.put(o.uuid(), o));
    assertThat(objects.get("eeeeeeee-0000-4000-8000-000000000001").distribution())
        .isEqualTo(Distribution.ORGANISATION);
    MispObject sg = objects.get("eeeeeeee-0000-4000-8000-000000000002");
    assertThat(sg.distribution()).isEqualTo(Distribution.SHARING_GROUP);
    assertThat(sg.sharingGroup()).isPresent();
    assertThat(objects.get("eeeeeeee-0000-4000-8000-000000000003").distribution())
        .isEqualTo(Distribution.INHERIT);
    Map<String, String> before = objectAudiences(e);
    assertThat(objectAudiences(back)).isEqualTo(before);

    String galaxyTag = "misp-galaxy:threat-actor=\"APT28\"";
    MispAttribute withGalaxy =
        back.attributes().stream()
            .filter(a -> a.uuid().equals("dddddddd-0000-4000-8000-000000000011"))
            .findFirst()
            .orElseThrow();
    assertThat(withGalaxy.tags()).extracting(MispTag::name).contains(galaxyTag);
    assertThat(back.tags()).extracting(MispTag::name).doesNotContain(galaxyTag);
  }

  private static Map<String, String> objectAudiences(MispEvent e) {
    AudienceResolver res = new AudienceResolver(SETTINGS);
    Audience ev = res.of(e.distribution(), e.sharingGroup(), e.tags(), null, n -> {});
    Map<String, String> out = new HashMap<>();
    for (MispObject o : e.objects()) {
      out.put(
          o.uuid(), res.of(o.distribution(), o.sharingGroup(), List.of(), ev, n -> {}).toString());
    }
    return out;
  }

  /** Converts, exports for the own nation, re-reads and compares; returns the export. */
  static ExportResult roundTrip(MispEvent e, int expectedNotExported) throws Exception {
    EventConversion c = new MispToStix(SETTINGS).convert(e);
    Map<String, StixObject> byId = new HashMap<>();
    c.objects().forEach(o -> byId.put(o.id(), o));
    ExportResult r =
        new StixToMisp(SETTINGS)
            .export("c", c.objects(), id -> Optional.ofNullable(byId.get(id)), o -> "EST", "EST");
    assertThat(r.notExported()).as(e.uuid()).isEqualTo(expectedNotExported);
    assertThat(r.events()).hasSize(1);
    MispSchema schema = new MispSchema();
    assertThat(schema.validate(r.events().get(0).json())).isEmpty();
    MispEvent back =
        new MispReader()
            .read(
                new ByteArrayInputStream(
                    MispJson.toJson(r.events().get(0).json()).getBytes(StandardCharsets.UTF_8)))
            .get(0);
    assertThat(back.uuid()).isEqualTo(e.uuid());
    Map<String, String> before = describe(e);
    Map<String, String> after = describe(back);
    // no attribute appears that was not there (an object's combined indicator is none)
    assertThat(after.keySet()).isSubsetOf(before.keySet());
    for (Map.Entry<String, String> x : before.entrySet()) {
      if (x.getValue().contains("tlp:red")) {
        assertThat(after).doesNotContainKey(x.getKey());
      } else {
        assertThat(after.get(x.getKey())).as(x.getKey()).isEqualTo(x.getValue());
      }
    }
    return r;
  }

  /** Per attribute uuid: type, value, to_ids, category, tags and the effective audience. */
  static Map<String, String> describe(MispEvent e) {
    AudienceResolver res = new AudienceResolver(SETTINGS);
    Audience ev = res.of(e.distribution(), e.sharingGroup(), e.tags(), null, n -> {});
    Map<String, String> out = new HashMap<>();
    List<MispAttribute> all = new ArrayList<>(e.attributes());
    Map<String, Audience> parent = new HashMap<>();
    e.attributes().forEach(a -> parent.put(a.uuid(), ev));
    for (MispObject o : e.objects()) {
      Audience oa = res.of(o.distribution(), o.sharingGroup(), List.of(), ev, n -> {});
      o.attributes().forEach(a -> parent.put(a.uuid(), oa));
      all.addAll(o.attributes());
    }
    for (MispAttribute a : all) {
      Audience aud =
          res.of(a.distribution(), a.sharingGroup(), a.tags(), parent.get(a.uuid()), n -> {});
      Set<String> tags = new TreeSet<>();
      a.tags().stream().map(MispTag::name).forEach(tags::add);
      // MISP attaches a galaxy cluster to an attribute as its tag: the export writes it so
      a.galaxies().stream()
          .flatMap(g -> g.clusters().stream())
          .map(MispCluster::tagName)
          .filter(t -> !t.isEmpty())
          .forEach(tags::add);
      out.put(
          a.uuid(),
          String.join(
              " | ",
              a.type(),
              a.value(),
              Boolean.toString(a.toIds()),
              a.category(),
              tags.toString(),
              aud.toString()));
    }
    return out;
  }
}
