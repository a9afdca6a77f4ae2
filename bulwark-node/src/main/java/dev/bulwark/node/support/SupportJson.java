package dev.bulwark.node.support;

import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.AllyOutcome;
import dev.bulwark.support.allocation.Assignment;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.OfferOutcome;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.allocation.RequirementOutcome;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.QuarterRow;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The support API's JSON shapes (snake_case, money as decimal strings in euros with cents where the
 * library keeps exact amounts, numbers where the allocation works in doubles). Stateless and
 * thread-safe.
 */
final class SupportJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SupportJson() {}

  static ObjectNode contribution(StoredContribution s) {
    Contribution c = s.contribution();
    ObjectNode x = MAPPER.createObjectNode();
    x.put("id", c.id());
    x.put("donor", c.donor());
    x.put("date", c.date().toString());
    x.put("status", lower(c.status()));
    x.put("category", lower(c.category()));
    x.put("eligible", c.category().eligible());
    x.put("channel", lower(c.channel()));
    x.put("coalition", c.coalition().map(SupportJson::lower).orElse(null));
    x.put("amount", c.amount().toPlainString());
    x.put("currency", c.currency());
    x.put("eur", c.eur().toPlainString());
    x.put("valuation", lower(c.valuation()));
    x.put("fx_basis", c.fxBasis());
    x.put("description", c.description());
    x.put("source", c.source());
    x.put("corrects", s.corrects().isEmpty() ? null : s.corrects());
    x.put("entered_by", s.enteredBy());
    x.put("entered_nation", s.enteredNation());
    x.put("entered", Instant.ofEpochSecond(0, s.enteredMicros() * 1000).toString());
    x.put("batch", s.batch());
    return x;
  }

  static ObjectNode requirement(Requirement r) {
    ObjectNode x = MAPPER.createObjectNode();
    x.put("id", r.id());
    x.put("coalition", lower(r.coalition()));
    x.put("item", r.item());
    x.put("quantity", r.quantity());
    x.put("unit_value_eur", r.unitValueEur());
    x.put("priority", r.priority());
    x.put("need_by", r.needBy().toString());
    return x;
  }

  static ObjectNode offer(Offer o) {
    ObjectNode x = MAPPER.createObjectNode();
    x.put("id", o.id());
    x.put("ally", o.ally());
    x.put("kind", lower(o.kind()));
    x.put("coalition", o.coalition().map(SupportJson::lower).orElse(null));
    x.put("item", o.item());
    x.put("quantity", o.quantity());
    x.put("available_from", o.availableFrom().toString());
    return x;
  }

  static ObjectNode allocation(AllocationResult r, int year) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("year", year);
    root.put("shortfall_eur", round(r.shortfallEur()));
    root.put("weighted_shortfall_eur", round(r.weightedShortfallEur()));
    root.put("max_deviation_eur", round(r.maxDeviationEur()));
    root.put("variables", r.variables());
    root.put("fairness_stage", lower(r.stage2()));
    root.put("solve_ms", r.solveMillis());
    ArrayNode as = root.putArray("assignments");
    for (Assignment a : r.assignments()) {
      as.addObject()
          .put("offer", a.offerId())
          .put("ally", a.ally())
          .put("requirement", a.requirementId())
          .put("units", a.units())
          .put("value_eur", round(a.valueEur()));
    }
    ArrayNode rs = root.putArray("requirements");
    for (RequirementOutcome o : r.requirements()) {
      ObjectNode x = requirement(o.requirement());
      x.put("filled_units", o.filledUnits());
      x.put("shortfall_units", o.shortfallUnits());
      x.put("shortfall_eur", round(o.shortfallValueEur()));
      ArrayNode by = x.putArray("filled_by");
      o.fills()
          .forEach(
              a ->
                  by.addObject()
                      .put("offer", a.offerId())
                      .put("ally", a.ally())
                      .put("units", a.units()));
      x.put("explanation", o.explanation());
      rs.add(x);
    }
    ArrayNode os = root.putArray("offers");
    for (OfferOutcome o : r.offers()) {
      ObjectNode x = offer(o.offer());
      x.put("used", o.used());
      x.put("unused", o.unused());
      x.put("explanation", o.explanation());
      os.add(x);
    }
    ArrayNode al = root.putArray("allies");
    for (AllyOutcome a : r.allies()) {
      al.addObject()
          .put("ally", a.ally())
          .put("allocated_eur", round(a.allocatedEur()))
          .put("prior_eur", round(a.priorEur()))
          .put("target_eur", round(a.targetEur()))
          .put("deviation_eur", round(a.deviationEur()));
    }
    return root;
  }

  static ObjectNode forecast(Forecast f) {
    ObjectNode root = MAPPER.createObjectNode();
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

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
