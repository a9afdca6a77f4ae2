package dev.bulwark.incidents.migration;

import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.csv.CsvRows;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A crossing-count CSV file, all or nothing. Header row with the columns {@code date} (YYYY-MM-DD),
 * {@code crossing_point}, {@code nationality_group}, {@code count} (a whole number, 0 or more), in
 * any order; one row per day, point and group (a repeated key is an error). Stateless and
 * thread-safe.
 */
public final class CrossingCsv {

  /** The most rows a file may have (10 years × 200 points × 5 groups fits). */
  public static final int MAX_ROWS = 5_000_000;

  private static final List<String> COLUMNS =
      List.of("date", "crossing_point", "nationality_group", "count");

  /** The counts of a file when {@code problems} is empty, else none. */
  public record Result(List<CrossingCount> counts, List<Problem> problems) {
    /** Copies the lists. */
    public Result {
      counts = List.copyOf(counts);
      problems = List.copyOf(problems);
    }

    /** Whether the file is accepted. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private CrossingCsv() {}

  /**
   * Reads a file.
   *
   * @param in the text
   * @return the counts, or every problem with its line (and no count)
   * @throws IOException when reading fails
   */
  public static Result read(Reader in) throws IOException {
    List<CsvRows.Row> rows;
    try {
      rows = CsvRows.read(in, MAX_ROWS + 1, 200);
    } catch (CsvRows.CsvException e) {
      return new Result(List.of(), List.of(new Problem("line " + e.line(), e.getMessage())));
    }
    List<Problem> problems = new ArrayList<>();
    if (rows.isEmpty()) {
      return new Result(List.of(), List.of(new Problem("line 1", "no header row")));
    }
    Map<String, Integer> cols = new HashMap<>();
    List<String> header = rows.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name) || cols.put(name, i) != null) {
        problems.add(
            new Problem("line 1, column " + (i + 1), "unexpected column \"" + name + "\""));
      }
    }
    for (String c : COLUMNS) {
      if (!cols.containsKey(c)) {
        problems.add(new Problem("line 1", "missing column \"" + c + "\""));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<CrossingCount> out = new ArrayList<>(rows.size());
    Map<String, Integer> seen = new HashMap<>();
    for (CsvRows.Row r : rows.subList(1, rows.size())) {
      String at = "line " + r.line();
      if (r.fields().size() != header.size()) {
        problems.add(
            new Problem(at, r.fields().size() + " fields, the header has " + header.size()));
        continue;
      }
      String dateText = r.fields().get(cols.get("date")).trim();
      String point = r.fields().get(cols.get("crossing_point")).trim();
      String group = r.fields().get(cols.get("nationality_group")).trim();
      String countText = r.fields().get(cols.get("count")).trim();
      int before = problems.size();
      LocalDate date = null;
      try {
        date = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        problems.add(
            new Problem(at + ", column date", "not a date YYYY-MM-DD: \"" + dateText + "\""));
      }
      if (point.isEmpty()) {
        problems.add(new Problem(at + ", column crossing_point", "required"));
      }
      if (group.isEmpty()) {
        problems.add(new Problem(at + ", column nationality_group", "required"));
      }
      int count = -1;
      try {
        count = Integer.parseInt(countText);
      } catch (NumberFormatException e) {
        // reported below
      }
      if (count < 0 || count > 1_000_000) {
        problems.add(
            new Problem(at + ", column count", "a whole number 0..1000000: \"" + countText + "\""));
      }
      if (problems.size() > before) {
        continue;
      }
      Integer prev = seen.putIfAbsent(date + "|" + point + "|" + group, r.line());
      if (prev != null) {
        problems.add(new Problem(at, "the same date, crossing point and group as line " + prev));
        continue;
      }
      out.add(new CrossingCount(date, point, group, count));
    }
    return problems.isEmpty() ? new Result(out, List.of()) : new Result(List.of(), problems);
  }
}
