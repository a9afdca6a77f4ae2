package dev.bulwark.support.allocation;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.CsvRow;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads requirements ({@code id,coalition,item,quantity,unit_value_eur,priority,need_by}) and
 * offers ({@code id,ally,kind,coalition,item,quantity,available_from}) from CSV. Every bad row is
 * reported by line; callers should allocate only when both files read without error. Immutable and
 * thread-safe.
 */
public final class AllocationCsv {

  public static final List<String> REQUIREMENT_HEADER =
      List.of("id", "coalition", "item", "quantity", "unit_value_eur", "priority", "need_by");
  public static final List<String> OFFER_HEADER =
      List.of("id", "ally", "kind", "coalition", "item", "quantity", "available_from");

  private final Allies allies;

  public AllocationCsv(Allies allies) {
    this.allies = allies;
  }

  /** Parsed rows and refused rows. */
  public record Parsed<T>(List<T> items, List<RowError> errors) {
    public Parsed {
      items = List.copyOf(items);
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public Parsed<Requirement> requirements(Reader in, String source) throws IOException {
    return read(
        in,
        source,
        REQUIREMENT_HEADER,
        row -> {
          int line = row.line();
          try {
            return new Requirement(
                row.require("id"),
                coalition(row.require("coalition"), line),
                row.require("item"),
                number(row, "quantity"),
                number(row, "unit_value_eur"),
                (int) whole(row, "priority"),
                date(row, "need_by"));
          } catch (IllegalArgumentException e) {
            throw new RowException(line, e.getMessage());
          }
        },
        Requirement::id);
  }

  public Parsed<Offer> offers(Reader in, String source) throws IOException {
    return read(
        in,
        source,
        OFFER_HEADER,
        row -> {
          int line = row.line();
          String ally = row.require("ally").toUpperCase(Locale.ROOT);
          if (!allies.contains(ally)) {
            throw new RowException(line, "unknown ally code '" + ally + "'");
          }
          Offer.Kind kind;
          try {
            kind = Offer.Kind.valueOf(row.require("kind").toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new RowException(
                line, "kind must be items or funds, not '" + row.require("kind") + "'");
          }
          Optional<Coalition> coalition = row.get("coalition").map(c -> coalition(c, line));
          try {
            return new Offer(
                row.require("id"),
                ally,
                kind,
                coalition,
                row.get("item").orElse(""),
                number(row, "quantity"),
                date(row, "available_from"));
          } catch (IllegalArgumentException e) {
            throw new RowException(line, e.getMessage());
          }
        },
        Offer::id);
  }

  private static <T> Parsed<T> read(
      Reader in,
      String source,
      List<String> header,
      Function<CsvRow, T> parse,
      Function<T, String> id)
      throws IOException {
    List<T> items = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> actual;
    try {
      actual =
          new CsvReader(in)
              .read(
                  row -> {
                    try {
                      T item = parse.apply(row);
                      if (!ids.add(id.apply(item))) {
                        throw new RowException(row.line(), "duplicate id '" + id.apply(item) + "'");
                      }
                      items.add(item);
                    } catch (RowException e) {
                      errors.add(new RowError(source, e.line(), e.reason()));
                    }
                  },
                  e -> errors.add(new RowError(source, e.line(), e.reason())));
    } catch (RowException e) {
      return new Parsed<>(List.of(), List.of(new RowError(source, e.line(), e.reason())));
    }
    List<String> missing = header.stream().filter(h -> !actual.contains(h)).toList();
    if (!missing.isEmpty()) {
      return new Parsed<>(
          List.of(),
          List.of(
              new RowError(
                  source,
                  1,
                  "header lacks " + missing + "; expected " + String.join(",", header))));
    }
    return new Parsed<>(items, errors);
  }

  private static Coalition coalition(String text, int line) {
    try {
      return Coalition.valueOf(
          text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new RowException(
          line,
          "unknown coalition '"
              + text
              + "' (one of "
              + Arrays.stream(Coalition.values())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ")");
    }
  }

  private static double number(CsvRow row, String column) {
    String text = row.require(column);
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v <= 0) {
        throw new RowException(
            row.line(), column + " must be a positive number, not '" + text + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RowException(row.line(), column + " is not a number: '" + text + "'");
    }
  }

  private static long whole(CsvRow row, String column) {
    String text = row.require(column);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new RowException(row.line(), column + " is not a whole number: '" + text + "'");
    }
  }

  private static LocalDate date(CsvRow row, String column) {
    String text = row.require(column);
    try {
      LocalDate d = LocalDate.parse(text);
      if (d.getYear() < 2014 || d.getYear() > 2100) {
        throw new RowException(row.line(), column + " " + d + " out of range 2014..2100");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new RowException(row.line(), column + " is not YYYY-MM-DD: '" + text + "'");
    }
  }
}
