package dev.bulwark.node.support;

import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import dev.bulwark.support.report.HtmlReport;
import dev.bulwark.support.report.JsonReport;
import dev.bulwark.support.report.SupportNodeIdentity;
import dev.bulwark.support.report.SupportReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the alliance report of a period, marked TLP:CLEAR: keeps the HTML (served as it is on
 * the public URL) and the JSON figures, and stores a STIX 2.1 {@code report} with a {@code note}
 * carrying the figures (a table in words and the JSON) and the node's {@code identity}, all
 * TLP:CLEAR, in the collection {@value #COLLECTION}, from where TAXII and federation carry it to
 * allies. The STIX objects are checked by the node's validator before they are stored; should
 * storing fail, the publication is withdrawn, so a public report always has its STIX report.
 * Thread-safe.
 */
public final class ReportPublisher {
  public static final String COLLECTION = "support-reports";
  static final String MARKING = "TLP:CLEAR";

  /** Where published reports are served without authentication. */
  public static final String PUBLIC_PATH = "/public/support/reports/";

  private final PublicationStore publications;
  private final ObjectStore store;
  private final SupportPlanner planner;
  private final StixValidator validator;
  private final String nation;

  public ReportPublisher(
      PublicationStore publications,
      ObjectStore store,
      SupportPlanner planner,
      StixValidator validator,
      String nation) {
    this.publications = publications;
    this.store = store;
    this.planner = planner;
    this.validator = validator;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  /** A publication and the ids of the STIX objects stored for it. */
  public record Published(PublicationStore.Publication publication, List<String> stixIds) {}

  /**
   * A report on the demo's synthetic ledger says so in its title, wherever the title goes (the
   * public page, the STIX report, the publications list).
   */
  private static SupportReport synthetic(SupportReport r) {
    boolean synthetic = r.entries().stream().anyMatch(c -> SupportDemo.SOURCE.equals(c.source()));
    return !synthetic
        ? r
        : new SupportReport(
            "SYNTHETIC demo figures, not real data: " + r.title(),
            r.ally(),
            r.focus(),
            r.history(),
            r.entries(),
            r.generated(),
            r.marking());
  }

  /**
   * Publishes the alliance report the query describes (its ally, if any, is ignored).
   *
   * @param baseUrl the node's address as the caller sees it, for the report's external reference
   */
  public Published publish(
      ReportQuery query, Collection<Contribution> ledger, String publishedBy, String baseUrl) {
    ReportQuery alliance =
        new ReportQuery(
            query.focus(),
            query.history(),
            query.baselineEur(),
            query.key(),
            query.keyYear(),
            query.counted(),
            Optional.empty());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    SupportReport report = synthetic(planner.report(alliance, ledger, now, Optional.of(MARKING)));
    StringWriter html = new StringWriter();
    StringWriter json = new StringWriter();
    try {
      HtmlReport.write(report, html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonReport.write(report, json);
    String reportId = StixIds.random("report");
    long micros = now.toInstant().getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
    long id =
        publications.add(
            report.focus().period().label(),
            report.title(),
            publishedBy,
            micros,
            reportId,
            html.toString(),
            json.toString());
    try {
      List<StixObject> objects = stix(report, reportId, now, baseUrl + PUBLIC_PATH + id);
      List<NewObject> rows = new ArrayList<>();
      for (StixObject o : objects) {
        ValidationResult v = validator.validate(o);
        if (!v.valid()) {
          Finding f = v.errors().get(0);
          throw new IllegalStateException(
              "the STIX "
                  + o.type()
                  + " of the report is not valid: "
                  + f.path()
                  + ": "
                  + f.message());
        }
        rows.add(NewObject.from(o));
      }
      store.ensureCollection(
          new CollectionInfo(
              COLLECTION,
              "Support to Ukraine: published reports",
              "Fair shares, contributions and shortfalls published by this node, TLP:CLEAR",
              Set.of()));
      store.addAll(COLLECTION, rows, new Provenance(nation, publishedBy));
      return new Published(
          new PublicationStore.Publication(
              id, report.focus().period().label(), report.title(), publishedBy, micros, reportId),
          objects.stream().map(StixObject::id).toList());
    } catch (RuntimeException e) {
      publications.remove(id);
      throw e;
    }
  }

  /** The node's identity as author of its reports (the same object every time). */
  StixObject identity() {
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("type", "identity");
    o.put("spec_version", "2.1");
    o.put("id", identityId());
    o.put("created", "2026-01-01T00:00:00.000Z");
    o.put("modified", "2026-01-01T00:00:00.000Z");
    o.put("name", "Bulwark node " + nation + " (support planning)");
    o.put("identity_class", "organization");
    o.putArray("sectors").add("government-national");
    o.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    return StixObject.of(o);
  }

  String identityId() {
    return SupportNodeIdentity.of(nation);
  }

  List<StixObject> stix(
      SupportReport report, String reportId, OffsetDateTime now, String publicUrl) {
    String t = StixTimestamps.formatMillis(now.toInstant());
    String clear = Tlp.CLEAR.markingDefinitionId();
    FairShareResult f = report.focus();
    String noteId = StixIds.random("note");

    ObjectNode note = SupportJson.MAPPER.createObjectNode();
    note.put("type", "note");
    note.put("spec_version", "2.1");
    note.put("id", noteId);
    note.put("created", t);
    note.put("modified", t);
    note.put("created_by_ref", identityId());
    note.put("abstract", "Figures: " + report.title());
    note.put(
        "content",
        figures(report)
            + "\nFigures as JSON (bulwark-support report format):\n"
            + JsonReport.period(f, null).toString());
    note.putArray("authors").add("Bulwark node " + nation);
    note.putArray("object_refs").add(reportId);
    note.putArray("object_marking_refs").add(clear);

    ObjectNode r = SupportJson.MAPPER.createObjectNode();
    r.put("type", "report");
    r.put("spec_version", "2.1");
    r.put("id", reportId);
    r.put("created", t);
    r.put("modified", t);
    r.put("created_by_ref", identityId());
    r.put("name", report.title());
    r.put("description", summary(f));
    r.putArray("report_types").add("threat-report");
    r.put("published", t);
    ArrayNode refs = r.putArray("object_refs");
    refs.add(noteId);
    refs.add(identityId());
    ArrayNode labels = r.putArray("labels");
    labels.add("support-to-ukraine");
    labels.add("burden-sharing");
    ObjectNode ext = r.putArray("external_references").addObject();
    ext.put("source_name", "bulwark-support");
    ext.put("description", "The published report (HTML with charts, TLP:CLEAR)");
    ext.put("url", publicUrl);
    r.putArray("object_marking_refs").add(clear);
    return List.of(identity(), StixObject.of(note), StixObject.of(r));
  }

  private static String summary(FairShareResult f) {
    return String.format(
        Locale.ROOT,
        "Baseline for %s: EUR %s, shared in proportion to %s %d. Counted (status %s or beyond): EUR %s. "
            + "Shortfall against the baseline: EUR %s. Gaps of the allies below their fair share: EUR %s.",
        f.period().label(),
        f.baselineEur().toPlainString(),
        f.key(),
        f.keyYear(),
        f.counted().name().toLowerCase(Locale.ROOT),
        f.totalEligibleEur().toPlainString(),
        f.shortfallEur().toPlainString(),
        f.sumOfGapsEur().toPlainString());
  }

  private static String figures(SupportReport report) {
    StringBuilder b =
        new StringBuilder(summary(report.focus()))
            .append("\n\nAlly | share | fair share EUR | counted EUR | gap EUR\n");
    for (AllyShare a : report.focus().allies()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s %s | %.4f %% | %s | %s | %s%n",
              a.ally().iso3(),
              a.ally().name(),
              a.share().doubleValue() * 100,
              a.fairShareEur().toPlainString(),
              a.eligibleEur().toPlainString(),
              a.gapEur().toPlainString()));
    }
    return b.toString();
  }

  /** A publication as the API and the public index show it. */
  static ObjectNode json(PublicationStore.Publication p, String baseUrl) {
    ObjectNode o = SupportJson.MAPPER.createObjectNode();
    o.put("id", p.id());
    o.put("period", p.period());
    o.put("title", p.title());
    o.put("published", Instant.ofEpochSecond(0, p.publishedMicros() * 1000).toString());
    o.put("published_by", p.publishedBy());
    o.put("marking", MARKING);
    o.put("url", baseUrl + PUBLIC_PATH + p.id());
    o.put("stix_report_id", p.stixReportId());
    o.put("collection", COLLECTION);
    return o;
  }
}
