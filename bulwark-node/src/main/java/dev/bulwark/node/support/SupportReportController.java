package dev.bulwark.node.support;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.iati.IatiExporter;
import dev.bulwark.support.report.CsvReport;
import dev.bulwark.support.report.HtmlReport;
import dev.bulwark.support.report.JsonReport;
import dev.bulwark.support.report.SupportReport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures for this node's principals: {@code /api/support/fair-share} (one period's table),
 * {@code /api/support/report} (HTML, CSV or JSON, marked as not published) and {@code
 * /api/support/iati} (the IATI activity file of the ledger). Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class SupportReportController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final ContributionStore ledger;
  private final SupportPlanner planner;
  private final IatiExporter.Publisher iatiPublisher;

  SupportReportController(
      SupportRequests requests,
      SupportAudit audit,
      ContributionStore ledger,
      SupportPlanner planner,
      @Value("${bulwark.nation:EST}") String nation) {
    this.requests = requests;
    this.audit = audit;
    this.ledger = ledger;
    this.planner = planner;
    String n = nation.toUpperCase(Locale.ROOT);
    this.iatiPublisher =
        new IatiExporter.Publisher(
            "XM-BULWARK-" + n, "Bulwark node " + n + " support ledger", "10");
  }

  @GetMapping("/fair-share")
  ResponseEntity<String> fairShare(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    requests.reader(request, "support.fair-share");
    List<Contribution> all = ledger.ledger();
    ReportQuery q = ReportQuery.from(params, all, LocalDate.now(ZoneOffset.UTC));
    FairShareResult r = planner.fairShare(q, all);
    audit.allowed(request, q.focus().label() + " " + q.key() + " baseline " + q.baselineEur());
    return SupportResponses.json(JsonReport.period(r, null).toString());
  }

  @GetMapping("/report")
  ResponseEntity<String> report(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    requests.reader(request, "support.report");
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
    audit.allowed(
        request, format + " " + q.focus().label() + q.ally().map(a -> " " + a).orElse(""));
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
    requests.reader(request, "support.iati");
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
    audit.allowed(request, entries.size() + " entries" + (d.isEmpty() ? "" : " of " + d));
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .body(w.toString());
  }
}
