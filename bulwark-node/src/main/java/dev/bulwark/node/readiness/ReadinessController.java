package dev.bulwark.node.readiness;

import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.SummaryJson;
import dev.bulwark.readiness.coverage.Versions;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.declaration.DeclarationJson;
import dev.bulwark.readiness.stix.ReadinessExtension;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.RowError;
import dev.bulwark.support.csv.RowException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The readiness API, {@code /api/readiness}: the summary and the listing, each computed for the
 * caller from the declarations the caller may see; entering declarations (JSON, as the console's
 * form sends) and importing a CSV file, all or nothing, each row a new version. Readers,
 * contributors and admins read; a contributor enters for its own nation only (a file with another
 * nation's row is refused whole, naming the rows); an admin enters for any ally. Every call is
 * audited. Thread-safe.
 */
@RestController
@RequestMapping("/api/readiness")
class ReadinessController {
  private static final String ACTION = "bulwark.readiness.action";
  private final DeclarationStore declarations;
  private final ReadinessCalculator calculator;
  private final ReadinessAudit audit;
  private final DeclarationCsv csv = new DeclarationCsv(Allies.nato());
  private final long maxUploadBytes;

  ReadinessController(
      DeclarationStore declarations,
      ReadinessCalculator calculator,
      ReadinessAudit audit,
      @Value("${bulwark.readiness.max-upload-bytes:16777216}") long maxUploadBytes) {
    this.declarations = declarations;
    this.calculator = calculator;
    this.audit = audit;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** The coverage on {@code as_of} (default today, UTC) over what the caller may see. */
  @GetMapping("/summary")
  ResponseEntity<String> summary(
      HttpServletRequest request, @RequestParam(name = "as_of", required = false) String asOf) {
    NodePrincipal p = reader(request, "readiness.summary");
    LocalDate day = day(asOf);
    List<Declaration> seen =
        declarations.visibleTo(p).stream().map(DeclarationStore.Visible::declaration).toList();
    ObjectNode body = SummaryJson.write(calculator.summary(seen, day));
    audit.allowed(
        p, "readiness.summary", List.of(), "as of " + day + " over " + seen.size() + " versions");
    return json(body.toString());
  }

  /** The declarations valid on {@code as_of} (every version with {@code versions=all}). */
  @GetMapping("/declarations")
  ResponseEntity<String> list(
      HttpServletRequest request,
      @RequestParam(name = "as_of", required = false) String asOf,
      @RequestParam(name = "versions", required = false) String versions) {
    NodePrincipal p = reader(request, "readiness.declarations.list");
    LocalDate day = day(asOf);
    List<DeclarationStore.Visible> seen = declarations.visibleTo(p);
    List<DeclarationStore.Visible> shown = seen;
    if (!"all".equals(versions)) {
      Map<Declaration, DeclarationStore.Visible> by = new HashMap<>();
      seen.forEach(v -> by.put(v.declaration(), v));
      shown =
          Versions.validOn(seen.stream().map(DeclarationStore.Visible::declaration).toList(), day)
              .stream()
              .map(by::get)
              .toList();
    }
    ArrayNode out = SummaryJson.MAPPER.createArrayNode();
    for (DeclarationStore.Visible v : shown) {
      ObjectNode o = DeclarationJson.write(v.declaration());
      o.put("id", v.id());
      o.put("modified", v.modified());
      out.add(o);
    }
    audit.allowed(p, "readiness.declarations.list", List.of(), out.size() + " declarations");
    return json(out.toString());
  }

  /** Enters declarations: one JSON object, or an array of them, with the CSV's column names. */
  @PostMapping(path = "/declarations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> enter(HttpServletRequest request) {
    NodePrincipal p = enterer(request, "readiness.declarations.enter");
    JsonNode body;
    try {
      body = SummaryJson.MAPPER.readTree(body(request));
    } catch (JacksonException e) {
      throw new ReadinessError(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    List<JsonNode> entries = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(entries::add);
    } else {
      entries.add(body);
    }
    List<DeclarationCsv.Row> rows = new ArrayList<>();
    List<ReadinessError.Detail> bad = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        rows.add(csv.parse(i + 1, DeclarationJson.columns(entries.get(i))));
      } catch (RowException e) {
        bad.add(new ReadinessError.Detail("declarations[" + i + "]", e.reason()));
      }
    }
    if (!bad.isEmpty()) {
      throw new ReadinessError(400, bad.size() + " bad declarations; nothing was stored", bad);
    }
    return stored(p, "readiness.declarations.enter", rows, entries.size() + " entries");
  }

  /** Imports a CSV file ({@code text/csv}), all of it or nothing. */
  @PostMapping(path = "/import", consumes = "text/csv")
  ResponseEntity<String> importCsv(HttpServletRequest request) {
    NodePrincipal p = enterer(request, "readiness.import");
    DeclarationCsv.Result result;
    try {
      result = csv.read(new StringReader(body(request)), "upload");
    } catch (DeclarationCsv.UnreadableException e) {
      throw new ReadinessError(400, "unreadable CSV: " + e.getMessage());
    }
    if (!result.ok()) {
      List<ReadinessError.Detail> bad = new ArrayList<>();
      for (RowError e : result.errors()) {
        bad.add(new ReadinessError.Detail("line " + e.line(), e.reason()));
      }
      throw new ReadinessError(400, bad.size() + " bad rows; nothing was imported", bad);
    }
    return stored(p, "readiness.import", result.rows(), "CSV");
  }

  /**
   * Publishes the alliance totals on {@code as_of} TLP:CLEAR (admins): tiers, the high-readiness
   * headline, the curve's targets and the verification shares over what the admin may see — no
   * ally's or unit's figures — as a STIX note in {@code force-declarations}.
   */
  @PostMapping("/publications")
  ResponseEntity<String> publish(
      HttpServletRequest request, @RequestParam(name = "as_of", required = false) String asOf) {
    NodePrincipal p = principal(request, "readiness.publish");
    if (!p.isAdmin()) {
      throw new ReadinessError(403, "only an admin publishes alliance totals");
    }
    LocalDate day = day(asOf);
    List<Declaration> seen =
        declarations.visibleTo(p).stream().map(DeclarationStore.Visible::declaration).toList();
    ObjectNode full = SummaryJson.write(calculator.summary(seen, day));
    ObjectNode totals = SummaryJson.MAPPER.createObjectNode();
    totals.put("as_of", day.toString());
    totals.put("marking", "TLP:CLEAR");
    for (String field : List.of("tiers", "high_readiness", "curve_targets", "verification")) {
      totals.set(field, full.get(field));
    }
    String id =
        declarations.publish(
            "Force readiness against the NATO Force Model, alliance totals as of " + day,
            totals.toString(),
            p.name());
    audit.allowed(p, "readiness.publish", List.of(id), "alliance totals as of " + day);
    ObjectNode out = SummaryJson.MAPPER.createObjectNode();
    out.put("id", id);
    out.set("totals", totals);
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(out.toString());
  }

  /** Who the caller is and whether it may enter declarations (the console's sign-in probe). */
  @GetMapping("/me")
  ResponseEntity<String> me(HttpServletRequest request) {
    NodePrincipal p = reader(request, "readiness.me");
    ObjectNode o = SummaryJson.MAPPER.createObjectNode();
    o.put("name", p.name());
    o.put("nation", p.nation());
    ArrayNode roles = o.putArray("roles");
    p.roles().stream().map(Role::label).sorted().forEach(roles::add);
    o.put("may_enter", p.isAdmin() || p.has(Role.CONTRIBUTOR));
    o.put("enters_for", p.isAdmin() ? "any" : p.nation());
    return json(o.toString());
  }

  /** The JSON schema of {@code x-bulwark-force-declaration}. */
  @GetMapping(path = "/extension/schema.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> schema(HttpServletRequest request) {
    reader(request, "readiness.schema");
    return json(ReadinessExtension.schema());
  }

  private ResponseEntity<String> stored(
      NodePrincipal p, String action, List<DeclarationCsv.Row> rows, String what) {
    List<ReadinessError.Detail> foreign = new ArrayList<>();
    for (DeclarationCsv.Row r : rows) {
      if (!p.isAdmin() && !r.declaration().nation().equals(p.nation())) {
        foreign.add(
            new ReadinessError.Detail(
                "line " + r.line(),
                "a contributor of " + p.nation() + " enters its own nation's units only"));
      }
    }
    if (!foreign.isEmpty()) {
      throw new ReadinessError(
          403, foreign.size() + " rows of another nation; nothing was stored", foreign);
    }
    List<DeclarationStore.Stored> done = declarations.store(rows, p.name());
    List<String> refs = done.stream().map(s -> s.id() + "@" + s.modified()).toList();
    audit.allowed(p, action, refs, what + ": " + done.size() + " new versions");
    ObjectNode out = SummaryJson.MAPPER.createObjectNode();
    out.put("stored", done.size());
    ArrayNode ids = out.putArray("versions");
    for (DeclarationStore.Stored s : done) {
      ids.addObject().put("id", s.id()).put("modified", s.modified());
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(out.toString());
  }

  @ExceptionHandler(ReadinessError.class)
  ResponseEntity<String> refused(ReadinessError e, HttpServletRequest request) {
    Object action = request.getAttribute(ACTION);
    NodeAuthentication.current()
        .ifPresent(
            p ->
                audit.refused(
                    p,
                    action == null ? "readiness" : action.toString(),
                    e.status() + " " + e.getMessage()));
    ObjectNode out = SummaryJson.MAPPER.createObjectNode();
    out.put("description", e.getMessage());
    ArrayNode details = out.putArray("details");
    e.details().forEach(d -> details.addObject().put("where", d.where()).put("reason", d.reason()));
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(out.toString());
  }

  private static NodePrincipal principal(HttpServletRequest request, String action) {
    request.setAttribute(ACTION, action);
    return NodeAuthentication.current()
        .orElseThrow(() -> new IllegalStateException("the readiness API needs a principal"));
  }

  private static NodePrincipal reader(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!(p.isAdmin() || p.has(Role.READER) || p.has(Role.CONTRIBUTOR))) {
      throw new ReadinessError(
          403, "reading readiness needs the reader, contributor or admin role");
    }
    return p;
  }

  private static NodePrincipal enterer(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!(p.isAdmin() || p.has(Role.CONTRIBUTOR))) {
      throw new ReadinessError(403, "entering declarations needs the contributor or admin role");
    }
    return p;
  }

  private static LocalDate day(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(asOf.trim());
    } catch (DateTimeParseException e) {
      throw new ReadinessError(
          400,
          "as_of must be a date YYYY-MM-DD",
          List.of(new ReadinessError.Detail("parameter as_of", "not a date")));
    }
  }

  private String body(HttpServletRequest request) {
    if (request.getContentLengthLong() > maxUploadBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > maxUploadBytes) {
          throw tooLarge();
        }
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReadinessError(400, "cannot read the upload: " + e.getMessage());
    }
  }

  private ReadinessError tooLarge() {
    return new ReadinessError(
        413,
        "the upload is larger than "
            + maxUploadBytes
            + " bytes (bulwark.readiness.max-upload-bytes)".toLowerCase(Locale.ROOT));
  }

  private static ResponseEntity<String> json(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
