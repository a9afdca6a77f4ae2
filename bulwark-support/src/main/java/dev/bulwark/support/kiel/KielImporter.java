package dev.bulwark.support.kiel;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.CsvRow;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a release of the Kiel Institute for the World Economy's Ukraine Support Tracker, in the
 * shape of its published {@code data_explorer.csv} (monthly flows per donor, EUR billion: {@code
 * country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp}).
 * The file itself has no published licence, so Bulwark ships only this importer; cite the source as
 * "Kiel Institute for the World Economy, Ukraine Support Tracker".
 *
 * <p>Each row of an allied donor becomes up to four entries dated the first day of the month, all
 * valued {@link ValuationMethod#ESTIMATED} in euros: the military, humanitarian and financial
 * allocations ({@link Status#ALLOCATION}, categories {@link Category#MILITARY_UNSPECIFIED}, {@link
 * Category#HUMANITARIAN}, {@link Category#FINANCIAL}) and the month's change in committed but not
 * yet allocated aid ({@link Status#COMMITMENT}, {@link Category#UNALLOCATED}; negative when earlier
 * commitments were allocated). Zero flows are left out; negative flows are kept as corrections.
 * Rows of donors that are not allies (the EU institutions, Japan, ...) are skipped and counted.
 * Stateless and thread-safe.
 */
public final class KielImporter {

  public static final String CITATION =
      "Kiel Institute for the World Economy, Ukraine Support Tracker";
  private static final List<String> COLUMNS =
      List.of(
          "country",
          "iso",
          "year",
          "month",
          "total",
          "financial",
          "humanitarian",
          "military",
          "commitments",
          "to_be_allocated");
  private static final BigDecimal BILLION = new BigDecimal("1000000000");

  private final Allies allies;

  public KielImporter(Allies allies) {
    this.allies = allies;
  }

  /** What a read gave. Store nothing unless {@link #ok()}. */
  public record Result(
      List<Contribution> contributions,
      List<RowError> errors,
      int rowsRead,
      int rowsSkipped,
      List<String> skippedDonors) {
    public Result {
      contributions = List.copyOf(contributions);
      errors = List.copyOf(errors);
      skippedDonors = List.copyOf(skippedDonors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Reads a release.
   *
   * @param release a label for the release (e.g. "r29"), part of every entry's id and source
   */
  public Result read(Reader in, String sourceName, String release) throws IOException {
    List<Contribution> out = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    TreeSet<String> skipped = new TreeSet<>();
    int[] counts = {0, 0};
    List<String> header;
    try {
      header =
          new CsvReader(in)
              .read(
                  row -> {
                    counts[0]++;
                    try {
                      if (!convert(row, release, out)) {
                        counts[1]++;
                        skipped.add(row.get("country").orElse(row.get("iso").orElse("?")));
                      }
                    } catch (RowException e) {
                      errors.add(new RowError(sourceName, e.line(), e.reason()));
                    }
                  },
                  e -> {
                    counts[0]++;
                    errors.add(new RowError(sourceName, e.line(), e.reason()));
                  });
    } catch (RowException e) {
      return new Result(
          List.of(), List.of(new RowError(sourceName, e.line(), e.reason())), 0, 0, List.of());
    }
    List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      return new Result(
          List.of(),
          List.of(
              new RowError(
                  sourceName, 1, "not a Kiel tracker data_explorer.csv: header lacks " + missing)),
          counts[0],
          0,
          List.of());
    }
    return new Result(out, errors, counts[0], counts[1], new ArrayList<>(skipped));
  }

  /** Adds the row's entries; returns false when the donor is not an ally. */
  private boolean convert(CsvRow row, String release, List<Contribution> out) {
    int line = row.line();
    String iso = row.require("iso").toUpperCase(Locale.ROOT);
    int year = integer(row, "year", 2014, 2040);
    int month = integer(row, "month", 1, 12);
    BigDecimal total = amount(row, "total");
    BigDecimal financial = amount(row, "financial");
    BigDecimal humanitarian = amount(row, "humanitarian");
    BigDecimal military = amount(row, "military");
    amount(row, "commitments");
    BigDecimal unallocated = amount(row, "to_be_allocated");
    if (total
            .subtract(financial.add(humanitarian).add(military))
            .abs()
            .compareTo(new BigDecimal("0.0001"))
        > 0) {
      throw new RowException(
          line,
          "total "
              + total
              + " is not financial + humanitarian + military ("
              + financial.add(humanitarian).add(military)
              + ")");
    }
    if (allies.byCode(iso).isEmpty()) {
      if (!iso.matches("[A-Z]{2,3}")) {
        throw new RowException(line, "iso is not a country code: '" + iso + "'");
      }
      return false;
    }
    LocalDate date = LocalDate.of(year, month, 1);
    String stem =
        "kiel:" + release + ":" + iso + ":" + String.format(Locale.ROOT, "%04d-%02d", year, month);
    String source =
        CITATION
            + ", release "
            + release
            + ", "
            + date.getYear()
            + "-"
            + String.format(Locale.ROOT, "%02d", month);
    add(
        out,
        stem + ":military",
        iso,
        date,
        Status.ALLOCATION,
        Category.MILITARY_UNSPECIFIED,
        military,
        source);
    add(
        out,
        stem + ":humanitarian",
        iso,
        date,
        Status.ALLOCATION,
        Category.HUMANITARIAN,
        humanitarian,
        source);
    add(
        out,
        stem + ":financial",
        iso,
        date,
        Status.ALLOCATION,
        Category.FINANCIAL,
        financial,
        source);
    add(
        out,
        stem + ":to-be-allocated",
        iso,
        date,
        Status.COMMITMENT,
        Category.UNALLOCATED,
        unallocated,
        source);
    return true;
  }

  private static void add(
      List<Contribution> out,
      String id,
      String iso,
      LocalDate date,
      Status status,
      Category category,
      BigDecimal billions,
      String source) {
    if (billions.signum() == 0) {
      return;
    }
    BigDecimal eur = billions.multiply(BILLION).setScale(2, RoundingMode.HALF_EVEN);
    out.add(
        new Contribution(
            id,
            iso,
            date,
            status,
            category,
            Channel.BILATERAL,
            Optional.empty(),
            eur,
            "EUR",
            eur,
            ValuationMethod.ESTIMATED,
            "in euros",
            "Kiel tracker monthly " + category.name().toLowerCase(Locale.ROOT),
            source));
  }

  private static int integer(CsvRow row, String column, int min, int max) {
    String text = row.require(column);
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw new RowException(row.line(), column + " " + v + " out of range " + min + ".." + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RowException(row.line(), column + " is not a whole number: '" + text + "'");
    }
  }

  private static BigDecimal amount(CsvRow row, String column) {
    String text = row.get(column).orElse("0");
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RowException(row.line(), column + " is not a number: '" + text + "'");
    }
  }
}
