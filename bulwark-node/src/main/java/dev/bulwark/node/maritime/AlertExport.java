package dev.bulwark.node.maritime;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's alert list as a file: the alerts a reader may see (the caller passes only those,
 * read through the access policy), filtered as the list is (status, severity, kind, asset), as CSV
 * (RFC 4180: quoted fields, CRLF) or as a GeoJSON FeatureCollection of points. Stateless.
 */
final class AlertExport {
  private AlertExport() {}

  /** The columns of the CSV, in order: list-view members. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "status",
          "severity",
          "kind",
          "asset_name",
          "mmsi",
          "vessel_name",
          "title",
          "raised",
          "start",
          "end",
          "latitude",
          "longitude",
          "summary",
          "evidence_text");

  /** Whether an alert's list view passes the filters (empty filter values match everything). */
  static boolean matches(JsonNode a, Map<String, String> filters) {
    for (Map.Entry<String, String> f : filters.entrySet()) {
      String field = f.getKey().equals("asset") ? "asset_name" : f.getKey();
      if (!f.getValue().isEmpty() && !f.getValue().equals(a.path(field).asString(""))) {
        return false;
      }
    }
    return true;
  }

  static String csv(List<ObjectNode> alerts) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (ObjectNode a : alerts) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        JsonNode v = a.path(COLUMNS.get(i));
        b.append(field(v.isMissingNode() || v.isNull() ? "" : v.asString("")));
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  /** A CSV field, quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
  static String field(String s) {
    String v =
        !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+") ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  static String geoJson(List<ObjectNode> alerts, JsonMapper json) {
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (ObjectNode a : alerts) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      if (a.path("latitude").isNumber() && a.path("longitude").isNumber()) {
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates")
            .add(a.path("longitude").asDouble())
            .add(a.path("latitude").asDouble());
      } else {
        f.putNull("geometry");
      }
      ObjectNode p = f.putObject("properties");
      for (String c : COLUMNS) {
        if (!c.equals("latitude") && !c.equals("longitude") && a.has(c)) {
          p.set(c, a.get(c));
        }
      }
    }
    return fc.toString();
  }
}
