package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.coverage.Summary.AllyRow;
import dev.bulwark.readiness.coverage.Summary.AllyTier;
import dev.bulwark.readiness.coverage.Summary.Cell;
import dev.bulwark.readiness.coverage.Summary.CurvePoint;
import dev.bulwark.readiness.coverage.Summary.TierRow;
import dev.bulwark.readiness.coverage.Summary.TrendPoint;
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
    ArrayNode tiers = o.putArray("tiers");
    for (TierRow t : s.tiers()) {
      ObjectNode n = tiers.addObject();
      n.put("tier", t.tier());
      n.put("deadline_days", t.deadlineDays());
      n.put("target", t.target());
      n.put("declared", t.declared());
      n.put("ready", t.ready());
      n.put("gap", t.gap());
    }
    ObjectNode h = o.putObject("high_readiness");
    h.put("tiers", "1+2");
    h.put("claimed", s.highReadiness().claimed());
    h.put("model_target", s.highReadiness().modelTarget());
    h.put("declared", s.highReadiness().declared());
    h.put("ready", s.highReadiness().ready());
    h.put("gap_to_claimed", Math.max(0, s.highReadiness().claimed() - s.highReadiness().ready()));
    ArrayNode curve = o.putArray("curve");
    for (CurvePoint c : s.curve()) {
      ObjectNode n = curve.addObject();
      n.put("day", c.day());
      n.put("declared", c.declared());
      n.put("ready", c.ready());
    }
    ArrayNode targets = o.putArray("curve_targets");
    for (TierRow t : s.tiers()) {
      ObjectNode n = targets.addObject();
      n.put("day", t.deadlineDays());
      n.put("target", s.curve().get(t.deadlineDays()).target());
    }
    ArrayNode verification = o.putArray("verification");
    for (TierRow t : s.tiers()) {
      ObjectNode n = verification.addObject();
      n.put("tier", t.tier());
      n.put("verified", t.verified());
      n.put("declared", t.declared());
      n.put("share", Math.round(t.verifiedShare() * 10_000) / 10_000.0);
    }
    ArrayNode coverage = o.putArray("coverage");
    for (Cell c : s.coverage()) {
      ObjectNode n = coverage.addObject();
      n.put("domain", c.domain().code());
      n.put("regional_plan", c.regionalPlan());
      n.put("declared", c.declared());
      n.put("ready", c.ready());
      n.put("verified", c.verified());
    }
    ArrayNode allies = o.putArray("allies");
    for (AllyRow a : s.allies()) {
      ObjectNode n = allies.addObject();
      n.put("iso3", a.iso3());
      n.put("declared", a.declared());
      n.put("ready", a.ready());
      ArrayNode shares = n.putArray("fair_share");
      for (AllyTier t : a.tiers()) {
        ObjectNode x = shares.addObject();
        x.put("tier", t.tier());
        x.put("share", t.fairShare());
        x.put("declared", t.declared());
        x.put("ready", t.ready());
      }
    }
    ArrayNode trend = o.putArray("trend");
    for (TrendPoint t : s.trend()) {
      ObjectNode n = trend.addObject();
      n.put("date", t.date().toString());
      n.put("declared", t.declared());
      n.put("ready", t.ready());
      n.put("high_readiness_declared", t.highDeclared());
      n.put("high_readiness_ready", t.highReady());
      n.put("verified", t.verified());
    }
    return o;
  }
}
