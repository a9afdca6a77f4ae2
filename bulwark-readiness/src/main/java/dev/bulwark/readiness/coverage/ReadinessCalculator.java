package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.coverage.Summary.AllyRow;
import dev.bulwark.readiness.coverage.Summary.AllyTier;
import dev.bulwark.readiness.coverage.Summary.Cell;
import dev.bulwark.readiness.coverage.Summary.CurvePoint;
import dev.bulwark.readiness.coverage.Summary.Headline;
import dev.bulwark.readiness.coverage.Summary.TierRow;
import dev.bulwark.readiness.coverage.Summary.TrendPoint;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Domain;
import dev.bulwark.readiness.declaration.Tiers;
import dev.bulwark.readiness.declaration.Tiers.Tier;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.ally.EconomicSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes the {@link Summary} of a set of declarations on a date. Only allies that are members on
 * the date count (membership by date, as the support planner's fair share); the version of each
 * unit valid on the date counts ({@link Versions}). A unit counts in the tier it states or, when it
 * states none, the tier its notice to move falls in; on the curve it counts from its notice-to-move
 * day on. Ready means rated C1–C2; verified means exercised or snap-inspected. Fair shares split
 * each tier's target by GDP (the support planner's key: the latest year, not after the date's, in
 * which every member has a value) in whole persons. Immutable and thread-safe.
 */
public final class ReadinessCalculator {
  /** The headline: "500,000 at high readiness", read against tiers 1 and 2. */
  public static final long CLAIMED_HIGH_READINESS = 500_000;

  /** How many quarters back the trend goes. */
  public static final int TREND_QUARTERS = 8;

  private final Allies allies;
  private final EconomicSeries key;

  public ReadinessCalculator(Allies allies, EconomicSeries key) {
    this.allies = allies;
    this.key = key;
  }

  /** The NATO members and the World Bank GDP key shipped with {@code bulwark-support}. */
  public static ReadinessCalculator nato() {
    return new ReadinessCalculator(Allies.nato(), EconomicSeries.worldBankGdp());
  }

  /**
   * The summary on {@code asOf}.
   *
   * @param recorded every version the reader may see, in the order they were recorded
   */
  public Summary summary(Collection<Declaration> recorded, LocalDate asOf) {
    List<Ally> members = allies.membersOn(asOf);
    Set<String> codes = members.stream().map(Ally::iso3).collect(Collectors.toSet());
    List<Declaration> valid = counted(recorded, asOf, codes);
    long[][] byTier = new long[4][3];
    long[] declaredOn = new long[Tiers.HORIZON_DAYS + 1];
    long[] readyOn = new long[Tiers.HORIZON_DAYS + 1];
    Map<String, long[][]> perAlly = new HashMap<>();
    Map<String, long[]> cells = new TreeMap<>();
    for (Declaration d : valid) {
      int tier = d.tier();
      long p = d.personnel();
      if (d.noticeToMoveDays() <= Tiers.HORIZON_DAYS) {
        declaredOn[d.noticeToMoveDays()] += p;
        if (d.ready()) {
          readyOn[d.noticeToMoveDays()] += p;
        }
      }
      if (tier == Tiers.NONE) {
        continue;
      }
      add(byTier[tier], d);
      add(perAlly.computeIfAbsent(d.nation(), k -> new long[4][3])[tier], d);
      add(
          cells.computeIfAbsent(d.domain().name() + "\u0000" + d.regionalPlan(), k -> new long[3]),
          d);
    }
    List<TierRow> tiers = new ArrayList<>();
    for (Tier t : Tiers.ALL) {
      long[] v = byTier[t.tier()];
      tiers.add(
          new TierRow(t.tier(), t.fromDays(), t.deadlineDays(), t.target(), v[0], v[1], v[2]));
    }
    Headline headline =
        new Headline(
            CLAIMED_HIGH_READINESS,
            Tiers.cumulativeTarget(30),
            byTier[1][0] + byTier[2][0],
            byTier[1][1] + byTier[2][1]);
    List<CurvePoint> curve = new ArrayList<>();
    long declared = 0;
    long ready = 0;
    for (int day = 0; day <= Tiers.HORIZON_DAYS; day++) {
      declared += declaredOn[day];
      ready += readyOn[day];
      curve.add(new CurvePoint(day, declared, ready, Tiers.cumulativeTarget(day)));
    }
    List<Cell> coverage = new ArrayList<>();
    cells.forEach(
        (k, v) -> {
          int cut = k.indexOf('\u0000');
          coverage.add(
              new Cell(
                  Domain.valueOf(k.substring(0, cut)), k.substring(cut + 1), v[0], v[1], v[2]));
        });
    int keyYear = keyYear(codes, asOf);
    List<AllyRow> allyRows = allyRows(members, perAlly, keyYear);
    return new Summary(
        asOf,
        keyYear,
        valid.size(),
        tiers,
        headline,
        curve,
        coverage,
        allyRows,
        trend(recorded, asOf));
  }

  /** The tiers 1–3 totals on one date, without the rest of the summary. */
  public TrendPoint totalsOn(Collection<Declaration> recorded, LocalDate day) {
    Set<String> codes = allies.membersOn(day).stream().map(Ally::iso3).collect(Collectors.toSet());
    long[] all = new long[3];
    long highDeclared = 0;
    long highReady = 0;
    for (Declaration d : counted(recorded, day, codes)) {
      if (d.tier() == Tiers.NONE) {
        continue;
      }
      add(all, d);
      if (d.tier() <= 2) {
        highDeclared += d.personnel();
        highReady += d.ready() ? d.personnel() : 0;
      }
    }
    return new TrendPoint(day, all[0], all[1], highDeclared, highReady, all[2]);
  }

  private List<TrendPoint> trend(Collection<Declaration> recorded, LocalDate asOf) {
    List<TrendPoint> out = new ArrayList<>();
    for (int q = TREND_QUARTERS; q >= 0; q--) {
      out.add(totalsOn(recorded, asOf.minusMonths(3L * q)));
    }
    return out;
  }

  private static List<Declaration> counted(
      Collection<Declaration> recorded, LocalDate day, Set<String> members) {
    return Versions.validOn(recorded, day).stream()
        .filter(d -> members.contains(d.nation()))
        .toList();
  }

  private List<AllyRow> allyRows(List<Ally> members, Map<String, long[][]> perAlly, int keyYear) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (Ally a : members) {
      weights.put(a.iso3(), key.value(a.iso3(), keyYear).orElseThrow());
    }
    List<Map<String, Long>> shares = new ArrayList<>();
    for (Tier t : Tiers.ALL) {
      shares.add(weights.isEmpty() ? Map.of() : IntegerShares.split(t.target(), weights));
    }
    List<AllyRow> rows = new ArrayList<>();
    for (Ally a : members) {
      long[][] own = perAlly.getOrDefault(a.iso3(), new long[4][3]);
      List<AllyTier> tiers = new ArrayList<>();
      long declared = 0;
      long ready = 0;
      for (Tier t : Tiers.ALL) {
        long[] v = own[t.tier()];
        tiers.add(new AllyTier(t.tier(), shares.get(t.tier() - 1).get(a.iso3()), v[0], v[1]));
        declared += v[0];
        ready += v[1];
      }
      rows.add(new AllyRow(a.iso3(), declared, ready, tiers));
    }
    return rows;
  }

  private int keyYear(Set<String> codes, LocalDate asOf) {
    if (codes.isEmpty()) {
      return 0;
    }
    return key.latestCompleteYear(codes, asOf.getYear())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no GDP year up to " + asOf.getYear() + " for every member"));
  }

  /** Adds a declaration's personnel to declared [0], ready [1] and verified [2]. */
  private static void add(long[] sums, Declaration d) {
    sums[0] += d.personnel();
    if (d.ready()) {
      sums[1] += d.personnel();
    }
    if (d.status().verified()) {
      sums[2] += d.personnel();
    }
  }
}
