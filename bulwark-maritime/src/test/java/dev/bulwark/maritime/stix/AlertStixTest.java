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
    assertThat(AlertStix.evidenceTrack(note)).isEqualTo(m.track());
    assertThat(ext.get("asset_name").asString()).isEqualTo("Estlink 2");
    assertThat(ext.has("asset_ref")).isFalse();
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
