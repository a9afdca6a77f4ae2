package dev.bulwark.support.json;

import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.AllyOutcome;
import dev.bulwark.support.allocation.Assignment;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.OfferOutcome;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.allocation.RequirementOutcome;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requirements, offers and an allocation as JSON: the objectives, who fills what, each requirement
 * and offer with its outcome and explanation, and each offering ally against its fair share. Euros
 * computed by the linear program are rounded to cents. Stateless and thread-safe.
 */
public final class AllocationJson {
  private AllocationJson() {}

  public static ObjectNode requirement(Requirement r) {
    ObjectNode x = Json.MAPPER.createObjectNode();
    x.put("id", r.id());
    x.put("coalition", Json.lower(r.coalition()));
    x.put("item", r.item());
    x.put("quantity", r.quantity());
    x.put("unit_value_eur", r.unitValueEur());
    x.put("priority", r.priority());
    x.put("need_by", r.needBy().toString());
    return x;
  }

  public static ObjectNode offer(Offer o) {
    ObjectNode x = Json.MAPPER.createObjectNode();
    x.put("id", o.id());
    x.put("ally", o.ally());
    x.put("kind", Json.lower(o.kind()));
    x.put("coalition", o.coalition().map(Json::lower).orElse(null));
    x.put("item", o.item());
    x.put("quantity", o.quantity());
    x.put("available_from", o.availableFrom().toString());
    return x;
  }

  /**
   * The allocation of a year.
   *
   * @param year the year whose fair shares were used
   */
  public static ObjectNode allocation(AllocationResult r, int year) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("year", year);
    root.put("shortfall_eur", Json.round(r.shortfallEur()));
    root.put("weighted_shortfall_eur", Json.round(r.weightedShortfallEur()));
    root.put("max_deviation_eur", Json.round(r.maxDeviationEur()));
    root.put("variables", r.variables());
    root.put("fairness_stage", Json.lower(r.stage2()));
    root.put("solve_ms", r.solveMillis());
    ArrayNode as = root.putArray("assignments");
    for (Assignment a : r.assignments()) {
      as.addObject()
          .put("offer", a.offerId())
          .put("ally", a.ally())
          .put("requirement", a.requirementId())
          .put("units", a.units())
          .put("value_eur", Json.round(a.valueEur()));
    }
    ArrayNode rs = root.putArray("requirements");
    r.requirements().forEach(o -> rs.add(requirementOutcome(o)));
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
          .put("allocated_eur", Json.round(a.allocatedEur()))
          .put("prior_eur", Json.round(a.priorEur()))
          .put("target_eur", Json.round(a.targetEur()))
          .put("deviation_eur", Json.round(a.deviationEur()));
    }
    return root;
  }

  private static ObjectNode requirementOutcome(RequirementOutcome o) {
    ObjectNode x = requirement(o.requirement());
    x.put("filled_units", o.filledUnits());
    x.put("shortfall_units", o.shortfallUnits());
    x.put("shortfall_eur", Json.round(o.shortfallValueEur()));
    ArrayNode by = x.putArray("filled_by");
    o.fills()
        .forEach(
            a ->
                by.addObject()
                    .put("offer", a.offerId())
                    .put("ally", a.ally())
                    .put("units", a.units()));
    x.put("explanation", o.explanation());
    return x;
  }
}
