package dev.bulwark.incidents.csv;

import dev.bulwark.incidents.Determination;
import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.kinds.KindFields;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.lifecycle.StatusStep;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An incident CSV file as register incidents, all or nothing. Columns (header row required, any
 * order, names exact):
 *
 * <ul>
 *   <li>{@code name}*, {@code kind}* (a vocabulary string of {@link ActKind}), {@code first_seen}*
 *       (RFC 3339 UTC, e.g. {@code 2024-12-25T10:26:00Z});
 *   <li>{@code latitude}, {@code longitude} (decimal degrees, both or neither), {@code
 *       description}, {@code tlp} ({@code clear}, {@code green}, {@code amber} — the default —,
 *       {@code amber+strict}, {@code red}), {@code determination} (incident-core enum; default
 *       {@code suspected}), {@code reported_at} (default: first_seen);
 *   <li>{@code imo}, {@code mmsi}, {@code ip}, {@code domain}, {@code actor}: lists separated by
 *       {@code ;};
 *   <li>{@code kind_fields}: the kind's fields as a JSON object (the table in docs/incidents.md).
 * </ul>
 *
 * The id of a row's incident is name-based (kind, name, first seen), so importing a file twice
 * finds the incidents already held. Stateless and thread-safe.
 */
public final class IncidentCsv {

  /** The most rows a file may have. */
  public static final int MAX_ROWS = 100_000;

  private static final int MAX_FIELD = 64 * 1024;
  private static final UUID NAMESPACE = UUID.fromString("6d1f3a52-8c0b-4e7f-9a26-3b5c1e0d7f84");
  private static final Set<String> COLUMNS =
      Set.of(
          "name",
          "kind",
          "first_seen",
          "latitude",
          "longitude",
          "description",
          "tlp",
          "determination",
          "reported_at",
          "imo",
          "mmsi",
          "ip",
          "domain",
          "actor",
          "kind_fields");
  private static final Pattern IMO = Pattern.compile("\\d{7}");
  private static final Pattern MMSI = Pattern.compile("\\d{9}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a file came to: its incidents when {@code problems} is empty, else none. */
  public record Result(List<Incident> incidents, List<Problem> problems) {
    /** Copies the lists. */
    public Result {
      incidents = List.copyOf(incidents);
      problems = List.copyOf(problems);
    }

    /** Whether the file is accepted. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private IncidentCsv() {}

  /**
   * Reads a file.
   *
   * @param in the text
   * @param by who imports (recorded as the reporter)
   * @return the incidents, or the problems (then no incident)
   * @throws IOException when reading fails
   */
  public static Result read(Reader in, String by) throws IOException {
    List<CsvRows.Row> rows;
    try {
      rows = CsvRows.read(in, MAX_ROWS + 1, MAX_FIELD);
    } catch (CsvRows.CsvException e) {
      return new Result(List.of(), List.of(new Problem("line " + e.line(), e.getMessage())));
    }
    if (rows.isEmpty()) {
      return new Result(List.of(), List.of(new Problem("line 1", "no header row")));
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> cols = header(rows.get(0), problems);
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<Incident> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvRows.Row r : rows.subList(1, rows.size())) {
      Optional<Incident> i = row(r, cols, by, problems);
      if (i.isPresent()) {
        Integer before = seen.putIfAbsent(i.get().id(), r.line());
        if (before != null) {
          problems.add(
              new Problem(
                  "line " + r.line(),
                  "the same incident as line " + before + " (kind, name, first_seen)"));
        } else {
          out.add(i.get());
        }
      }
    }
    return problems.isEmpty() ? new Result(out, List.of()) : new Result(List.of(), problems);
  }

  private static Map<String, Integer> header(CsvRows.Row h, List<Problem> problems) {
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < h.fields().size(); i++) {
      String name = h.fields().get(i).trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        problems.add(new Problem("line 1, column " + (i + 1), "unknown column \"" + name + "\""));
      } else if (cols.put(name, i) != null) {
        problems.add(new Problem("line 1, column " + (i + 1), "column \"" + name + "\" twice"));
      }
    }
    for (String required : List.of("name", "kind", "first_seen")) {
      if (!cols.containsKey(required)) {
        problems.add(new Problem("line 1", "missing column \"" + required + "\""));
      }
    }
    return cols;
  }

  private static Optional<Incident> row(
      CsvRows.Row r, Map<String, Integer> cols, String by, List<Problem> problems) {
    int before = problems.size();
    String at = "line " + r.line();
    if (r.fields().size() != cols.size()) {
      problems.add(new Problem(at, r.fields().size() + " fields, the header has " + cols.size()));
      return Optional.empty();
    }
    String name = cell(r, cols, "name");
    if (name.isBlank()) {
      problems.add(new Problem(at + ", column name", "required"));
    }
    Optional<ActKind> kind = ActKind.ofSlug(cell(r, cols, "kind"));
    if (kind.isEmpty()) {
      problems.add(
          new Problem(
              at + ", column kind",
              "unknown kind \"" + cell(r, cols, "kind") + "\"; one of " + kinds()));
    }
    Instant firstSeen =
        instant(cell(r, cols, "first_seen"), at + ", column first_seen", true, problems);
    String reportedText = cell(r, cols, "reported_at");
    Instant reportedAt =
        reportedText.isEmpty()
            ? firstSeen
            : instant(reportedText, at + ", column reported_at", true, problems);
    Optional<GeoPoint> location = location(r, cols, at, problems);
    List<String> markings = tlp(cell(r, cols, "tlp"), at, problems);
    Determination determination =
        cell(r, cols, "determination").isEmpty()
            ? Determination.SUSPECTED
            : Determination.ofSlug(cell(r, cols, "determination"))
                .orElseGet(
                    () -> {
                      problems.add(
                          new Problem(
                              at + ", column determination", "not in incident-determination-enum"));
                      return Determination.SUSPECTED;
                    });
    Entities entities =
        new Entities(
            list(r, cols, "imo", IMO, "7 digits", at, problems),
            list(r, cols, "mmsi", MMSI, "9 digits", at, problems),
            list(r, cols, "ip", null, null, at, problems),
            list(r, cols, "domain", null, null, at, problems),
            list(r, cols, "actor", null, null, at, problems));
    ActDetails details =
        kind.isEmpty() ? null : details(kind.get(), cell(r, cols, "kind_fields"), at, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    String id =
        "incident--"
            + StixIds.uuid5(
                NAMESPACE,
                kind.get().slug() + "|" + name + "|" + StixTimestamps.formatMillis(firstSeen));
    return Optional.of(
        new Incident(
            id,
            name,
            cell(r, cols, "description"),
            details,
            Status.REPORTED,
            determination,
            firstSeen,
            location,
            entities,
            List.of(new StatusStep(Status.REPORTED, by, reportedAt)),
            List.of(),
            markings,
            Optional.empty(),
            "csv"));
  }

  private static ActDetails details(ActKind kind, String text, String at, List<Problem> problems) {
    String where = at + ", column kind_fields";
    JsonNode fields;
    try {
      fields = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (JacksonException e) {
      problems.add(new Problem(where, "not JSON: " + e.getOriginalMessage()));
      return null;
    }
    if (!fields.isObject()) {
      problems.add(new Problem(where, "must be a JSON object"));
      return null;
    }
    try {
      return KindFields.fromJson(kind, fields, "");
    } catch (IncidentException e) {
      e.problems().forEach(p -> problems.add(new Problem(where + " " + p.path(), p.reason())));
      return null;
    }
  }

  private static Optional<GeoPoint> location(
      CsvRows.Row r, Map<String, Integer> cols, String at, List<Problem> problems) {
    String lat = cell(r, cols, "latitude");
    String lon = cell(r, cols, "longitude");
    if (lat.isEmpty() && lon.isEmpty()) {
      return Optional.empty();
    }
    try {
      double a = Double.parseDouble(lat);
      double o = Double.parseDouble(lon);
      if (GeoPoint.valid(a, o)) {
        return Optional.of(new GeoPoint(a, o));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        new Problem(
            at + ", columns latitude/longitude", "both needed, as decimal degrees in range"));
    return Optional.empty();
  }

  private static List<String> tlp(String text, String at, List<Problem> problems) {
    String t = text.isBlank() ? "amber" : text.trim().toLowerCase(Locale.ROOT);
    for (Tlp tlp : Tlp.values()) {
      if (tlp.name().replace('_', '+').toLowerCase(Locale.ROOT).equals(t)) {
        return List.of(tlp.markingDefinitionId());
      }
    }
    problems.add(new Problem(at + ", column tlp", "one of clear, green, amber, amber+strict, red"));
    return List.of();
  }

  private static List<String> list(
      CsvRows.Row r,
      Map<String, Integer> cols,
      String column,
      Pattern shape,
      String shapeText,
      String at,
      List<Problem> problems) {
    String text = cell(r, cols, column);
    if (text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : text.split(";")) {
      String s = v.trim();
      if (s.isEmpty()) {
        continue;
      }
      if (shape != null && !shape.matcher(s).matches()) {
        problems.add(new Problem(at + ", column " + column, "\"" + s + "\" is not " + shapeText));
      } else {
        out.add(column.equals("domain") ? s.toLowerCase(Locale.ROOT) : s);
      }
    }
    return out;
  }

  private static Instant instant(String s, String where, boolean required, List<Problem> problems) {
    if (s.isBlank()) {
      if (required) {
        problems.add(new Problem(where, "required"));
      }
      return Instant.EPOCH;
    }
    if (!StixTimestamps.isValid(s.trim())) {
      problems.add(
          new Problem(where, "not an RFC 3339 UTC timestamp such as 2024-12-25T10:26:00Z"));
      return Instant.EPOCH;
    }
    return Instant.ofEpochMilli(StixTimestamps.toMillis(s.trim()));
  }

  private static String cell(CsvRows.Row r, Map<String, Integer> cols, String name) {
    Integer i = cols.get(name);
    return i == null ? "" : r.fields().get(i).trim();
  }

  private static String kinds() {
    return String.join(", ", Arrays.stream(ActKind.values()).map(ActKind::slug).toList());
  }
}
