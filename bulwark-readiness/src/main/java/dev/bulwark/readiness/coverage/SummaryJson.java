package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.coverage.Summary.AllyRow;
import dev.bulwark.readiness.coverage.Summary.Cell;
import dev.bulwark.readiness.coverage.Summary.CurvePoint;
import dev.bulwark.readiness.coverage.Summary.Headline;
import dev.bulwark.readiness.coverage.Summary.TierRow;
import dev.bulwark.readiness.coverage.Summary.TrendPoint;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a {@link Summary}, as {@code bulwark readiness summary --json} prints it and {@code
 * GET /api/readiness/summary} serves it (snake_case; personnel as integers). The contract fields
 * are {@code tiers} ({@code tier, deadline_days, target, declared, ready, gap}), {@code curve}
 * ({@code day, declared, ready}) and {@code allies} ({@code iso3, declared, ready, fair_share}: per
 * tier {@code tier, share, declared, ready}); besides them {@code as_of}, {@code key_year}, {@code
 * units}, {@code high_readiness}, {@code curve_targets}, {@code verification}, {@code coverage} and
 * {@code trend}. Stateless; thread-safe.
 */
public final class SummaryJson {
  /** The mapper the readiness JSON is written with. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SummaryJson() {}

  /** The summary as one JSON object. */
  public static ObjectNode write(Summary s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("as_of", s.asOf().toString());
    o.put("key_year", s.keyYear());
    o.put("units", s.units());
    rows(o, "tiers", s.tiers(), SummaryJson::tier);
    highReadiness(o.putObject("high_readiness"), s.highReadiness());
    rows(o, "curve", s.curve(), SummaryJson::curvePoint);
    rows(
        o,
        "curve_targets",
        s.tiers(),
        (n, t) -> {
          n.put("day", t.deadlineDays());
          n.put("target", s.curve().get(t.deadlineDays()).target());
        });
    rows(o, "verification", s.tiers(), SummaryJson::verification);
    rows(o, "coverage", s.coverage(), SummaryJson::cell);
    rows(o, "allies", s.allies(), SummaryJson::ally);
    rows(o, "trend", s.trend(), SummaryJson::trendPoint);
    return o;
  }

  // Every section is a list of rows written the same way: one object per row, by its writer.
  private static <T> void rows(
      ObjectNode o, String name, List<T> items, BiConsumer<ObjectNode, T> writer) {
    ArrayNode array = o.putArray(name);
    for (T item : items) {
      writer.accept(array.addObject(), item);
    }
  }

  private static void tier(ObjectNode n, TierRow t) {
    n.put("tier", t.tier());
    n.put("deadline_days", t.deadlineDays());
    n.put("target", t.target());
    n.put("declared", t.declared());
    n.put("ready", t.ready());
    n.put("gap", t.gap());
  }

  private static void highReadiness(ObjectNode h, Headline r) {
    h.put("tiers", "1+2");
    h.put("claimed", r.claimed());
    h.put("model_target", r.modelTarget());
    h.put("declared", r.declared());
    h.put("ready", r.ready());
    h.put("gap_to_claimed", Math.max(0, r.claimed() - r.ready()));
  }

  private static void curvePoint(ObjectNode n, CurvePoint c) {
    n.put("day", c.day());
    n.put("declared", c.declared());
    n.put("ready", c.ready());
  }

  private static void verification(ObjectNode n, TierRow t) {
    n.put("tier", t.tier());
    n.put("verified", t.verified());
    n.put("declared", t.declared());
    n.put("share", Math.round(t.verifiedShare() * 10_000) / 10_000.0);
  }

  private static void cell(ObjectNode n, Cell c) {
    n.put("domain", c.domain().code());
    n.put("regional_plan", c.regionalPlan());
    n.put("declared", c.declared());
    n.put("ready", c.ready());
    n.put("verified", c.verified());
  }

  private static void ally(ObjectNode n, AllyRow a) {
    n.put("iso3", a.iso3());
    n.put("declared", a.declared());
    n.put("ready", a.ready());
    rows(
        n,
        "fair_share",
        a.tiers(),
        (x, t) -> {
          x.put("tier", t.tier());
          x.put("share", t.fairShare());
          x.put("declared", t.declared());
          x.put("ready", t.ready());
        });
  }

  private static void trendPoint(ObjectNode n, TrendPoint t) {
    n.put("date", t.date().toString());
    n.put("declared", t.declared());
    n.put("ready", t.ready());
    n.put("high_readiness_declared", t.highDeclared());
    n.put("high_readiness_ready", t.highReady());
    n.put("verified", t.verified());
  }
}
