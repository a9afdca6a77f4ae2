package dev.bulwark.maritime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AlertJsonTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static Alert alert(List<Integer> others) {
    return new Alert(
        "drift-1",
        AlertKind.DRIFTING,
        230000001,
        "",
        others,
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2026-11-28T09:00:00Z"),
        Instant.parse("2026-11-28T09:20:00.5Z"),
        Instant.parse("2026-11-28T09:10:00Z"),
        Severity.LOW,
        0.456,
        "drifting",
        new Evidence("{\"type\":\"Feature\",\"geometry\":null}", Map.of("sog_kn", "1.2")),
        0);
  }

  @Test
  void scanWritesTheEngineAlertInAFixedOrder() {
    assertThat(AlertJson.scan(alert(List.of()), false).toString())
        .isEqualTo(
            "{\"id\":\"drift-1\",\"kind\":\"drifting\",\"mmsi\":230000001,\"name\":\"\","
                + "\"asset\":null,\"start\":\"2026-11-28T09:00:00Z\","
                + "\"end\":\"2026-11-28T09:20:00.500Z\",\"raised\":\"2026-11-28T09:10:00Z\","
                + "\"severity\":\"low\",\"score\":0.46,\"summary\":\"drifting\","
                + "\"evidence_text\":\"Drifting. Seen 28 Nov 09:00Z to 28 Nov 09:20Z (track time).\","
                + "\"parameters\":{\"sog_kn\":\"1.2\"}}");
    assertThat(AlertJson.scan(alert(List.of(1, 2)), true).toString())
        .contains("\"others\":[1,2]", "\"track\":{\"type\":\"Feature\",\"geometry\":null}");
  }

  @Test
  void viewAndDetailComeFromTheIncidentExtension() {
    ObjectNode ext = JSON.createObjectNode();
    ext.put("status", "open");
    ext.put("extension_type", "property-extension");
    ext.put("subject", "alert");
    ext.putObject("parameters").put("a", "1");
    ObjectNode view = AlertJson.view(ext, "x", "incident--1", "t", "v");
    assertThat(view.toString())
        .isEqualTo(
            "{\"status\":\"open\",\"evidence_text\":\"\",\"id\":\"x\",\"incident_id\":\"incident--1\","
                + "\"title\":\"t\","
                + "\"version\":\"v\"}");
    ObjectNode note = JSON.createObjectNode();
    note.put("id", "note--1");
    note.putArray("authors").add("ann");
    note.put("created", "c");
    note.put("content", "text");
    assertThat(AlertJson.detail(view, ext, JSON.nullNode(), List.of(note), List.of("m")).toString())
        .endsWith(
            "\"parameters\":{\"a\":\"1\"},\"track\":null,\"notes\":[{\"id\":\"note--1\","
                + "\"author\":\"ann\",\"created\":\"c\",\"content\":\"text\"}],"
                + "\"marking_refs\":[\"m\"]}");
    assertThat(ext.has("extension_type")).isTrue();
  }
}
