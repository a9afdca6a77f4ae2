package dev.bulwark.support.contribution;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.CsvRow;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import dev.bulwark.support.money.ExchangeRates;
import dev.bulwark.support.money.MissingRateException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes contributions as CSV with the header {@link #HEADER}. Reading checks every row
 * (known ally, known enum values, date inside the window, amount a number, a rate for the currency
 * when no euro value is given, unique id) and reports every bad row by line; see {@link
 * ImportResult} for the all-or-nothing rule. Immutable and thread-safe.
 *
 * <p>Columns {@code coalition}, {@code eur}, {@code fx_basis}, {@code description}, {@code source}
 * and {@code id} may be blank: a blank {@code eur} is converted from {@code amount} at the annual
 * rates of the date's year; a blank {@code id} becomes {@code <file>#<line>}.
 */
public final class ContributionCsv {

  public static final List<String> HEADER =
      List.of(
          "id",
          "donor",
          "date",
          "status",
          "category",
          "channel",
          "coalition",
          "amount",
          "currency",
          "eur",
          "valuation",
          "fx_basis",
          "description",
          "source");

  /** The earliest date accepted by default: the start of Russia's war on Ukraine in 2014. */
  public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(2014, 2, 20);

  /** The latest date accepted by default (pledged schedules run a few years ahead). */
  public static final LocalDate DEFAULT_LATEST = LocalDate.of(2040, 12, 31);

  private final Allies allies;
  private final ExchangeRates rates;
  private final LocalDate earliest;
  private final LocalDate latest;

  public ContributionCsv(Allies allies, ExchangeRates rates, LocalDate earliest, LocalDate latest) {
    if (latest.isBefore(earliest)) {
      throw new IllegalArgumentException("date window is empty: " + earliest + " .. " + latest);
    }
    this.allies = allies;
    this.rates = rates;
    this.earliest = earliest;
    this.latest = latest;
  }

  /** With the bundled allies and rates and the default date window. */
  public static ContributionCsv standard() {
    return new ContributionCsv(
        Allies.nato(), ExchangeRates.federalReserve(), DEFAULT_EARLIEST, DEFAULT_LATEST);
  }

  /**
   * Reads every row of a file.
   *
   * @param existingIds ids already in the ledger, which a new row may not reuse
   */
  public ImportResult read(Reader in, String sourceName, Collection<String> existingIds)
      throws IOException {
    List<Contribution> accepted = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>(existingIds);
    int[] rows = {0};
    List<String> header;
    try {
      header =
          new CsvReader(in)
              .read(
                  row -> {
                    rows[0]++;
                    try {
                      Contribution c = parse(row, sourceName);
                      if (!ids.add(c.id())) {
                        throw new RowException(row.line(), "duplicate id '" + c.id() + "'");
                      }
                      accepted.add(c);
                    } catch (RowException e) {
                      errors.add(new RowError(sourceName, e.line(), e.reason()));
                    }
                  },
                  e -> {
                    rows[0]++;
                    errors.add(new RowError(sourceName, e.line(), e.reason()));
                  });
    } catch (RowException e) {
      return new ImportResult(
          List.of(), List.of(new RowError(sourceName, e.line(), e.reason())), 0);
    }
    List<String> missing =
        HEADER.stream()
            .filter(
                h ->
                    List.of(
                            "id",
                            "donor",
                            "date",
                            "status",
                            "category",
                            "channel",
                            "amount",
                            "currency",
                            "valuation")
                        .contains(h))
            .filter(h -> !header.contains(h))
            .toList();
    if (!missing.isEmpty()) {
      return new ImportResult(
          List.of(),
          List.of(
              new RowError(
                  sourceName,
                  1,
                  "header lacks columns " + missing + "; expected " + String.join(",", HEADER))),
          rows[0]);
    }
    return new ImportResult(accepted, errors, rows[0]);
  }

  private Contribution parse(CsvRow row, String sourceName) {
    int line = row.line();
    String donor = row.require("donor").toUpperCase(Locale.ROOT);
    if (!allies.contains(donor)) {
      throw new RowException(
          line,
          "unknown ally code '"
              + donor
              + "' (expected an ISO 3166-1 alpha-3 code of a NATO member)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(row.require("date"));
    } catch (DateTimeParseException e) {
      throw new RowException(line, "date is not YYYY-MM-DD: '" + row.require("date") + "'");
    }
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      throw new RowException(line, "date " + date + " out of range " + earliest + " .. " + latest);
    }
    Status status = enumValue(Status.class, row.require("status"), "status", line);
    Category category = enumValue(Category.class, row.require("category"), "category", line);
    Channel channel = enumValue(Channel.class, row.require("channel"), "channel", line);
    Optional<Coalition> coalition =
        row.get("coalition").map(v -> enumValue(Coalition.class, v, "coalition", line));
    BigDecimal amount = number(row.require("amount"), "amount", line);
    if (amount.signum() == 0) {
      throw new RowException(line, "amount is zero");
    }
    String currency = row.require("currency").toUpperCase(Locale.ROOT);
    if (!currency.matches("[A-Z]{3}")) {
      throw new RowException(line, "currency is not an ISO 4217 code: '" + currency + "'");
    }
    ValuationMethod valuation =
        enumValue(ValuationMethod.class, row.require("valuation"), "valuation", line);
    Optional<String> eurText = row.get("eur");
    BigDecimal eur;
    String fxBasis;
    if (eurText.isPresent()) {
      eur = number(eurText.get(), "eur", line).setScale(2, RoundingMode.HALF_EVEN);
      if (eur.signum() != amount.signum()) {
        throw new RowException(line, "eur " + eur + " and amount " + amount + " differ in sign");
      }
      fxBasis = row.get("fx_basis").orElse(currency.equals("EUR") ? "in euros" : "as reported");
    } else {
      try {
        eur = rates.toEur(amount, currency, date.getYear());
      } catch (MissingRateException e) {
        throw new RowException(line, "currency without a rate: " + e.getMessage());
      }
      fxBasis = currency.equals("EUR") ? "in euros" : "annual average rates " + date.getYear();
    }
    String id = row.get("id").orElse(sourceName + "#" + line);
    return new Contribution(
        id,
        donor,
        date,
        status,
        category,
        channel,
        coalition,
        amount,
        currency,
        eur,
        valuation,
        fxBasis,
        row.get("description").orElse(""),
        row.get("source").orElse(""));
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String text, String column, int line) {
    String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return Enum.valueOf(type, normal);
    } catch (IllegalArgumentException e) {
      throw new RowException(
          line,
          "unknown "
              + column
              + " '"
              + text
              + "' (one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ")");
    }
  }

  private static BigDecimal number(String text, String column, int line) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RowException(line, column + " is not a number: '" + text + "'");
    }
  }

  /** Writes contributions in the format {@link #read} accepts, header first. */
  public static void write(Collection<Contribution> contributions, Writer out) throws IOException {
    out.write(String.join(",", HEADER));
    out.write('\n');
    for (Contribution c : contributions) {
      writeRow(c, out);
    }
  }

  /** Writes one row (no header). */
  public static void writeRow(Contribution c, Writer out) throws IOException {
    List<String> cells =
        List.of(
            c.id(),
            c.donor(),
            c.date().toString(),
            lower(c.status()),
            lower(c.category()),
            lower(c.channel()),
            c.coalition().map(ContributionCsv::lower).orElse(""),
            c.amount().toPlainString(),
            c.currency(),
            c.eur().toPlainString(),
            lower(c.valuation()),
            c.fxBasis(),
            c.description(),
            c.source());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(CsvReader.quote(cells.get(i)));
    }
    sb.append('\n');
    out.write(sb.toString());
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
