package dev.bulwark.support.report;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import java.io.Writer;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a report as JSON: {@code title, ally, generated, marking, focus, history[], entries[]},
 * each period with its baseline, counted total, shortfall and allies. Money is written as decimal
 * strings with cents, so no precision is lost. Stateless and thread-safe.
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
    n.put("keyYear", r.keyYear());
    n.put("counted", r.counted().name().toLowerCase(Locale.ROOT));
    n.put("baselineEur", r.baselineEur().toPlainString());
    n.put("countedEur", r.totalEligibleEur().toPlainString());
    n.put("shortfallEur", r.shortfallEur().toPlainString());
    n.put("sumOfGapsEur", r.sumOfGapsEur().toPlainString());
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
      x.put("keyValueUsd", a.keyValueUsd().toPlainString());
      x.put("share", a.share().toPlainString());
      x.put("fairShareEur", a.fairShareEur().toPlainString());
      x.put("countedEur", a.eligibleEur().toPlainString());
      x.put("gapEur", a.gapEur().toPlainString());
      x.put("surplusEur", a.surplusEur().toPlainString());
      x.put("pledgedEur", a.pledgedEur().toPlainString());
      x.put("reportingOnlyEur", a.reportingOnlyEur().toPlainString());
    }
    return n;
  }

  static ObjectNode entry(Contribution c) {
    ObjectNode x = MAPPER.createObjectNode();
    x.put("id", c.id());
    x.put("donor", c.donor());
    x.put("date", c.date().toString());
    x.put("status", c.status().name().toLowerCase(Locale.ROOT));
    x.put("category", c.category().name().toLowerCase(Locale.ROOT));
    x.put("eligible", c.category().eligible());
    x.put("channel", c.channel().name().toLowerCase(Locale.ROOT));
    x.put("coalition", c.coalition().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(null));
    x.put("amount", c.amount().toPlainString());
    x.put("currency", c.currency());
    x.put("eur", c.eur().toPlainString());
    x.put("valuation", c.valuation().name().toLowerCase(Locale.ROOT));
    x.put("fxBasis", c.fxBasis());
    x.put("description", c.description());
    x.put("source", c.source());
    return x;
  }
}
