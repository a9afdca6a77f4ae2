package dev.bulwark.support.input;

import dev.bulwark.support.allocation.AllocationCsv;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Requirements and offers sent as JSON (the columns of the library's CSV formats as fields) or as
 * CSV, checked by the library's reader; all or nothing, every offending row named. An offer of
 * another ally than the principal's nation makes the whole upload a 403. Stateless and thread-safe.
 */
public final class PlanningInput {
  public static final int MAX_ENTRIES = 20_000;
  private final AllocationCsv csv;

  public PlanningInput(Allies allies) {
    this.csv = new AllocationCsv(allies);
  }

  public List<Requirement> requirements(
      Optional<JsonNode> json, Optional<String> text, Set<String> held) {
    String body =
        text.orElseGet(
            () -> toCsv(json.orElseThrow(), AllocationCsv.REQUIREMENT_HEADER, "requirements"));
    checkNumbers(body, json.isPresent() ? "requirements" : null, true);
    AllocationCsv.Parsed<Requirement> p;
    try {
      p = csv.requirements(new StringReader(body), "requirements");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checked(p, held, Requirement::id, json.isPresent() ? "requirements" : null, List.of());
  }

  public List<Offer> offers(
      Optional<JsonNode> json, Optional<String> text, Set<String> held, Optional<String> onlyAlly) {
    String body =
        text.orElseGet(() -> toCsv(json.orElseThrow(), AllocationCsv.OFFER_HEADER, "offers"));
    checkNumbers(body, json.isPresent() ? "offers" : null, false);
    AllocationCsv.Parsed<Offer> p;
    try {
      p = csv.offers(new StringReader(body), "offers");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<InputRejected.Problem> foreign = new ArrayList<>();
    if (onlyAlly.isPresent()) {
      // the rows' line numbers are not kept by the reader; name the offers by id
      for (Offer o : p.items()) {
        if (!o.ally().equals(onlyAlly.get())) {
          foreign.add(
              new InputRejected.Problem(
                  "offer " + o.id(),
                  "ally "
                      + o.ally()
                      + " is not your nation: a contributor of "
                      + onlyAlly.get()
                      + " may enter only "
                      + onlyAlly.get()
                      + "'s offers"));
        }
      }
    }
    return checked(p, held, Offer::id, json.isPresent() ? "offers" : null, foreign);
  }

  /**
   * Refuses the upload, naming each row and field, when a quantity, unit value or priority is out
   * of range: checked on the text, before the library parses and multiplies them.
   */
  private static void checkNumbers(String body, String jsonName, boolean requirements) {
    List<InputRejected.Problem> problems = new ArrayList<>();
    try {
      new CsvReader(new StringReader(body))
          .read(
              row -> {
                String where =
                    jsonName != null && row.line() >= 2
                        ? jsonName + "[" + (row.line() - 2) + "]"
                        : "line " + row.line();
                List<String> columns =
                    requirements ? List.of("quantity", "unit_value_eur") : List.of("quantity");
                for (String column : columns) {
                  row.get(column)
                      .flatMap(v -> BoundedNumbers.problem(column, v, BoundedNumbers.PLANNING))
                      .ifPresent(
                          r ->
                              problems.add(
                                  new InputRejected.Problem(
                                      jsonName != null ? where + "." + column : where, r)));
                }
                if (requirements) {
                  row.get("priority")
                      .flatMap(v -> BoundedNumbers.wholeProblem("priority", v, 1, 5))
                      .ifPresent(
                          r ->
                              problems.add(
                                  new InputRejected.Problem(
                                      jsonName != null ? where + ".priority" : where, r)));
                }
              },
              e -> {});
    } catch (RowException e) {
      // a broken header: the library's own read reports it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new InputRejected(
          InputRejected.Kind.INVALID,
          problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was stored",
          problems.size() > ContributionInput.MAX_DETAILS
              ? problems.subList(0, ContributionInput.MAX_DETAILS)
              : problems);
    }
  }

  private static <T> List<T> checked(
      AllocationCsv.Parsed<T> p,
      Set<String> held,
      Function<T, String> id,
      String jsonName,
      List<InputRejected.Problem> foreign) {
    if (!foreign.isEmpty()) {
      throw new InputRejected(
          InputRejected.Kind.NOT_YOURS,
          foreign.size() + " entries are another nation's; nothing was stored",
          foreign);
    }
    List<InputRejected.Problem> problems = new ArrayList<>();
    p.errors()
        .forEach(
            e ->
                problems.add(
                    new InputRejected.Problem(
                        jsonName != null && e.line() >= 2
                            ? jsonName + "[" + (e.line() - 2) + "]"
                            : "line " + e.line(),
                        e.reason())));
    for (T item : p.items()) {
      if (held.contains(id.apply(item))) {
        problems.add(
            new InputRejected.Problem(
                "id " + id.apply(item), "already held; delete it first to replace it"));
      }
      if (id.apply(item).length() > 200) {
        problems.add(
            new InputRejected.Problem(
                "id " + id.apply(item).substring(0, 40) + "...", "longer than 200 characters"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputRejected(
          InputRejected.Kind.INVALID,
          problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was stored",
          problems.size() > ContributionInput.MAX_DETAILS
              ? problems.subList(0, ContributionInput.MAX_DETAILS)
              : problems);
    }
    if (p.items().isEmpty()) {
      throw InputRejected.badField("body", "no entries");
    }
    return p.items();
  }

  private static String toCsv(JsonNode body, List<String> header, String name) {
    List<JsonNode> items = JsonRows.items(body, MAX_ENTRIES);
    List<InputRejected.Problem> problems = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonRows.cells(items.get(i), header, name + "[" + i + "]", problems).ifPresent(rows::add);
    }
    if (!problems.isEmpty()) {
      throw new InputRejected(
          InputRejected.Kind.INVALID,
          problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was stored",
          problems);
    }
    return JsonRows.csv(header, rows);
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
