package dev.bulwark.readiness.declaration;

import dev.bulwark.readiness.declaration.Declaration.SubRatings;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.CsvRow;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads force declarations from CSV (RFC 4180, header row). Required columns: {@value #REQUIRED};
 * optional: {@code tier} (1–3 or {@code none}; derived from notice to move when blank), {@code
 * p_level}, {@code s_level}, {@code r_level}, {@code t_level} (the SORTS sub-ratings for personnel,
 * equipment on hand, equipment condition and training, 1–5), {@code equipment} ({@code
 * kind=count;kind=count}, kinds of a–z, 0–9 and underscore) and {@code releasable_to} (nations or
 * groups, separated by {@code ;}, who may read the unit besides its nation). Every bad row is named
 * with its line and reason; the caller stores the rows only if there is none (all or nothing).
 * Stateless; thread-safe.
 */
public final class DeclarationCsv {
  /** The required columns, in the order of the README. */
  public static final String REQUIRED =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from";

  /** The most personnel one row may declare (a corps is far below). */
  public static final int MAX_PERSONNEL = 1_000_000;

  /** The longest notice to move accepted, in days (ten years). */
  public static final int MAX_NOTICE_DAYS = 3650;

  /** The most rows one file may hold. */
  public static final int MAX_ROWS = 1_000_000;

  private static final int MAX_TEXT = 200;
  private static final Pattern KIND = Pattern.compile("[a-z0-9_]{1,40}");

  private final Allies allies;

  public DeclarationCsv(Allies allies) {
    this.allies = allies;
  }

  /** A row read: its line, the declaration and the nations it is releasable to (may be empty). */
  public record Row(int line, Declaration declaration, Set<String> releasableTo) {
    public Row {
      releasableTo = Set.copyOf(releasableTo);
    }
  }

  /** What a file held: the good rows and the refused ones. Store the rows only if {@link #ok()}. */
  public record Result(List<Row> rows, List<RowError> errors) {
    public Result {
      rows = List.copyOf(rows);
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** A file that cannot be read as CSV at all (no header line, or an I/O failure). */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads a whole file.
   *
   * @param source the file's name, for the errors
   * @throws UnreadableException when the file has no header or cannot be read
   */
  public Result read(Reader in, String source) throws UnreadableException {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> header;
    try {
      header =
          new CsvReader(in)
              .read(
                  row -> {
                    if (rows.size() + errors.size() >= MAX_ROWS) {
                      if (rows.size() + errors.size() == MAX_ROWS) {
                        errors.add(
                            new RowError(source, row.line(), "more than " + MAX_ROWS + " rows"));
                      }
                      return;
                    }
                    try {
                      Row r = row(row);
                      Integer before = seen.putIfAbsent(versionKey(r.declaration()), row.line());
                      if (before != null) {
                        errors.add(
                            new RowError(
                                source,
                                row.line(),
                                "the same unit and valid_from as line " + before));
                      } else {
                        rows.add(r);
                      }
                    } catch (RowException e) {
                      errors.add(new RowError(source, e.line(), e.reason()));
                    }
                  },
                  bad -> errors.add(new RowError(source, bad.line(), bad.reason())));
    } catch (RowException e) {
      throw new UnreadableException(source + ": " + e.reason(), e);
    } catch (IOException e) {
      throw new UnreadableException(source + ": " + e.getMessage(), e);
    }
    List<String> missing = new ArrayList<>();
    for (String c : REQUIRED.split(",")) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      errors.add(
          0, new RowError(source, 1, "missing required columns: " + String.join(", ", missing)));
      return new Result(List.of(), errors);
    }
    errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(rows, errors);
  }

  /**
   * One row given as column → value (a form or a JSON entry), checked exactly as a CSV row.
   *
   * @param line the number to name in the error (e.g. the entry's position)
   * @throws RowException naming the line and the reason when the row is bad
   */
  public Row parse(int line, Map<String, String> columns) {
    List<String> fields = new ArrayList<>();
    Map<String, Integer> header = new HashMap<>();
    columns.forEach(
        (k, v) -> {
          header.put(k, fields.size());
          fields.add(v == null ? "" : v);
        });
    return row(new CsvRow(line, fields, header));
  }

  private static String versionKey(Declaration d) {
    return d.key() + "\u0000" + d.validFrom();
  }

  private Row row(CsvRow row) {
    int line = row.line();
    String nation = row.require("nation").toUpperCase(Locale.ROOT);
    if (!allies.contains(nation)) {
      throw new RowException(line, "nation '" + nation + "' is not an ally (ISO3 code)");
    }
    Domain domain =
        Domain.parse(row.require("domain"))
            .orElseThrow(
                () ->
                    new RowException(
                        line,
                        "domain must be land, maritime, air, cyber, space or special_operations"));
    Status status =
        Status.parse(row.require("status"))
            .orElseThrow(
                () ->
                    new RowException(
                        line,
                        "status must be declared, offered, certified, exercised or"
                            + " snap-inspected"));
    String c = row.require("c_level");
    int cLevel =
        rating(line, "c_level", c.toUpperCase(Locale.ROOT).startsWith("C") ? c.substring(1) : c);
    SubRatings sub =
        new SubRatings(
            optionalRating(row, "p_level"),
            optionalRating(row, "s_level"),
            optionalRating(row, "r_level"),
            optionalRating(row, "t_level"));
    LocalDate validFrom;
    try {
      validFrom = LocalDate.parse(row.require("valid_from"));
    } catch (DateTimeParseException e) {
      throw new RowException(line, "valid_from must be a date YYYY-MM-DD");
    }
    Declaration d =
        new Declaration(
            nation,
            text(row, "unit"),
            domain,
            text(row, "unit_type"),
            number(line, "personnel", row.require("personnel"), MAX_PERSONNEL),
            equipment(row),
            number(
                line, "notice_to_move_days", row.require("notice_to_move_days"), MAX_NOTICE_DAYS),
            tier(row),
            text(row, "regional_plan"),
            status,
            cLevel,
            sub,
            validFrom);
    return new Row(line, d, releasableTo(row));
  }

  private static String text(CsvRow row, String column) {
    String v = row.require(column);
    if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
      throw new RowException(
          row.line(),
          column + " must be at most " + MAX_TEXT + " characters, no control characters");
    }
    return v;
  }

  private static int number(int line, String column, String value, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RowException(line, column + " must be a whole number from 0 to " + max);
  }

  private static int rating(int line, String column, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= 5) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RowException(line, column + " must be 1 to 5");
  }

  private static OptionalInt optionalRating(CsvRow row, String column) {
    return row.get(column)
        .map(v -> OptionalInt.of(rating(row.line(), column, v)))
        .orElse(OptionalInt.empty());
  }

  private static OptionalInt tier(CsvRow row) {
    return row.get("tier")
        .map(
            v -> {
              String t = v.toLowerCase(Locale.ROOT);
              switch (t) {
                case "none", "0" -> {
                  return OptionalInt.of(Tiers.NONE);
                }
                case "1", "2", "3" -> {
                  return OptionalInt.of(Integer.parseInt(t));
                }
                default -> throw new RowException(row.line(), "tier must be 1, 2, 3 or none");
              }
            })
        .orElse(OptionalInt.empty());
  }

  private static Map<String, Integer> equipment(CsvRow row) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String part : row.get("equipment").orElse("").split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String kind = eq < 0 ? "" : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!KIND.matcher(kind).matches()) {
        throw new RowException(row.line(), "equipment must be kind=count;kind=count");
      }
      int n =
          number(row.line(), "equipment count of " + kind, part.substring(eq + 1).trim(), 100_000);
      if (out.put(kind, n) != null) {
        throw new RowException(row.line(), "equipment names " + kind + " twice");
      }
    }
    return out;
  }

  private static Set<String> releasableTo(CsvRow row) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : row.get("releasable_to").orElse("").split(";")) {
      String code = part.trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (!NationGroups.isKnown(code)) {
        throw new RowException(
            row.line(), "releasable_to names an unknown nation or group: " + code);
      }
      out.add(code);
    }
    return out;
  }
}
