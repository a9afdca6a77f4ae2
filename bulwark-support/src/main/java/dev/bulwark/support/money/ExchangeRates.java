package dev.bulwark.support.money;

import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Annual average exchange rates, each expressed as <b>units of the currency per one US dollar</b>
 * (the Federal Reserve series as republished by datasets/exchange-rates: row "Euro" 2023 = 0.9245
 * EUR per USD, i.e. 1.0817 USD per EUR). Conversions between two currencies go through the dollar.
 * {@link #federalReserve()} is the bundled table; {@link #read} loads more rows of the same shape
 * ({@code Date,Country,Exchange rate}, where Country may also be an ISO 4217 code such as GBP).
 * Immutable and thread-safe.
 */
public final class ExchangeRates {

  private static final String RESOURCE = "/dev/bulwark/support/data/exchange_rates_annual.csv";
  private static final MathContext MC = MathContext.DECIMAL64;

  /** The Federal Reserve file names series by country; these are their ISO 4217 currencies. */
  private static final Map<String, String> CURRENCY_BY_NAME =
      Map.ofEntries(
          Map.entry("australia", "AUD"),
          Map.entry("brazil", "BRL"),
          Map.entry("canada", "CAD"),
          Map.entry("china", "CNY"),
          Map.entry("denmark", "DKK"),
          Map.entry("euro", "EUR"),
          Map.entry("hong kong", "HKD"),
          Map.entry("india", "INR"),
          Map.entry("japan", "JPY"),
          Map.entry("malaysia", "MYR"),
          Map.entry("mexico", "MXN"),
          Map.entry("new zealand", "NZD"),
          Map.entry("norway", "NOK"),
          Map.entry("singapore", "SGD"),
          Map.entry("south africa", "ZAR"),
          Map.entry("south korea", "KRW"),
          Map.entry("sweden", "SEK"),
          Map.entry("switzerland", "CHF"),
          Map.entry("taiwan", "TWD"),
          Map.entry("thailand", "THB"),
          Map.entry("venezuela", "VES"),
          Map.entry("united kingdom", "GBP"));

  private final Map<String, Map<Integer, BigDecimal>> perUsd;

  public ExchangeRates(Map<String, Map<Integer, BigDecimal>> perUsd) {
    Map<String, Map<Integer, BigDecimal>> copy = new HashMap<>();
    perUsd.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    copy.put("USD", Map.of());
    this.perUsd = Map.copyOf(copy);
  }

  /** The bundled Federal Reserve annual rates (public domain). */
  public static ExchangeRates federalReserve() {
    return Holder.FED;
  }

  private static final class Holder {
    static final ExchangeRates FED = loadBundled();
  }

  private static ExchangeRates loadBundled() {
    try (InputStream in = ExchangeRates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Loaded loaded = read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      if (!loaded.errors().isEmpty()) {
        throw new IllegalStateException("corrupt " + RESOURCE + ": " + loaded.errors());
      }
      return loaded.rates();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rates read from a file, with the rows that were refused. */
  public record Loaded(ExchangeRates rates, List<RowError> errors) {
    public Loaded {
      errors = List.copyOf(errors);
    }
  }

  /** Reads rates of the shape {@code Date,Country,Exchange rate} (units per USD). */
  public static Loaded read(Reader in, String sourceName) throws IOException {
    Map<String, Map<Integer, BigDecimal>> rates = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    try {
      new CsvReader(in)
          .read(
              row -> {
                try {
                  String currency = currencyOf(row.require("Country"), row.line());
                  int year;
                  try {
                    year = LocalDate.parse(row.require("Date")).getYear();
                  } catch (DateTimeParseException e) {
                    throw new RowException(
                        row.line(), "date is not YYYY-MM-DD: " + row.require("Date"));
                  }
                  BigDecimal rate;
                  try {
                    rate = new BigDecimal(row.require("Exchange rate"));
                  } catch (NumberFormatException e) {
                    throw new RowException(
                        row.line(), "rate is not a number: " + row.require("Exchange rate"));
                  }
                  if (rate.signum() <= 0) {
                    throw new RowException(row.line(), "rate must be positive: " + rate);
                  }
                  rates.computeIfAbsent(currency, c -> new HashMap<>()).put(year, rate);
                } catch (RowException e) {
                  errors.add(new RowError(sourceName, e.line(), e.reason()));
                }
              },
              e -> errors.add(new RowError(sourceName, e.line(), e.reason())));
    } catch (RowException e) {
      errors.add(new RowError(sourceName, e.line(), e.reason()));
    }
    return new Loaded(new ExchangeRates(rates), errors);
  }

  private static String currencyOf(String country, int line) {
    String mapped = CURRENCY_BY_NAME.get(country.toLowerCase(Locale.ROOT));
    if (mapped != null) {
      return mapped;
    }
    if (country.matches("[A-Za-z]{3}")) {
      return country.toUpperCase(Locale.ROOT);
    }
    throw new RowException(line, "unknown currency or country series: '" + country + "'");
  }

  /** These rates with the other's rows added (the other wins where both have a year). */
  public ExchangeRates with(ExchangeRates other) {
    Map<String, Map<Integer, BigDecimal>> merged = new HashMap<>();
    perUsd.forEach((k, v) -> merged.put(k, new HashMap<>(v)));
    other.perUsd.forEach((k, v) -> merged.computeIfAbsent(k, c -> new HashMap<>()).putAll(v));
    return new ExchangeRates(merged);
  }

  /** Units of the currency per one US dollar in that year. */
  public Optional<BigDecimal> perUsd(String currency, int year) {
    String code = currency.toUpperCase(Locale.ROOT);
    if (code.equals("USD")) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.ofNullable(perUsd.getOrDefault(code, Map.of()).get(year));
  }

  /** The currencies known (for any year). */
  public Set<String> currencies() {
    return new TreeSet<>(perUsd.keySet());
  }

  /**
   * Converts an amount from one currency to another at that year's annual rates, rounded to cents.
   *
   * @throws MissingRateException when either currency has no rate for that year
   */
  public BigDecimal convert(BigDecimal amount, String from, String to, int year) {
    if (from.equalsIgnoreCase(to)) {
      return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
    BigDecimal fromRate = perUsd(from, year).orElseThrow(() -> missing(from, year));
    BigDecimal toRate = perUsd(to, year).orElseThrow(() -> missing(to, year));
    return amount.multiply(toRate, MC).divide(fromRate, MC).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Converts to euros at that year's annual rates (see {@link #convert}). */
  public BigDecimal toEur(BigDecimal amount, String from, int year) {
    return convert(amount, from, "EUR", year);
  }

  private MissingRateException missing(String currency, int year) {
    boolean known = perUsd.containsKey(currency.toUpperCase(Locale.ROOT));
    return new MissingRateException(
        currency,
        year,
        known
            ? "no " + currency + " rate for " + year
            : "no exchange rate for currency " + currency + " (known: " + currencies() + ")");
  }
}
