package dev.bulwark.support.fairshare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount in cents in proportion to weights so that the parts add up to the amount
 * exactly: every part is first rounded down to the cent, then the cents left over go one by one to
 * the largest remainders (ties to the key that sorts first). Stateless and thread-safe.
 */
public final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * The parts of {@code total} (scale 2) in proportion to {@code weights}, in the weights' order.
   */
  public static Map<String, BigDecimal> split(BigDecimal total, Map<String, BigDecimal> weights) {
    BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.signum() <= 0) {
      throw new IllegalArgumentException("weights must add up to more than zero");
    }
    BigDecimal cents = total.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN);
    record Part(String key, BigDecimal floor, BigDecimal remainder) {}
    List<Part> parts = new ArrayList<>();
    BigDecimal assigned = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
      BigDecimal exact = cents.multiply(e.getValue()).divide(sum, 20, RoundingMode.HALF_EVEN);
      BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
      parts.add(new Part(e.getKey(), floor, exact.subtract(floor)));
      assigned = assigned.add(floor);
    }
    int left = cents.subtract(assigned).intValueExact();
    List<Part> byRemainder = new ArrayList<>(parts);
    byRemainder.sort(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::key));
    Map<String, BigDecimal> extra = new LinkedHashMap<>();
    for (int i = 0; i < left; i++) {
      extra.put(byRemainder.get(i % byRemainder.size()).key(), BigDecimal.ONE);
    }
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Part p : parts) {
      out.put(
          p.key(),
          p.floor().add(extra.getOrDefault(p.key(), BigDecimal.ZERO)).movePointLeft(2).setScale(2));
    }
    return out;
  }
}
