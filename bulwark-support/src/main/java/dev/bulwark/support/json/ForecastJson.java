package dev.bulwark.support.json;

import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.QuarterRow;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forecast as JSON: totals, the what-if changes and one row per quarter, money as decimal
 * strings. Stateless and thread-safe.
 */
public final class ForecastJson {
  private ForecastJson() {}

  public static ObjectNode forecast(Forecast f) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("total_need_eur", f.totalNeedEur().toPlainString());
    root.put("total_supply_eur", f.totalSupplyEur().toPlainString());
    root.put("total_gap_eur", f.totalGapEur().toPlainString());
    ArrayNode changes = root.putArray("changes");
    f.changes()
        .forEach(
            c ->
                changes
                    .addObject()
                    .put("ally", c.ally())
                    .put("factor", c.factor().toPlainString()));
    ArrayNode qs = root.putArray("quarters");
    for (QuarterRow q : f.quarters()) {
      qs.addObject()
          .put("quarter", q.quarter().label())
          .put("start", q.quarter().start().toString())
          .put("need_eur", q.needEur().toPlainString())
          .put("counted_eur", q.countedEur().toPlainString())
          .put("scheduled_eur", q.scheduledEur().toPlainString())
          .put("gap_eur", q.gapEur().toPlainString())
          .put("cumulative_gap_eur", q.cumulativeGapEur().toPlainString());
    }
    return root;
  }
}
