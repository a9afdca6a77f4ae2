package dev.bulwark.node.incidents;

import dev.bulwark.incidents.exposure.ExposureFilter;
import dev.bulwark.incidents.exposure.ExposureHtml;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes an exposure report of some incidents: the public page (HTML) and its STIX {@code
 * report}, TLP:CLEAR, naming only the TLP:CLEAR objects the public may read; the report is stored
 * in the register's collection (so allies receive it), the page and the STIX bundle in {@link
 * ExposureStore} for {@code /public/exposure/{id}}. Everything in them comes from {@link
 * Exposure#publicContent}, the anonymous public's reads. Thread-safe.
 */
public final class ExposurePublisher {
  /** Where published exposure reports are served without authentication. */
  public static final String PUBLIC_PATH = "/public/exposure/";

  private final Exposure exposure;
  private final RegisterReads reads;
  private final Register register;
  private final ExposureStore store;

  ExposurePublisher(Exposure exposure, Register register, ExposureStore store) {
    this.exposure = exposure;
    this.register = register;
    this.reads = register.reads();
    this.store = store;
  }

  Exposure exposure() {
    return exposure;
  }

  ExposureStore store() {
    return store;
  }

  /**
   * The analyst's preview (what is published, what is withheld and why) with {@code page}: the
   * public page as it would read, drawn by the same renderer as the published one.
   */
  ObjectNode preview(NodePrincipal p, JsonNode form) {
    ObjectNode out = exposure.preview(p, ids(form));
    String title = form.path("title").asString("").strip();
    out.put(
        "page",
        ExposureHtml.page(
            title.isEmpty() ? "Exposure report" : title,
            form.path("summary").asString(""),
            "(preview, not yet published)",
            out.path("published")));
    return out;
  }

  /** Publishes; the answer names the public URL. */
  Outcome publish(NodePrincipal p, JsonNode form, String baseUrl) {
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "exposure.publish", List.of(), "role");
      return Outcome.forbidden("publishing needs the contributor or admin role");
    }
    String title = form.path("title").asString("").strip();
    if (title.isEmpty() || title.length() > 300) {
      return Outcome.invalid("$.title", "needs 1 to 300 characters");
    }
    String summary = form.path("summary").asString("");
    if (summary.length() > Register.MAX_TEXT) {
      return Outcome.invalid("$.summary", "at most " + Register.MAX_TEXT + " characters");
    }
    List<String> ids = ids(form);
    ArrayNode content = exposure.publicContent(ids);
    if (content.isEmpty()) {
      return Outcome.invalid("$.incident_ids", "nothing in this selection is public (TLP:CLEAR)");
    }
    long now = register.now();
    String stamp = RegisterStix.stamp(now);
    String id = UUID.randomUUID().toString();
    String reportId = StixIds.random("report");
    ObjectNode report =
        RegisterStix.base("report", reportId, stamp, List.of(Tlp.CLEAR.markingDefinitionId()));
    report.put("name", title);
    if (!summary.isEmpty()) {
      report.put("description", summary);
    }
    report.putArray("report_types").add("threat-report");
    report.put("published", stamp);
    report.put("created_by_ref", RegisterStix.authorIdentity(p.nation()));
    Set<String> refs = new LinkedHashSet<>();
    content.forEach(i -> i.path("stix_ids").forEach(x -> refs.add(x.asString())));
    // the library's rule on top of the public gate: exactly TLP:CLEAR, granular parts and
    // references to anything withheld removed; the report names only what it keeps
    List<StixObject> objects =
        ExposureFilter.publicView(publicObjects(refs), o -> false).published();
    ArrayNode objectRefs = report.putArray("object_refs");
    objects.forEach(o -> objectRefs.add(o.id()));
    report
        .putArray("external_references")
        .addObject()
        .put("source_name", "bulwark-exposure")
        .put("description", "The published exposure report (HTML, TLP:CLEAR)")
        .put("url", baseUrl + PUBLIC_PATH + id);
    String html = ExposureHtml.page(title, summary, stamp, content);
    String bundle = bundle(report, objects);
    store.add(new ExposureStore.Published(id, title, p.name(), now * 1000, reportId), html, bundle);
    Optional<String> problem;
    try {
      problem = register.writes().store(p, "exposure.publish", id, List.of(report), List.of());
    } catch (RuntimeException e) {
      store.remove(id);
      throw e;
    }
    if (problem.isPresent()) {
      store.remove(id);
      return Outcome.invalid("$", problem.get());
    }
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.put("id", id);
    out.put("title", title);
    out.put("url", baseUrl + PUBLIC_PATH + id);
    out.put("stix_report_id", reportId);
    out.put("incidents", content.size());
    return Outcome.created(out);
  }

  /** The objects the anonymous public may read among {@code refs}, marked TLP:CLEAR only. */
  private List<StixObject> publicObjects(Set<String> refs) {
    Viewer pub = reads.publicViewer(RegisterReads.COLLECTION);
    List<StixObject> out = new ArrayList<>();
    for (String ref : refs) {
      reads
          .get(pub, RegisterReads.COLLECTION, ref)
          .filter(exposure::clearOnly)
          .map(s -> StixObject.of(s.json()))
          .ifPresent(out::add);
    }
    return out;
  }

  /** The STIX bundle of the report: the report and the public objects it names. */
  private static String bundle(ObjectNode report, List<StixObject> objects) {
    ObjectNode b = RegisterStix.JSON.createObjectNode();
    b.put("type", "bundle");
    b.put("id", StixIds.random("bundle"));
    ArrayNode list = b.putArray("objects");
    list.add(report);
    objects.forEach(o -> list.add(o.json()));
    return b.toString();
  }

  static List<String> ids(JsonNode form) {
    List<String> ids = new ArrayList<>();
    for (JsonNode n : form.path("incident_ids")) {
      String id = n.asString("");
      if (StixIds.isIdentifier(id) && ids.size() < 1000) {
        ids.add(id);
      }
    }
    return ids;
  }
}
