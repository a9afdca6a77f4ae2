package dev.bulwark.support.report;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.json.ContributionJson;
import java.io.Writer;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a report as JSON (field names in snake_case, as everywhere in the support JSON): {@code
 * title, ally, generated, marking, focus, history[], entries[]}, each period with its baseline,
 * counted total, shortfall and allies. Money is written as decimal strings with cents, so no
 * precision is lost. Stateless and thread-safe.
 */
public final class JsonReport {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonReport() {}

  public static ObjectNode toJson(SupportReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", report.title());
    root.put("ally", report.ally().orElse(null));
    root.put("generated", report.generated().toString());
    root.put("marking", report.marking().orElse(null));
    root.set("focus", period(report.focus(), report));
    ArrayNode history = root.putArray("history");
    report.history().forEach(r -> history.add(period(r, report)));
    ArrayNode entries = root.putArray("entries");
    report.entries().forEach(c -> entries.add(entry(c)));
    return root;
  }

  public static void write(SupportReport report, Writer out) {
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, toJson(report));
  }

  /** One fair-share table as JSON (also used by {@code bulwark support fair-share --json}). */
  public static ObjectNode period(FairShareResult r, SupportReport report) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("period", r.period().label());
    n.put("start", r.period().start().toString());
    n.put("end", r.period().end().toString());
    n.put("key", r.key().name());
    n.put("key_year", r.keyYear());
    n.put("counted", r.counted().name().toLowerCase(Locale.ROOT));
    n.put("baseline_eur", r.baselineEur().toPlainString());
    n.put("counted_eur", r.totalEligibleEur().toPlainString());
    n.put("shortfall_eur", r.shortfallEur().toPlainString());
    n.put("sum_of_gaps_eur", r.sumOfGapsEur().toPlainString());
    ArrayNode allies = n.putArray("allies");
    for (AllyShare a : r.allies()) {
      if (report != null
          && report.ally().isPresent()
          && !report.ally().get().equals(a.ally().iso3())) {
        continue;
      }
      ObjectNode x = allies.addObject();
      x.put("iso3", a.ally().iso3());
      x.put("name", a.ally().name());
      x.put("key_value_usd", a.keyValueUsd().toPlainString());
      x.put("share", a.share().toPlainString());
      x.put("fair_share_eur", a.fairShareEur().toPlainString());
      x.put("counted_eur", a.eligibleEur().toPlainString());
      x.put("gap_eur", a.gapEur().toPlainString());
      x.put("surplus_eur", a.surplusEur().toPlainString());
      x.put("pledged_eur", a.pledgedEur().toPlainString());
      x.put("reporting_only_eur", a.reportingOnlyEur().toPlainString());
    }
    return n;
  }

  static ObjectNode entry(Contribution c) {
    return ContributionJson.entry(c);
  }
}
