package dev.bulwark.incidents.exposure;

import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The public exposure page and its STIX {@code report}, made only from {@link
 * Exposure#published()}: nothing of {@link Exposure#withheld()} is rendered, not even how much was
 * withheld. Every text is HTML-escaped. Stateless and thread-safe.
 */
public final class ExposureHtml {

  private ExposureHtml() {}

  /** A self-contained HTML page. */
  public static String render(String title, Exposure e) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;")
        .append("padding:0 1rem}section{border-top:1px solid #ccc;padding:.5rem 0}")
        .append(".meta{color:#555}</style></head><body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<p class=\"meta\">Public exposure report (TLP:CLEAR).</p>\n");
    List<StixObject> ordered =
        e.published().stream()
            .filter(o -> !o.type().equals("extension-definition"))
            .sorted(
                Comparator.comparing(StixObject::type)
                    .thenComparing(o -> o.string("name").orElse("")))
            .toList();
    for (StixObject o : ordered) {
      section(h, o);
    }
    return h.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder h, StixObject o) {
    JsonNode j = o.json();
    h.append("<section><h2>")
        .append(esc(o.string("name").orElse(o.type())))
        .append("</h2>\n<p class=\"meta\">")
        .append(esc(o.type()));
    JsonNode b = j.path("extensions").path(BulwarkExtensions.INCIDENT);
    if (b.isObject()) {
      h.append(" · ").append(esc(b.path("kind").asString("")));
      h.append(" · first seen ").append(esc(b.path("first_seen").asString("")));
      h.append(" · ").append(esc(b.path("status").asString("")));
    }
    if (o.type().equals("relationship")) {
      h.append(" · ").append(esc(o.string("relationship_type").orElse("")));
      if (j.has("confidence")) {
        h.append(" · confidence ").append(j.path("confidence").asInt());
      }
      JsonNode a = j.path("extensions").path(BulwarkExtensions.ATTRIBUTION);
      if (a.isObject()) {
        h.append(" · ").append(esc(a.path("estimative_term").asString("")));
        h.append(" · ").append(esc(a.path("state_responsibility").asString("")));
        h.append(" · assessed by ").append(esc(a.path("assessing_nation").asString("")));
      }
    }
    h.append("</p>\n");
    o.string("description").ifPresent(d -> h.append("<p>").append(esc(d)).append("</p>\n"));
    h.append("</section>\n");
  }

  /**
   * The exposure as a STIX {@code report} (TLP:CLEAR) referring to every published object.
   *
   * @param title the report's name
   * @param e the exposure
   * @param now when published
   * @return the report
   */
  public static StixObject report(String title, Exposure e, Instant now) {
    String ts = StixTimestamps.formatMillis(now);
    StixBuilder b =
        StixBuilder.of("report", StixIds.random("report"))
            .put("name", title)
            .strings("report_types", List.of("threat-report"))
            .put("published", ts)
            .strings("object_refs", e.published().stream().map(StixObject::id).toList())
            .markings(List.of(Tlp.CLEAR.markingDefinitionId()));
    return StixVersions.stamped(b.json(), ts, ts);
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
