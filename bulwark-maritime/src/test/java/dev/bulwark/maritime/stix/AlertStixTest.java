package dev.bulwark.maritime.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Evidence;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What an alert is in STIX: ids, properties, refs, the track kept as data. */
class AlertStixTest {
  static final InfrastructureLayer LAYER = GeoJsonInfrastructure.baltic().layer();
  static final String NODE = MaritimeExtension.nodeIdentity("EST");
  static final List<String> AMBER = List.of(Tlp.AMBER.markingDefinitionId());
  static final String TRACK =
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
          + "[[26.40000,59.80000],[26.30000,59.82000]]},"
          + "\"properties\":{\"mmsi\":518000001,\"times\":[1,2],\"sog_kn\":[6.2,6.1]}}";

  static Alert drag(String track, Optional<String> asset) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("mean_sog_kn", "6.2");
    return new Alert(
        "anchor-drag-518000001",
        AlertKind.ANCHOR_DRAG,
        518000001,
        "EAGLE",
        List.of(230000001),
        asset,
        asset,
        Instant.parse("2026-11-28T09:00:00Z"),
        Instant.parse("2026-11-28T09:20:00Z"),
        Instant.parse("2026-11-28T09:10:00Z"),
        Severity.MEDIUM,
        0.81234,
        "anchor dragged across Estlink 2",
        new Evidence(track, params),
        2);
  }

  @Test
  void mapsAnAlertToNameBasedObjectsThatReferToEachOther() {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    ext.put("status", "open");
    String incident = AlertStix.incidentId("anchor-drag-518000001");
    Alert a = drag(TRACK, Optional.of("Estlink 2"));
    AlertStix.Mapped m =
        new AlertStix(NODE).map(a, incident, ext, a.assetId().flatMap(LAYER::find), AMBER);

    assertThat(m.objects())
        .extracting(o -> o.get("type").asString())
        .containsExactly("identity", "infrastructure", "location", "note", "sighting");
    assertThat(m.objects())
        .allSatisfy(o -> assertThat(o.get("created_by_ref").asString()).isEqualTo(NODE));
    assertThat(m.title()).isEqualTo("anchor drag: EAGLE on Estlink 2");
    assertThat(incident)
        .isEqualTo(MaritimeExtension.id("incident", "alert|anchor-drag-518000001"))
        .isEqualTo(AlertStix.incidentId("anchor-drag-518000001"));
    ObjectNode vessel = m.objects().get(0);
    assertThat(vessel.get("id").asString())
        .isEqualTo(MaritimeExtension.id("identity", "vessel|518000001"));
    assertThat(ext.get("vessel_ref").asString()).isEqualTo(vessel.get("id").asString());
    assertThat(ext.get("asset_ref").asString()).isEqualTo(m.objects().get(1).get("id").asString());
    assertThat(ext.get("location_ref").asString())
        .isEqualTo(m.objects().get(2).get("id").asString());
    assertThat(ext.get("evidence_ref").asString())
        .isEqualTo(m.objects().get(3).get("id").asString());
    assertThat(ext.get("sighting_ref").asString())
        .isEqualTo(m.objects().get(4).get("id").asString());
    assertThat(ext.get("latitude").asDouble()).isEqualTo(59.82);
    assertThat(ext.get("longitude").asDouble()).isEqualTo(26.3);
    assertThat(ext.get("score").asDouble()).isEqualTo(0.812);
    assertThat(ext.get("start").asString()).isEqualTo("2026-11-28T09:00:00.000Z");
    // the workflow's properties stay first, where they were
    assertThat(ext.propertyNames().iterator().next()).isEqualTo("status");
    assertThat(m.objects().get(4).toString())
        .contains(
            "\"count\":3",
            "\"where_sighted_refs\":[\"" + NODE + "\",\"" + ext.get("location_ref").asString());
    assertThat(m.track()).isEqualTo(JsonMapper.builder().build().readTree(TRACK));
  }

  /**
   * The objects exactly as the node wrote them before the mapping left the node (ids are
   * name-based: a changed id would make a restarted node publish duplicates instead of versions).
   */
  @Test
  void pinsTheObjectsAsTheNodeHasAlwaysWrittenThem() {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    Alert a = drag(TRACK, Optional.of("Estlink 2"));
    AlertStix.Mapped m =
        new AlertStix(NODE)
            .map(a, AlertStix.incidentId(a.id()), ext, a.assetId().flatMap(LAYER::find), AMBER);
    assertThat(m.objects().get(0).toString())
        .isEqualTo(
            "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--58d"
                + "b7c33-afe3-5eed-9f1d-3a007c225ea0\",\"created_by_ref\":\"identity--3d1"
                + "acb40-3fc0-500d-8a0f-6d5ca083546e\",\"object_marking_refs\":[\"marking"
                + "-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"],\"name\":\"EAGLE"
                + "\",\"description\":\"Vessel transmitting AIS as MMSI 518000001.\",\"id"
                + "entity_class\":\"unknown\",\"sectors\":[\"transportation\"],\"extensio"
                + "ns\":{\"extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38\":{"
                + "\"extension_type\":\"property-extension\",\"subject\":\"vessel\",\"mms"
                + "i\":518000001,\"flag\":\"COK\"}}}");
    assertThat(m.objects().get(2).toString())
        .isEqualTo(
            "{\"type\":\"location\",\"spec_version\":\"2.1\",\"id\":\"location--1b3"
                + "bbb8a-0b13-50c8-ae2c-0d5b6d3805a6\",\"created_by_ref\":\"identity--3d1"
                + "acb40-3fc0-500d-8a0f-6d5ca083546e\",\"object_marking_refs\":[\"marking"
                + "-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"],\"name\":\"Positi"
                + "on of MMSI 518000001 at 2026-11-28T09:20:00.000Z\",\"latitude\":59.82,"
                + "\"longitude\":26.3,\"precision\":50.0}");
    assertThat(m.objects().get(4).toString())
        .isEqualTo(
            "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--de2"
                + "19011-474f-555d-89d1-5ea637ebae2b\",\"created_by_ref\":\"identity--3d1"
                + "acb40-3fc0-500d-8a0f-6d5ca083546e\",\"object_marking_refs\":[\"marking"
                + "-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"],\"description\":"
                + "\"anchor dragged across Estlink 2\",\"first_seen\":\"2026-11-28T09:00:"
                + "00.000Z\",\"last_seen\":\"2026-11-28T09:20:00.000Z\",\"count\":3,\"sig"
                + "hting_of_ref\":\"identity--58db7c33-afe3-5eed-9f1d-3a007c225ea0\",\"wh"
                + "ere_sighted_refs\":[\"identity--3d1acb40-3fc0-500d-8a0f-6d5ca083546e\""
                + ",\"location--1b3bbb8a-0b13-50c8-ae2c-0d5b6d3805a6\"]}");
    assertThat(ext.toString())
        .isEqualTo(
            "{\"extension_type\":\"property-extension\",\"subject\":\"alert\",\"ale"
                + "rt_id\":\"anchor-drag-518000001\",\"kind\":\"anchor-drag\",\"severity"
                + "\":\"medium\",\"score\":0.812,\"summary\":\"anchor dragged across Estl"
                + "ink 2\",\"start\":\"2026-11-28T09:00:00.000Z\",\"end\":\"2026-11-28T09"
                + ":20:00.000Z\",\"raised\":\"2026-11-28T09:10:00.000Z\",\"revision\":2,"
                + "\"mmsi\":518000001,\"vessel_name\":\"EAGLE\",\"other_mmsis\":[23000000"
                + "1],\"parameters\":{\"mean_sog_kn\":\"6.2\"},\"vessel_ref\":\"identity-"
                + "-58db7c33-afe3-5eed-9f1d-3a007c225ea0\",\"asset_name\":\"Estlink 2\","
                + "\"asset_key\":\"Estlink 2\",\"asset_ref\":\"infrastructure--1fa9d929-7"
                + "31c-5d3c-b00f-24d207022bcf\",\"latitude\":59.82,\"longitude\":26.3,\"l"
                + "ocation_ref\":\"location--1b3bbb8a-0b13-50c8-ae2c-0d5b6d3805a6\",\"evi"
                + "dence_ref\":\"note--41646e60-2c55-5762-ba0f-5c4ded257b93\",\"sighting_"
                + "ref\":\"sighting--de219011-474f-555d-89d1-5ea637ebae2b\"}");
  }

  @Test
  void theEvidenceNoteCarriesTheTrackAndGivesItBack() {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    Alert a = drag(TRACK, Optional.of("Estlink 2"));
    AlertStix.Mapped m =
        new AlertStix(NODE).map(a, AlertStix.incidentId(a.id()), ext, Optional.empty(), AMBER);
    ObjectNode note = m.objects().get(m.objects().size() - 2);
    assertThat(note.get("content").asString())
        .isEqualTo(
            "anchor dragged across Estlink 2\n\nmean_sog_kn: 6.2\n\nTrack (GeoJSON):\n"
                + TRACK
                + "\n");
    JsonNode evidence = note.path("extensions").path(MaritimeExtension.ID);
    assertThat(evidence.path("subject").asString()).isEqualTo("evidence");
    assertThat(evidence.path("track")).isEqualTo(m.track());
    assertThat(AlertStix.evidenceTrack(note)).isEqualTo(m.track());
    assertThat(ext.get("asset_name").asString()).isEqualTo("Estlink 2");
    assertThat(ext.has("asset_ref")).isFalse();
  }

  @Test
  void theTrackIsNeverReadBackFromTheNotesText() {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    Alert a = drag(TRACK, Optional.of("Estlink 2"));
    List<ObjectNode> objects =
        new AlertStix(NODE)
            .map(a, AlertStix.incidentId(a.id()), ext, Optional.empty(), AMBER)
            .objects();
    ObjectNode note = objects.get(objects.size() - 2);
    note.remove("extensions");
    assertThat(note.get("content").asString()).contains(TRACK);
    assertThat(AlertStix.evidenceTrack(note).isNull()).isTrue();
  }

  @Test
  void noPositionNoLocationAndABadTrackIsNull() {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    Alert a = drag("not json", Optional.empty());
    AlertStix.Mapped m =
        new AlertStix(NODE).map(a, AlertStix.incidentId(a.id()), ext, Optional.empty(), AMBER);
    assertThat(m.objects())
        .extracting(o -> o.get("type").asString())
        .containsExactly("identity", "note", "sighting");
    assertThat(m.track().isNull()).isTrue();
    assertThat(ext.has("location_ref")).isFalse();
  }

  @Test
  void everyObjectValidatesOnceVersioned() throws Exception {
    ObjectNode ext = JsonMapper.builder().build().createObjectNode();
    AlertStix stix = new AlertStix(NODE);
    Alert a = drag(TRACK, Optional.of("Estlink 2"));
    String incidentId = AlertStix.incidentId(a.id());
    AlertStix.Mapped m = stix.map(a, incidentId, ext, a.assetId().flatMap(LAYER::find), AMBER);
    List<ObjectNode> all = new ArrayList<>(m.objects());
    all.add(stix.incident(incidentId, m.title(), ext, AMBER));
    all.add(
        stix.analystNote(
            "note--6b9d3c1e-2f4a-4b8c-9d0e-1a2b3c4d5e6f", "ann", "seen", incidentId, AMBER));
    all.add(stix.nodeIdentityObject("EST"));
    StixValidator validator = new StixValidator();
    StixCodec codec = new StixCodec();
    for (ObjectNode o : all) {
      StixObject v =
          StixVersions.stamped(o, "2026-11-28T10:00:00.000Z", "2026-11-28T10:00:00.000Z");
      StixObject read = codec.parseObject(v.toJson());
      assertThat(validator.validate(read).errors()).as(v.toJson()).isEmpty();
    }
  }
}
