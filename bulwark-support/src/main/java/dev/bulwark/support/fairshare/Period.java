package dev.bulwark.support.fairshare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reporting period of whole months: a year, a half-year or a quarter. Immutable and thread-safe.
 *
 * @param first the first month
 * @param months how many months (1..12)
 */
public record Period(YearMonth first, int months, String label) {

  public Period {
    if (months < 1 || months > 12) {
      throw new IllegalArgumentException("period of " + months + " months");
    }
  }

  public static Period year(int year) {
    return new Period(YearMonth.of(year, 1), 12, Integer.toString(year));
  }

  /** Half {@code 1} is January-June, half {@code 2} July-December. */
  public static Period half(int year, int half) {
    if (half != 1 && half != 2) {
      throw new IllegalArgumentException("half must be 1 or 2, not " + half);
    }
    return new Period(YearMonth.of(year, half == 1 ? 1 : 7), 6, year + "-H" + half);
  }

  public static Period quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1..4, not " + quarter);
    }
    return new Period(YearMonth.of(year, 3 * quarter - 2), 3, year + "-Q" + quarter);
  }

  /** Parses "2024", "2024-H1" or "2024-Q3". */
  public static Period parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    try {
      if (t.matches("\\d{4}")) {
        return year(Integer.parseInt(t));
      }
      if (t.matches("\\d{4}-H[12]")) {
        return half(Integer.parseInt(t.substring(0, 4)), t.charAt(6) - '0');
      }
      if (t.matches("\\d{4}-Q[1-4]")) {
        return quarter(Integer.parseInt(t.substring(0, 4)), t.charAt(6) - '0');
      }
    } catch (RuntimeException e) {
      // fall through to the common message
    }
    throw new IllegalArgumentException(
        "period must look like 2024, 2024-H1 or 2024-Q3, not '" + text + "'");
  }

  public LocalDate start() {
    return first.atDay(1);
  }

  /** The last day, inclusive. */
  public LocalDate end() {
    return first.plusMonths(months - 1L).atEndOfMonth();
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start()) && !day.isAfter(end());
  }

  /** The part of a yearly amount that falls on this period (months / 12). */
  public BigDecimal shareOfYear(BigDecimal perYear) {
    return perYear
        .multiply(BigDecimal.valueOf(months))
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_EVEN);
  }

  /** The two halves of a year. */
  public static List<Period> halves(int year) {
    return List.of(half(year, 1), half(year, 2));
  }

  /** Consecutive quarters from the quarter containing {@code from} for {@code count} quarters. */
  public static List<Period> quarters(LocalDate from, int count) {
    List<Period> list = new ArrayList<>();
    int q = (from.getMonthValue() - 1) / 3 + 1;
    int y = from.getYear();
    for (int i = 0; i < count; i++) {
      list.add(quarter(y, q));
      q++;
      if (q == 5) {
        q = 1;
        y++;
      }
    }
    return list;
  }

  @Override
  public String toString() {
    return label;
  }

  long days() {
    return ChronoUnit.DAYS.between(start(), end()) + 1;
  }
}
