package dev.bulwark.support.input;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import dev.bulwark.support.contribution.ImportResult;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.CsvRow;
import dev.bulwark.support.csv.RowException;
import dev.bulwark.support.kiel.KielImporter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Turns what a principal sends into ledger entries, all or nothing: JSON entries (one object or an
 * array, the fields of the library's CSV format), a CSV file in the library's format, or a Kiel
 * tracker {@code data_explorer.csv}. Every entry is checked the way the library checks CSV rows
 * (known ally, enum values, dates in range, a rate for the currency, unique id), plus the columns'
 * lengths and, for a principal limited to its own nation, the donor. Every offending row is named;
 * when any is refused, nothing is returned. Rows of another nation make the whole upload refused as
 * {@link InputRejected.Kind#NOT_YOURS}. Stateless and thread-safe.
 */
public final class ContributionInput {
  /** At most this many problems are listed in an answer; the count of the rest is given. */
  public static final int MAX_DETAILS = 200;

  public static final int MAX_JSON_ENTRIES = 10_000;
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("id", 200, "description", 4000, "source", 2000, "fx_basis", 200);

  /** The numbers of the library's CSV format, checked before the library computes with them. */
  private static final List<String> MONEY = List.of("amount", "eur");

  /** The numbers of a Kiel tracker file (billions of euros). */
  private static final List<String> KIEL_NUMBERS =
      List.of("total", "financial", "humanitarian", "military", "commitments", "to_be_allocated");

  private final Allies allies;
  private final ContributionCsv csv;
  private final KielImporter kiel;

  public ContributionInput(Allies allies, ContributionCsv csv) {
    this.allies = allies;
    this.csv = csv;
    this.kiel = new KielImporter(allies);
  }

  /**
   * Entries sent as JSON.
   *
   * @param onlyDonor the one donor the principal may enter for, empty for any (admins)
   * @param newId makes an id for an entry that has none
   */
  public List<Contribution> fromJson(
      JsonNode body, Optional<String> onlyDonor, Set<String> existingIds, Supplier<String> newId) {
    List<JsonNode> items = JsonRows.items(body, MAX_JSON_ENTRIES);
    List<InputRejected.Problem> problems = new ArrayList<>();
    List<InputRejected.Problem> foreign = new ArrayList<>();
    List<Contribution> out = new ArrayList<>();
    Set<String> ids = new HashSet<>(existingIds);
    for (int i = 0; i < items.size(); i++) {
      String where = "contributions[" + i + "]";
      Optional<Map<String, String>> parsed =
          JsonRows.cells(items.get(i), ContributionCsv.HEADER, where, problems);
      if (parsed.isEmpty()) {
        continue;
      }
      Map<String, String> cells = parsed.get();
      boolean bad = false;
      if (cells.getOrDefault("id", "").isBlank()) {
        cells.put("id", newId.get());
      }
      for (Map.Entry<String, Integer> m : MAX_LENGTH.entrySet()) {
        String v = cells.getOrDefault(m.getKey(), "");
        if (v.length() > m.getValue()) {
          problems.add(
              new InputRejected.Problem(
                  where + "." + m.getKey(), "longer than " + m.getValue() + " characters"));
          bad = true;
        }
      }
      for (String column : MONEY) {
        Optional<String> p =
            BoundedNumbers.problem(column, cells.get(column), BoundedNumbers.MONEY);
        if (p.isPresent()) {
          problems.add(new InputRejected.Problem(where + "." + column, p.get()));
          bad = true;
        }
      }
      String donor = cells.getOrDefault("donor", "").trim().toUpperCase(Locale.ROOT);
      if (onlyDonor.isPresent() && !donor.isEmpty() && !donor.equals(onlyDonor.get())) {
        foreign.add(new InputRejected.Problem(where + ".donor", notYours(donor, onlyDonor.get())));
        continue;
      }
      if (bad) {
        continue;
      }
      ImportResult r = read(JsonRows.csv(ContributionCsv.HEADER, List.of(cells)), where, ids);
      if (!r.ok()) {
        r.errors().forEach(e -> problems.add(new InputRejected.Problem(where, e.reason())));
        continue;
      }
      Contribution c = r.contributions().get(0);
      ids.add(c.id());
      out.add(c);
    }
    refuseIfAny(foreign, problems, items.size(), "entries");
    return out;
  }

  /** A file in the library's CSV format ({@link ContributionCsv#HEADER}). */
  public List<Contribution> fromCsv(
      String text, String sourceName, Optional<String> onlyDonor, Set<String> existingIds) {
    List<InputRejected.Problem> foreign = new ArrayList<>();
    List<InputRejected.Problem> problems = new ArrayList<>();
    List<InputRejected.Problem> unbounded = new ArrayList<>();
    int rows =
        scan(
            text,
            row -> {
              for (Map.Entry<String, Integer> m : MAX_LENGTH.entrySet()) {
                if (row.get(m.getKey()).map(String::length).orElse(0) > m.getValue()) {
                  problems.add(
                      new InputRejected.Problem(
                          "line " + row.line(),
                          m.getKey() + " longer than " + m.getValue() + " characters"));
                }
              }
              checkNumbers(row, MONEY, BoundedNumbers.MONEY, unbounded);
              String donor = row.get("donor").orElse("").toUpperCase(Locale.ROOT);
              if (onlyDonor.isPresent() && !donor.isEmpty() && !donor.equals(onlyDonor.get())) {
                foreign.add(
                    new InputRejected.Problem(
                        "line " + row.line(), notYours(donor, onlyDonor.get())));
              }
            });
    // the library is not given numbers it would take minutes to compute with
    problems.addAll(unbounded);
    if (!unbounded.isEmpty()) {
      refuseIfAny(foreign, problems, rows, "rows");
    }
    ImportResult r = read(text, sourceName, existingIds);
    r.errors()
        .forEach(e -> problems.add(new InputRejected.Problem("line " + e.line(), e.reason())));
    if (r.rowsRead() == 0 && problems.isEmpty() && foreign.isEmpty()) {
      throw InputRejected.badField("body", "the file has no rows");
    }
    refuseIfAny(foreign, problems, r.rowsRead(), "rows");
    return r.contributions();
  }

  /**
   * A Kiel tracker release ({@code data_explorer.csv}); rows of donors that are not allies are
   * skipped.
   */
  public KielImport fromKiel(
      String text,
      String sourceName,
      String release,
      Optional<String> onlyDonor,
      Set<String> existingIds) {
    List<InputRejected.Problem> foreign = new ArrayList<>();
    List<InputRejected.Problem> problems = new ArrayList<>();
    int rows =
        scan(
            text,
            row -> {
              checkNumbers(row, KIEL_NUMBERS, BoundedNumbers.BILLIONS, problems);
              String iso = row.get("iso").orElse("").toUpperCase(Locale.ROOT);
              if (onlyDonor.isPresent() && allies.contains(iso) && !iso.equals(onlyDonor.get())) {
                foreign.add(
                    new InputRejected.Problem(
                        "line " + row.line(), notYours(iso, onlyDonor.get())));
              }
            });
    // the library is not given numbers it would take minutes to compute with
    if (!problems.isEmpty()) {
      refuseIfAny(foreign, problems, rows, "rows");
    }
    KielImporter.Result r;
    try {
      r = kiel.read(new StringReader(text), sourceName, release);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    r.errors()
        .forEach(e -> problems.add(new InputRejected.Problem("line " + e.line(), e.reason())));
    Set<String> seen = new HashSet<>(existingIds);
    for (Contribution c : r.contributions()) {
      if (!seen.add(c.id())) {
        problems.add(
            new InputRejected.Problem(
                "id " + c.id(),
                "already in the ledger (release '" + release + "' imported before?)"));
      }
    }
    refuseIfAny(foreign, problems, r.rowsRead(), "rows");
    return new KielImport(r.contributions(), r.rowsRead(), r.rowsSkipped(), r.skippedDonors());
  }

  /** What a Kiel import gives: the entries, and the rows of donors that are not allies, skipped. */
  public record KielImport(
      List<Contribution> contributions,
      int rowsRead,
      int rowsSkipped,
      List<String> skippedDonors) {}

  private ImportResult read(String text, String source, Set<String> existingIds) {
    try {
      return csv.read(new StringReader(text), source, existingIds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Calls {@code rows} for every well-formed row; returns how many rows there are (malformed ones
   * included).
   */
  private static int scan(String text, Consumer<CsvRow> rows) {
    int[] count = {0};
    try {
      new CsvReader(new StringReader(text))
          .read(
              row -> {
                count[0]++;
                rows.accept(row);
              },
              e -> count[0]++);
    } catch (RowException e) {
      // a broken header: the library's own read reports it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  /** Adds a problem, naming the row's line and the column, for every number out of range. */
  static void checkNumbers(
      CsvRow row,
      List<String> columns,
      BoundedNumbers.Range range,
      List<InputRejected.Problem> problems) {
    for (String column : columns) {
      row.get(column)
          .flatMap(v -> BoundedNumbers.problem(column, v, range))
          .ifPresent(p -> problems.add(new InputRejected.Problem("line " + row.line(), p)));
    }
  }

  private static String notYours(String donor, String nation) {
    return "donor "
        + donor
        + " is not your nation: a contributor of "
        + nation
        + " may enter only "
        + nation
        + "'s contributions";
  }

  private static void refuseIfAny(
      List<InputRejected.Problem> foreign,
      List<InputRejected.Problem> problems,
      int total,
      String what) {
    if (!foreign.isEmpty()) {
      throw new InputRejected(
          InputRejected.Kind.NOT_YOURS,
          foreign.size()
              + " of "
              + total
              + " "
              + what
              + " are another nation's contributions; nothing was stored",
          limit(foreign));
    }
    if (!problems.isEmpty()) {
      List<InputRejected.Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(ContributionInput::lineOf));
      throw new InputRejected(
          InputRejected.Kind.INVALID,
          problems.size()
              + " problem"
              + (problems.size() == 1 ? "" : "s")
              + " in "
              + total
              + " "
              + what
              + "; nothing was stored",
          limit(sorted));
    }
  }

  private static int lineOf(InputRejected.Problem d) {
    String w = d.where();
    if (w.startsWith("line ")) {
      try {
        return Integer.parseInt(w.substring(5));
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static List<InputRejected.Problem> limit(List<InputRejected.Problem> all) {
    if (all.size() <= MAX_DETAILS) {
      return all;
    }
    List<InputRejected.Problem> out = new ArrayList<>(all.subList(0, MAX_DETAILS));
    out.add(new InputRejected.Problem("...", (all.size() - MAX_DETAILS) + " more not listed"));
    return out;
  }
}
