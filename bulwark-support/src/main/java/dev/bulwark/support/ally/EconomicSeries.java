package dev.bulwark.support.ally;

import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One yearly economic measure per country (GDP or GNI, in current US$), read from the World Bank's
 * long CSV shape {@code Country Name,Country Code,Year,Value}. {@link #worldBankGdp()} is the
 * bundled GDP series (allies only); a GNI series of the same shape can be loaded with {@link
 * #read}. Immutable and thread-safe.
 */
public final class EconomicSeries {

  private static final String GDP_RESOURCE =
      "/dev/bulwark/support/data/worldbank_gdp_current_usd_allies.csv";

  private final BurdenKey key;
  private final Map<String, Map<Integer, BigDecimal>> values;

  public EconomicSeries(BurdenKey key, Map<String, Map<Integer, BigDecimal>> values) {
    this.key = key;
    Map<String, Map<Integer, BigDecimal>> copy = new HashMap<>();
    values.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.values = Map.copyOf(copy);
  }

  /** World Bank GDP, current US$, for the 32 allies, 1960-2023 (bundled, public domain). */
  public static EconomicSeries worldBankGdp() {
    return Holder.GDP;
  }

  private static final class Holder {
    static final EconomicSeries GDP = loadGdp();
  }

  private static EconomicSeries loadGdp() {
    try (InputStream in = EconomicSeries.class.getResourceAsStream(GDP_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + GDP_RESOURCE);
      }
      Loaded loaded =
          read(BurdenKey.GDP, new InputStreamReader(in, StandardCharsets.UTF_8), GDP_RESOURCE);
      if (!loaded.errors().isEmpty()) {
        throw new IllegalStateException("corrupt " + GDP_RESOURCE + ": " + loaded.errors());
      }
      return loaded.series();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A series read from a file together with the rows that were refused. */
  public record Loaded(EconomicSeries series, List<RowError> errors) {
    public Loaded {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads a series in the World Bank long shape. Rows with a missing or non-numeric value, a
   * negative value or a year that is not a number are refused and listed; the other rows are kept.
   */
  public static Loaded read(BurdenKey key, Reader in, String sourceName) throws IOException {
    Map<String, Map<Integer, BigDecimal>> values = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    List<String> header;
    try {
      header =
          new CsvReader(in)
              .read(
                  row -> {
                    try {
                      String code = row.require("Country Code").toUpperCase(Locale.ROOT);
                      int year = parseYear(row.line(), row.require("Year"));
                      BigDecimal value = parseValue(row.line(), row.require("Value"));
                      values.computeIfAbsent(code, c -> new HashMap<>()).put(year, value);
                    } catch (RowException e) {
                      errors.add(new RowError(sourceName, e.line(), e.reason()));
                    }
                  },
                  e -> errors.add(new RowError(sourceName, e.line(), e.reason())));
    } catch (RowException e) {
      return new Loaded(
          new EconomicSeries(key, Map.of()),
          List.of(new RowError(sourceName, e.line(), e.reason())));
    }
    for (String needed : List.of("Country Code", "Year", "Value")) {
      if (!header.contains(needed)) {
        return new Loaded(
            new EconomicSeries(key, Map.of()),
            List.of(
                new RowError(
                    sourceName,
                    1,
                    "header lacks column '"
                        + needed
                        + "' (expected Country Name,Country Code,Year,Value)")));
      }
    }
    return new Loaded(new EconomicSeries(key, values), errors);
  }

  private static int parseYear(int line, String text) {
    try {
      int year = Integer.parseInt(text);
      if (year < 1900 || year > 2200) {
        throw new RowException(line, "year out of range: " + text);
      }
      return year;
    } catch (NumberFormatException e) {
      throw new RowException(line, "year is not a number: '" + text + "'");
    }
  }

  private static BigDecimal parseValue(int line, String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw new RowException(line, "negative value: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RowException(line, "value is not a number: '" + text + "'");
    }
  }

  public BurdenKey key() {
    return key;
  }

  /** The value for a country and year, in current US$. */
  public Optional<BigDecimal> value(String iso3, int year) {
    return Optional.ofNullable(values.getOrDefault(iso3, Map.of()).get(year));
  }

  /** The latest year, not after {@code notAfter}, for which every listed country has a value. */
  public Optional<Integer> latestCompleteYear(Set<String> countries, int notAfter) {
    for (int year = notAfter; year >= 1900; year--) {
      final int y = year;
      if (countries.stream().allMatch(c -> value(c, y).isPresent())) {
        return Optional.of(year);
      }
    }
    return Optional.empty();
  }
}
