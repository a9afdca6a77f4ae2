package dev.bulwark.node.support;

import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a fair-share table or report is asked for, read from request parameters with the library's
 * defaults: {@code period} (2024, 2024-H1, 2024-Q3) or {@code year} (default: the latest year, not
 * after this one, with ledger entries), {@code since} (first year of the half-year history, default
 * up to four years back), {@code baseline} (EUR a year, default 40 bn), {@code key} (gdp or gni),
 * {@code key_year}, {@code count} (least status that counts, default allocation) and {@code ally}.
 * A bad parameter is a {@link SupportError} naming it. Immutable.
 */
public record ReportQuery(
    Period focus,
    List<Period> history,
    BigDecimal baselineEur,
    BurdenKey key,
    Optional<Integer> keyYear,
    Status counted,
    Optional<String> ally) {

  public ReportQuery {
    history = List.copyOf(history);
  }

  /** Reads the parameters; {@code ledger} gives the default year. */
  public static ReportQuery from(
      Map<String, String> params, Collection<Contribution> ledger, LocalDate today) {
    int now = today.getYear();
    Period focus;
    if (has(params, "period")) {
      try {
        focus = Period.parse(params.get("period"));
      } catch (IllegalArgumentException e) {
        throw SupportError.badParameter("period", e.getMessage());
      }
    } else if (has(params, "year")) {
      focus = Period.year(integer(params, "year", 2014, 2100));
    } else {
      focus = Period.year(defaultYear(ledger, now));
    }
    int focusYear = focus.start().getYear();
    int first =
        has(params, "since")
            ? integer(params, "since", 2014, 2100)
            : Math.max(
                focusYear - 4,
                ledger.stream().mapToInt(c -> c.date().getYear()).min().orElse(focusYear));
    if (first > focusYear) {
      throw SupportError.badParameter("since", first + " is after the report's year " + focusYear);
    }
    List<Period> history = new ArrayList<>();
    for (int y = first; y <= focusYear; y++) {
      history.addAll(Period.halves(y));
    }
    BigDecimal baseline = FairShareCalculator.WASHINGTON_BASELINE_EUR;
    if (has(params, "baseline")) {
      try {
        baseline = new BigDecimal(params.get("baseline").trim());
      } catch (NumberFormatException e) {
        throw SupportError.badParameter(
            "baseline", "not a number: '" + params.get("baseline") + "'");
      }
      if (baseline.signum() < 0 || baseline.compareTo(new BigDecimal("1e15")) > 0) {
        throw SupportError.badParameter("baseline", "must be between 0 and 1e15 euros a year");
      }
    }
    BurdenKey key = has(params, "key") ? enumParam(BurdenKey.class, params, "key") : BurdenKey.GDP;
    Optional<Integer> keyYear =
        has(params, "key_year")
            ? Optional.of(integer(params, "key_year", 1990, 2100))
            : Optional.empty();
    Status counted =
        has(params, "count") ? enumParam(Status.class, params, "count") : Status.ALLOCATION;
    Optional<String> ally =
        has(params, "ally")
            ? Optional.of(params.get("ally").trim().toUpperCase(Locale.ROOT))
            : Optional.empty();
    return new ReportQuery(focus, history, baseline, key, keyYear, counted, ally);
  }

  /**
   * The latest year, not after {@code now}, with ledger entries; {@code now} when there are none.
   */
  public static int defaultYear(Collection<Contribution> ledger, int now) {
    return ledger.stream()
        .mapToInt(c -> c.date().getYear())
        .filter(y -> y <= now)
        .max()
        .orElse(now);
  }

  static boolean has(Map<String, String> params, String name) {
    String v = params.get(name);
    return v != null && !v.isBlank();
  }

  static int integer(Map<String, String> params, String name, int min, int max) {
    String v = params.get(name).trim();
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw SupportError.badParameter(name, i + " is out of range " + min + ".." + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw SupportError.badParameter(name, "not a whole number: '" + v + "'");
    }
  }

  static <E extends Enum<E>> E enumParam(Class<E> type, Map<String, String> params, String name) {
    String v = params.get(name).trim();
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw SupportError.badParameter(name, "'" + v + "' is not one of " + names);
    }
  }
}
