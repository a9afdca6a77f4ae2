package dev.bulwark.readiness.declaration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A declaration as JSON with the CSV's column names (snake_case), and a JSON entry as the columns
 * {@link DeclarationCsv#parse} checks, so that a form, the API and a file are read by the same
 * rules. Stateless; thread-safe.
 */
public final class DeclarationJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DeclarationJson() {}

  /** The declaration's fields, named as the CSV's columns (the tier both stated and counted). */
  public static ObjectNode write(Declaration d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("nation", d.nation());
    o.put("unit", d.unit());
    o.put("domain", d.domain().code());
    o.put("unit_type", d.unitType());
    o.put("personnel", d.personnel());
    o.put("notice_to_move_days", d.noticeToMoveDays());
    if (d.statedTier().isPresent()) {
      o.put("tier", d.statedTier().getAsInt());
    } else {
      o.putNull("tier");
    }
    o.put("counted_tier", d.tier());
    o.put("regional_plan", d.regionalPlan());
    o.put("status", d.status().code());
    o.put("c_level", d.cLevel());
    d.sub().personnel().ifPresent(v -> o.put("p_level", v));
    d.sub().equipmentOnHand().ifPresent(v -> o.put("s_level", v));
    d.sub().equipmentCondition().ifPresent(v -> o.put("r_level", v));
    d.sub().training().ifPresent(v -> o.put("t_level", v));
    ObjectNode eq = o.putObject("equipment");
    d.equipment().forEach(eq::put);
    o.put("valid_from", d.validFrom().toString());
    o.put("ready", d.ready());
    o.put("verified", d.status().verified());
    return o;
  }

  /**
   * A JSON entry as columns: scalars as text, {@code equipment} as an object or {@code
   * kind=count;…}, {@code releasable_to} as an array or {@code A;B}. Other members are ignored.
   */
  public static Map<String, String> columns(JsonNode entry) {
    Map<String, String> out = new LinkedHashMap<>();
    if (entry == null || !entry.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : entry.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (v.isObject()) {
        StringJoiner j = new StringJoiner(";");
        v.properties().forEach(x -> j.add(x.getKey() + "=" + x.getValue().asString()));
        out.put(e.getKey(), j.toString());
      } else if (v.isArray()) {
        StringJoiner j = new StringJoiner(";");
        v.forEach(x -> j.add(x.asString()));
        out.put(e.getKey(), j.toString());
      } else {
        out.put(e.getKey(), v.asString());
      }
    }
    return out;
  }
}
