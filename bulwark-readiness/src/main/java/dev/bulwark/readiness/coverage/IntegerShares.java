package dev.bulwark.readiness.coverage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a whole number in proportion to weights so that the parts add up to it exactly: every part
 * is rounded down, then the units left over go one by one to the largest remainders (ties to the
 * key that sorts first) — the support planner's largest-remainder rule, in whole persons.
 * Stateless; thread-safe.
 */
final class IntegerShares {
  private IntegerShares() {}

  static Map<String, Long> split(long total, Map<String, BigDecimal> weights) {
    BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.signum() <= 0) {
      throw new IllegalArgumentException("weights must add up to more than zero");
    }
    record Part(String key, long floor, BigDecimal remainder) {}
    List<Part> parts = new ArrayList<>();
    long assigned = 0;
    BigDecimal t = BigDecimal.valueOf(total);
    for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
      BigDecimal[] qr = t.multiply(e.getValue()).divideAndRemainder(sum);
      BigInteger floor = qr[0].toBigInteger();
      parts.add(new Part(e.getKey(), floor.longValueExact(), qr[1]));
      assigned += floor.longValueExact();
    }
    List<Part> byRemainder = new ArrayList<>(parts);
    byRemainder.sort(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::key));
    Map<String, Long> out = new LinkedHashMap<>();
    parts.forEach(p -> out.put(p.key(), p.floor()));
    for (int i = 0; i < total - assigned; i++) {
      out.merge(byRemainder.get(i % byRemainder.size()).key(), 1L, Long::sum);
    }
    return out;
  }
}
