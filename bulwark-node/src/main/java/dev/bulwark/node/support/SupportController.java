package dev.bulwark.node.support;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.fairshare.Period;
import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.PledgeChange;
import dev.bulwark.support.iati.IatiExporter;
import dev.bulwark.support.report.CsvReport;
import dev.bulwark.support.report.HtmlReport;
import dev.bulwark.support.report.JsonReport;
import dev.bulwark.support.report.SupportReport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The support-planning API under {@code /api/support/} (described in {@code /api/openapi.json}):
 * fair shares, the contribution ledger (entered as JSON, imported as CSV or a Kiel tracker release,
 * corrected by negative entries), requirements and offers, the allocation, the forecast, reports
 * (HTML, CSV, JSON), the IATI export, and publishing. Every call needs a principal; who may do what
 * is {@link SupportAccess}. Every read and write, allowed or refused, goes to the audit log
 * (collection "support", or "support-reports" for publishing). Bad input is a 400 naming every
 * offending row or field, and nothing of it is stored. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class SupportController {
  static final String COLLECTION = "support";
  private static final String ACTION = "bulwark.support.action";
  private static final String PRINCIPAL = "bulwark.support.principal";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final ContributionStore ledger;
  private final PlanningStore planning;
  private final PublicationStore publications;
  private final SupportPlanner planner;
  private final ReportPublisher publisher;
  private final AuditLog audit;
  private final ContributionInput input;
  private final PlanningInput planningInput;
  private final IatiExporter.Publisher iatiPublisher;
  private final long maxUploadBytes;
  private final String publicBaseUrl;

  SupportController(
      ContributionStore ledger,
      PlanningStore planning,
      PublicationStore publications,
      SupportPlanner planner,
      ReportPublisher publisher,
      AuditLog audit,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.support.max-upload-bytes:67108864}") long maxUploadBytes,
      @Value("${bulwark.support.public-base-url:}") String publicBaseUrl) {
    this.ledger = ledger;
    this.planning = planning;
    this.publications = publications;
    this.planner = planner;
    this.publisher = publisher;
    this.audit = audit;
    this.input = new ContributionInput(planner.allies(), planner.contributionCsv());
    this.planningInput = new PlanningInput(planner.allies());
    String n = nation.toUpperCase(Locale.ROOT);
    this.iatiPublisher =
        new IatiExporter.Publisher(
            "XM-BULWARK-" + n, "Bulwark node " + n + " support ledger", "10");
    this.maxUploadBytes = maxUploadBytes;
    this.publicBaseUrl = publicBaseUrl;
  }

  // ---- who am I ----

  @GetMapping("/me")
  ResponseEntity<String> me(HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.me");
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("name", p.name());
    o.put("nation", p.nation());
    ArrayNode roles = o.putArray("roles");
    p.roles().stream().map(r -> r.label()).sorted().forEach(roles::add);
    o.put("may_enter", SupportAccess.mayEnter(p));
    o.put(
        "may_enter_for",
        SupportAccess.mayEnter(p) ? SupportAccess.onlyNation(p).orElse("any") : "none");
    o.put("may_publish", p.isAdmin());
    return json(o.toString());
  }

  @GetMapping("/allies")
  ResponseEntity<String> allies(HttpServletRequest request) {
    reader(request, "support.allies");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (Ally a : planner.allies().all()) {
      out.addObject()
          .put("iso3", a.iso3())
          .put("name", a.name())
          .put("accession", a.accession().toString())
          .put("member", a.memberOn(today));
    }
    return json(out.toString());
  }

  // ---- fair shares and reports ----

  @GetMapping("/fair-share")
  ResponseEntity<String> fairShare(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.fair-share");
    List<Contribution> all = ledger.ledger();
    ReportQuery q = ReportQuery.from(params, all, LocalDate.now(ZoneOffset.UTC));
    FairShareResult r = planner.fairShare(q, all);
    ok(
        p,
        "support.fair-share",
        COLLECTION,
        List.of(),
        q.focus().label() + " " + q.key() + " baseline " + q.baselineEur());
    return json(JsonReport.period(r, null).toString());
  }

  @GetMapping("/report")
  ResponseEntity<String> report(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.report");
    String format = params.getOrDefault("format", "html").toLowerCase(Locale.ROOT);
    if (!List.of("html", "csv", "json").contains(format)) {
      throw SupportError.badParameter("format", "'" + format + "' is not one of [html, csv, json]");
    }
    List<Contribution> all = ledger.ledger();
    ReportQuery q = ReportQuery.from(params, all, LocalDate.now(ZoneOffset.UTC));
    SupportReport report =
        planner.report(
            q,
            all,
            OffsetDateTime.now(ZoneOffset.UTC),
            Optional.of("NOT PUBLISHED: for this node's principals only"));
    StringWriter w = new StringWriter();
    try {
      switch (format) {
        case "csv" -> CsvReport.write(report, w);
        case "json" -> JsonReport.write(report, w);
        default -> HtmlReport.write(report, w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ok(
        p,
        "support.report",
        COLLECTION,
        List.of(),
        format + " " + q.focus().label() + q.ally().map(a -> " " + a).orElse(""));
    MediaType type =
        switch (format) {
          case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
          case "json" -> MediaType.APPLICATION_JSON;
          default -> new MediaType("text", "html", StandardCharsets.UTF_8);
        };
    return ResponseEntity.ok().contentType(type).body(w.toString());
  }

  @GetMapping("/iati")
  ResponseEntity<String> iati(
      @RequestParam(defaultValue = "") String donor, HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.iati");
    String d = donor.trim().toUpperCase(Locale.ROOT);
    if (!d.isEmpty() && !planner.allies().contains(d)) {
      throw SupportError.badParameter("donor", "unknown ally code '" + donor + "'");
    }
    List<Contribution> entries =
        ledger.ledger().stream().filter(c -> d.isEmpty() || c.donor().equals(d)).toList();
    if (entries.isEmpty()) {
      throw new SupportError(404, "no contributions to export" + (d.isEmpty() ? "" : " for " + d));
    }
    StringWriter w = new StringWriter();
    new IatiExporter(planner.allies(), iatiPublisher)
        .write(entries, OffsetDateTime.now(ZoneOffset.UTC), w);
    ok(
        p,
        "support.iati",
        COLLECTION,
        List.of(),
        entries.size() + " entries" + (d.isEmpty() ? "" : " of " + d));
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .body(w.toString());
  }

  // ---- the ledger ----

  @GetMapping("/contributions")
  ResponseEntity<String> contributions(
      @RequestParam(defaultValue = "") String donor,
      @RequestParam(defaultValue = "") String period,
      HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.contributions.list");
    String d = donor.trim().toUpperCase(Locale.ROOT);
    Optional<Period> in;
    try {
      in = period.isBlank() ? Optional.empty() : Optional.of(Period.parse(period));
    } catch (IllegalArgumentException e) {
      throw SupportError.badParameter("period", e.getMessage());
    }
    ArrayNode list = SupportJson.MAPPER.createArrayNode();
    for (StoredContribution s : ledger.list()) {
      Contribution c = s.contribution();
      if ((d.isEmpty() || c.donor().equals(d)) && in.map(x -> x.contains(c.date())).orElse(true)) {
        list.add(SupportJson.contribution(s));
      }
    }
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("count", list.size());
    o.set("contributions", list);
    ok(
        p,
        "support.contributions.list",
        COLLECTION,
        List.of(),
        list.size()
            + " entries"
            + (d.isEmpty() ? "" : " of " + d)
            + in.map(x -> " in " + x.label()).orElse(""));
    return json(o.toString());
  }

  @PostMapping(path = "/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> addContributions(HttpServletRequest request) {
    NodePrincipal p = enterer(request, "support.contributions.add");
    JsonNode body = parseJson(readBody(request));
    String batch = batch("api");
    List<Contribution> entries =
        input.fromJson(
            body,
            SupportAccess.onlyNation(p),
            ledger.ids(),
            () -> "c-" + HexFormat.of().formatHex(randomBytes(8)));
    return store(p, "support.contributions.add", entries, batch, Map.of());
  }

  @PostMapping(
      path = "/contributions/import",
      consumes = {"text/csv", "text/plain", "application/octet-stream"})
  ResponseEntity<String> importContributions(
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(defaultValue = "") String release,
      HttpServletRequest request) {
    NodePrincipal p = enterer(request, "support.contributions.import");
    String text = readBody(request);
    String batch = batch("import-" + format.toLowerCase(Locale.ROOT));
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> {
        List<Contribution> entries =
            input.fromCsv(text, batch, SupportAccess.onlyNation(p), ledger.ids());
        return store(
            p, "support.contributions.import", entries, batch, Map.of("rows_read", entries.size()));
      }
      case "kiel" -> {
        if (!release.matches("[A-Za-z0-9._-]{1,40}")) {
          throw SupportError.badParameter(
              "release",
              "the tracker release label is required (letters, digits, . _ -; e.g. r29)");
        }
        ContributionInput.KielImport k =
            input.fromKiel(text, batch, release, SupportAccess.onlyNation(p), ledger.ids());
        return store(
            p,
            "support.contributions.import",
            k.contributions(),
            batch,
            Map.of(
                "rows_read",
                k.rowsRead(),
                "rows_skipped",
                k.rowsSkipped(),
                "skipped_donors",
                k.skippedDonors()));
      }
      default ->
          throw SupportError.badParameter("format", "'" + format + "' is not one of [csv, kiel]");
    }
  }

  /**
   * A correction: a negative entry that cancels all or part of an entry. Body: {@code corrects}
   * (the entry's id), {@code reason}, optionally {@code amount} (positive, in the entry's currency;
   * default what remains of it) and {@code date} (default the entry's date, so that the same period
   * is corrected).
   */
  @PostMapping(path = "/contributions/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> correct(HttpServletRequest request) {
    NodePrincipal p = enterer(request, "support.contributions.correct");
    JsonNode body = parseJson(readBody(request));
    if (!body.isObject()) {
      throw SupportError.badParameter("body", "must be a JSON object");
    }
    for (String f : body.propertyNames()) {
      if (!Set.of("corrects", "amount", "date", "reason").contains(f)) {
        throw SupportError.badParameter(
            f, "unknown field (expected corrects, amount, date, reason)");
      }
    }
    String id = body.path("corrects").asString("").trim();
    if (id.isEmpty()) {
      throw SupportError.badParameter("corrects", "the id of the entry to correct is required");
    }
    String reason = body.path("reason").asString("").trim();
    if (reason.isEmpty() || reason.length() > 1000) {
      throw SupportError.badParameter("reason", "a reason of 1 to 1000 characters is required");
    }
    StoredContribution original =
        ledger
            .find(id)
            .orElseThrow(() -> new SupportError(404, "no entry '" + id + "' in the ledger"));
    Contribution o = original.contribution();
    if (!SupportAccess.mayEnterFor(p, o.donor())) {
      throw new SupportError(
          403,
          "entry "
              + id
              + " is "
              + o.donor()
              + "'s: a contributor of "
              + p.nation()
              + " may correct only "
              + p.nation()
              + "'s entries");
    }
    if (!original.corrects().isEmpty() || o.isCorrection()) {
      throw SupportError.badParameter(
          "corrects", id + " is itself a correction; correct the original entry");
    }
    List<StoredContribution> earlier = ledger.correctionsOf(id);
    BigDecimal remaining = o.amount();
    BigDecimal remainingEur = o.eur();
    for (StoredContribution c : earlier) {
      remaining = remaining.add(c.contribution().amount());
      remainingEur = remainingEur.add(c.contribution().eur());
    }
    if (remaining.signum() <= 0) {
      throw SupportError.badParameter("corrects", id + " is already corrected to zero");
    }
    BigDecimal amount = remaining;
    BigDecimal eur = remainingEur;
    if (!body.path("amount").isMissingNode() && !body.path("amount").isNull()) {
      BoundedNumbers.problem("amount", body.path("amount").asString(), BoundedNumbers.MONEY)
          .ifPresent(
              r -> {
                throw SupportError.badParameter("amount", r);
              });
      try {
        amount = new BigDecimal(body.path("amount").asString().trim());
      } catch (NumberFormatException e) {
        throw SupportError.badParameter(
            "amount", "not a number: '" + body.path("amount").asString() + "'");
      }
      if (amount.signum() <= 0 || amount.compareTo(remaining) > 0) {
        throw SupportError.badParameter(
            "amount",
            "must be positive and at most what remains of the entry, "
                + remaining.toPlainString()
                + " "
                + o.currency());
      }
      eur =
          amount.compareTo(remaining) == 0
              ? remainingEur
              : o.eur().multiply(amount).divide(o.amount(), 2, RoundingMode.HALF_EVEN);
      if (eur.signum() == 0) {
        throw SupportError.badParameter("amount", "too small to change the value in euros");
      }
    }
    LocalDate date = o.date();
    if (!body.path("date").isMissingNode() && !body.path("date").isNull()) {
      try {
        date = LocalDate.parse(body.path("date").asString().trim());
      } catch (DateTimeParseException e) {
        throw SupportError.badParameter(
            "date", "not YYYY-MM-DD: '" + body.path("date").asString() + "'");
      }
      if (date.isBefore(o.date()) || date.isAfter(ContributionCsv.DEFAULT_LATEST)) {
        throw SupportError.badParameter(
            "date",
            "must be from the entry's date " + o.date() + " to " + ContributionCsv.DEFAULT_LATEST);
      }
    }
    String newId = id + "~c" + (earlier.size() + 1);
    if (newId.length() > 200) {
      newId = "c-" + HexFormat.of().formatHex(randomBytes(8));
    }
    String description = ("Correction of " + id + ": " + reason);
    Contribution c =
        new Contribution(
            newId,
            o.donor(),
            date,
            o.status(),
            o.category(),
            o.channel(),
            o.coalition(),
            amount.negate(),
            o.currency(),
            eur.negate(),
            o.valuation(),
            o.fxBasis(),
            description.length() > 4000 ? description.substring(0, 4000) : description,
            "entered by " + p.name());
    String batch = batch("correction");
    try {
      ledger.addAll(List.of(new ContributionStore.NewEntry(c, id)), p.name(), p.nation(), batch);
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(
          409, "the entry was corrected at the same moment by someone else; try again");
    }
    ok(
        p,
        "support.contributions.correct",
        COLLECTION,
        List.of(newId, id),
        c.eur().toPlainString() + " EUR: " + reason);
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(SupportJson.contribution(ledger.find(newId).orElseThrow()).toString());
  }

  // ---- requirements and offers ----

  @GetMapping("/requirements")
  ResponseEntity<String> requirements(HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.requirements.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    planning.requirements().forEach(r -> out.add(SupportJson.requirement(r)));
    ok(p, "support.requirements.list", COLLECTION, List.of(), out.size() + " requirements");
    return json(out.toString());
  }

  @PostMapping(
      path = "/requirements",
      consumes = {"application/json", "text/csv"})
  ResponseEntity<String> addRequirements(HttpServletRequest request) {
    NodePrincipal p = principal(request, "support.requirements.add");
    if (!p.isAdmin()) {
      throw new SupportError(403, "Ukraine's requirements are entered by admins");
    }
    boolean csv = isCsv(request);
    String text = readBody(request);
    Set<String> held =
        planning.requirements().stream().map(Requirement::id).collect(Collectors.toSet());
    List<Requirement> items =
        planningInput.requirements(
            csv ? Optional.empty() : Optional.of(parseJson(text)),
            csv ? Optional.of(text) : Optional.empty(),
            held);
    try {
      planning.addRequirements(items, p.name());
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    ok(
        p,
        "support.requirements.add",
        COLLECTION,
        items.stream().map(Requirement::id).limit(1000).toList(),
        items.size() + " requirements");
    return created(Map.of("stored", items.size()));
  }

  @DeleteMapping("/requirements/{id}")
  ResponseEntity<String> deleteRequirement(@PathVariable String id, HttpServletRequest request) {
    NodePrincipal p = principal(request, "support.requirements.delete");
    if (!p.isAdmin()) {
      throw new SupportError(403, "Ukraine's requirements are changed by admins");
    }
    if (!planning.deleteRequirement(id)) {
      throw new SupportError(404, "no requirement '" + id + "'");
    }
    ok(p, "support.requirements.delete", COLLECTION, List.of(id), "");
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/offers")
  ResponseEntity<String> offers(HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.offers.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    planning
        .offers()
        .forEach(o -> out.add(SupportJson.offer(o.offer()).put("entered_by", o.enteredBy())));
    ok(p, "support.offers.list", COLLECTION, List.of(), out.size() + " offers");
    return json(out.toString());
  }

  @PostMapping(
      path = "/offers",
      consumes = {"application/json", "text/csv"})
  ResponseEntity<String> addOffers(HttpServletRequest request) {
    NodePrincipal p = enterer(request, "support.offers.add");
    boolean csv = isCsv(request);
    String text = readBody(request);
    Set<String> held =
        planning.offers().stream().map(o -> o.offer().id()).collect(Collectors.toSet());
    List<Offer> items =
        planningInput.offers(
            csv ? Optional.empty() : Optional.of(parseJson(text)),
            csv ? Optional.of(text) : Optional.empty(),
            held,
            SupportAccess.onlyNation(p));
    try {
      planning.addOffers(items, p.name());
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    ok(
        p,
        "support.offers.add",
        COLLECTION,
        items.stream().map(Offer::id).limit(1000).toList(),
        items.size() + " offers");
    return created(Map.of("stored", items.size()));
  }

  @DeleteMapping("/offers/{id}")
  ResponseEntity<String> deleteOffer(@PathVariable String id, HttpServletRequest request) {
    NodePrincipal p = enterer(request, "support.offers.delete");
    Offer o =
        planning.offers().stream()
            .map(PlanningStore.StoredOffer::offer)
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new SupportError(404, "no offer '" + id + "'"));
    if (!SupportAccess.mayEnterFor(p, o.ally())) {
      throw new SupportError(
          403,
          "offer "
              + id
              + " is "
              + o.ally()
              + "'s: a contributor of "
              + p.nation()
              + " may withdraw only "
              + p.nation()
              + "'s offers");
    }
    planning.deleteOffer(id);
    ok(p, "support.offers.delete", COLLECTION, List.of(id), "");
    return ResponseEntity.noContent().build();
  }

  // ---- allocation and forecast ----

  /**
   * Runs the allocation of the stored offers to the stored requirements (a computation; nothing is
   * stored).
   */
  @PostMapping("/allocation")
  ResponseEntity<String> allocate(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.allocation");
    List<Requirement> reqs = planning.requirements();
    List<Offer> offs = planning.offers().stream().map(PlanningStore.StoredOffer::offer).toList();
    List<Contribution> all = ledger.ledger();
    int year =
        ReportQuery.has(params, "year")
            ? ReportQuery.integer(params, "year", 2014, 2100)
            : LocalDate.now(ZoneOffset.UTC).getYear();
    Map<String, String> keyParams = new HashMap<>(params);
    keyParams.put("year", Integer.toString(year));
    ReportQuery q = ReportQuery.from(keyParams, all, LocalDate.now(ZoneOffset.UTC));
    boolean withLedger = Boolean.parseBoolean(params.getOrDefault("with_ledger", "true"));
    AllocationResult r =
        planner.allocate(year, q.key(), q.keyYear(), q.counted(), withLedger, all, reqs, offs);
    ok(
        p,
        "support.allocation",
        COLLECTION,
        List.of(),
        reqs.size()
            + " requirements x "
            + offs.size()
            + " offers, year "
            + year
            + ", shortfall "
            + SupportJson.round(r.shortfallEur())
            + " EUR");
    return json(SupportJson.allocation(r, year).toString());
  }

  @GetMapping("/forecast")
  ResponseEntity<String> forecast(
      @RequestParam Map<String, String> params,
      @RequestParam(name = "change", required = false) List<String> changes,
      HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.forecast");
    List<Contribution> all = ledger.ledger();
    LocalDate from;
    try {
      from =
          ReportQuery.has(params, "from")
              ? LocalDate.parse(params.get("from").trim())
              : LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    } catch (DateTimeParseException e) {
      throw SupportError.badParameter("from", "not YYYY-MM-DD: '" + params.get("from") + "'");
    }
    int quarters =
        ReportQuery.has(params, "quarters") ? ReportQuery.integer(params, "quarters", 1, 200) : 12;
    ReportQuery q =
        ReportQuery.from(
            Map.of(
                "year", Integer.toString(from.getYear()),
                "baseline", params.getOrDefault("baseline", ""),
                "count", params.getOrDefault("count", "")),
            all,
            LocalDate.now(ZoneOffset.UTC));
    List<PledgeChange> what = new ArrayList<>();
    for (String c : changes == null ? List.<String>of() : changes) {
      try {
        what.add(PledgeChange.parse(c));
      } catch (IllegalArgumentException e) {
        throw SupportError.badParameter("change", e.getMessage());
      }
    }
    Forecast f =
        planner.forecast(
            from, quarters, q.baselineEur(), q.counted(), planning.requirements(), all, what);
    ok(
        p,
        "support.forecast",
        COLLECTION,
        List.of(),
        quarters + " quarters from " + from + (what.isEmpty() ? "" : " with " + changes));
    return json(SupportJson.forecast(f).toString());
  }

  // ---- publishing ----

  @GetMapping("/publications")
  ResponseEntity<String> listPublications(HttpServletRequest request) {
    NodePrincipal p = reader(request, "support.publications.list");
    ArrayNode out = SupportJson.MAPPER.createArrayNode();
    String base = PublicUrls.base(publicBaseUrl, request);
    publications.list().forEach(x -> out.add(ReportPublisher.json(x, base)));
    ok(
        p,
        "support.publications.list",
        ReportPublisher.COLLECTION,
        List.of(),
        out.size() + " publications");
    return json(out.toString());
  }

  /**
   * Publishes the alliance report of a period (body: the report parameters, e.g. {@code {"year":
   * 2025}}): it becomes public, TLP:CLEAR, at {@code /public/support/reports/{id}} and a STIX
   * report in the collection {@code support-reports}.
   */
  @PostMapping(path = "/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> publish(HttpServletRequest request) {
    NodePrincipal p = principal(request, "support.publish");
    if (!p.isAdmin()) {
      throw new SupportError(403, "only an admin publishes reports");
    }
    JsonNode body = parseJson(readBody(request));
    if (!body.isObject()) {
      throw SupportError.badParameter("body", "must be a JSON object");
    }
    Map<String, String> params = new HashMap<>();
    for (Map.Entry<String, JsonNode> f : body.properties()) {
      if (!Set.of("year", "period", "since", "baseline", "key", "key_year", "count")
          .contains(f.getKey())) {
        throw SupportError.badParameter(
            f.getKey(),
            "unknown field (expected year, period, since, baseline, key, key_year, count)");
      }
      params.put(
          f.getKey(),
          f.getValue().isNumber()
              ? f.getValue().decimalValue().toPlainString()
              : f.getValue().asString(""));
    }
    List<Contribution> all = ledger.ledger();
    ReportQuery q = ReportQuery.from(params, all, LocalDate.now(ZoneOffset.UTC));
    String base = PublicUrls.base(publicBaseUrl, request);
    ReportPublisher.Published done = publisher.publish(q, all, p.name(), base);
    ok(
        p,
        "support.publish",
        ReportPublisher.COLLECTION,
        done.stixIds(),
        q.focus().label() + " as publication " + done.publication().id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ReportPublisher.json(done.publication(), base).toString());
  }

  // ---- helpers ----

  private ResponseEntity<String> store(
      NodePrincipal p,
      String action,
      List<Contribution> entries,
      String batch,
      Map<String, Object> extra) {
    try {
      ledger.addAll(
          entries.stream().map(c -> new ContributionStore.NewEntry(c, "")).toList(),
          p.name(),
          p.nation(),
          batch);
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    BigDecimal eur =
        entries.stream().map(Contribution::eur).reduce(BigDecimal.ZERO, BigDecimal::add);
    ok(
        p,
        action,
        COLLECTION,
        entries.stream().map(Contribution::id).limit(1000).toList(),
        entries.size() + " entries, EUR " + eur.toPlainString() + ", batch " + batch);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", entries.size());
    out.put("eur", eur.toPlainString());
    out.put("batch", batch);
    out.putAll(extra);
    out.put("ids", entries.stream().map(Contribution::id).limit(1000).toList());
    return created(out);
  }

  private ResponseEntity<String> created(Map<String, Object> body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(SupportJson.MAPPER.writeValueAsString(body));
  }

  private NodePrincipal principal(HttpServletRequest request, String action) {
    NodePrincipal p =
        NodeAuthentication.current()
            .orElseThrow(
                () ->
                    new IllegalStateException("the support API needs an authenticated principal"));
    request.setAttribute(ACTION, action);
    request.setAttribute(PRINCIPAL, p);
    return p;
  }

  private NodePrincipal reader(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!SupportAccess.mayRead(p)) {
      throw new SupportError(
          403, "reading the support figures needs the reader, contributor or admin role");
    }
    return p;
  }

  private NodePrincipal enterer(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!SupportAccess.mayEnter(p)) {
      throw new SupportError(403, "entering support data needs the contributor or admin role");
    }
    return p;
  }

  private void ok(
      NodePrincipal p, String action, String collection, List<String> refs, String detail) {
    audit.append(
        new AuditEntry(p.name(), p.nation(), action, collection, Decision.ALLOW, refs, detail));
  }

  @ExceptionHandler(SupportError.class)
  ResponseEntity<String> refused(SupportError e, HttpServletRequest request) {
    if (request.getAttribute(PRINCIPAL) instanceof NodePrincipal p) {
      String action = String.valueOf(request.getAttribute(ACTION));
      String collection =
          action.startsWith("support.publ") ? ReportPublisher.COLLECTION : COLLECTION;
      audit.append(
          new AuditEntry(
              p.name(),
              p.nation(),
              action,
              collection,
              Decision.DENY,
              List.of(),
              e.status() + " " + e.getMessage()));
    }
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("title", HttpStatus.valueOf(e.status()).getReasonPhrase());
    o.put("description", e.getMessage());
    o.put("http_status", e.status());
    ArrayNode details = o.putArray("details");
    e.details().forEach(d -> details.addObject().put("where", d.where()).put("reason", d.reason()));
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(o.toString());
  }

  private static ResponseEntity<String> json(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static boolean isCsv(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
  }

  private static JsonNode parseJson(String text) {
    try {
      return SupportJson.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw SupportError.badParameter("body", "not JSON: " + e.getOriginalMessage());
    }
  }

  /** The request body as UTF-8, refused whole (413) beyond the configured size. */
  private String readBody(HttpServletRequest request) {
    if (request.getContentLengthLong() > maxUploadBytes) {
      throw new SupportError(
          413,
          "the upload is larger than "
              + maxUploadBytes
              + " bytes (bulwark.support.max-upload-bytes)");
    }
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > maxUploadBytes) {
          throw new SupportError(
              413,
              "the upload is larger than "
                  + maxUploadBytes
                  + " bytes (bulwark.support.max-upload-bytes)");
        }
        out.write(buf, 0, n);
      }
      if (total == 0) {
        throw SupportError.badParameter("body", "empty");
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SupportError(400, "cannot read the upload: " + e.getMessage());
    }
  }

  private static String batch(String kind) {
    return kind
        + "-"
        + OffsetDateTime.now(ZoneOffset.UTC).format(STAMP)
        + "-"
        + HexFormat.of().formatHex(randomBytes(3));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
