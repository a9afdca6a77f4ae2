package dev.bulwark.incidents.exposure;

import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The public exposure page and its STIX {@code report}. {@link #page} is the one renderer: the
 * node's public page and its preview both draw the public incident views through it, so what the
 * analyst previews is what is published. The report refers to {@link Exposure#published()} only
 * (nothing of {@link Exposure#withheld()}, not even how much was withheld). Every text is
 * HTML-escaped. Stateless and thread-safe.
 */
public final class ExposureHtml {

  private ExposureHtml() {}

  /**
   * The page of a register's exposure: one section per incident view (the node's public views:
   * {@code name}, {@code kind}, {@code first_seen}, {@code last_seen}, {@code status}, {@code
   * location}, {@code origin}, {@code kind_fields}, {@code description}, {@code attributions} and
   * {@code responses}), every text escaped, no script and nothing fetched. The caller passes only
   * what the public may read.
   *
   * @param title the report's title
   * @param summary a summary (may be empty)
   * @param published when it was published (a STIX timestamp)
   * @param incidents the public incident views
   * @return the HTML page
   */
  public static String page(String title, String summary, String published, JsonNode incidents) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;")
        .append("margin:2rem auto;padding:0 1rem;color:#111}h1{font-size:1.6rem}")
        .append("h2{font-size:1.2rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}")
        .append("dt{font-weight:600}dd{margin:0 0 .5rem 0}.tlp{font-weight:700}</style></head>")
        .append("<body><p class=\"tlp\">TLP:CLEAR</p><h1>")
        .append(esc(title))
        .append("</h1><p>Published ")
        .append(esc(published))
        .append("</p>");
    if (!summary.isEmpty()) {
      b.append("<p>").append(esc(summary)).append("</p>");
    }
    for (JsonNode i : incidents) {
      incident(b, i);
    }
    b.append("<footer><p>Published with Bulwark. Everything on this page is TLP:CLEAR.</p>")
        .append("</footer></body></html>\n");
    return b.toString();
  }

  private static void incident(StringBuilder b, JsonNode i) {
    b.append("<section><h2>").append(esc(i.path("name").asString("Incident"))).append("</h2><dl>");
    item(b, "Kind", i.path("kind").asString(""));
    item(b, "First seen", i.path("first_seen").asString(""));
    item(b, "Last seen", i.path("last_seen").asString(""));
    item(b, "Status", i.path("status").asString(""));
    if (i.has("location")) {
      item(
          b,
          "Location",
          i.path("location").path("lat").asDouble()
              + ", "
              + i.path("location").path("lon").asDouble());
    }
    item(b, "Reported by", i.path("origin").asString(""));
    for (String f : i.path("kind_fields").propertyNames()) {
      JsonNode v = i.path("kind_fields").path(f);
      item(b, f.replace('_', ' '), v.isValueNode() ? v.asString("") : v.toString());
    }
    b.append("</dl>");
    if (i.has("description")) {
      b.append("<p>").append(esc(i.path("description").asString())).append("</p>");
    }
    if (!i.path("attributions").isEmpty()) {
      b.append("<h3>Attribution</h3><ul>");
      for (JsonNode a : i.path("attributions")) {
        b.append("<li>")
            .append(esc(a.path("nation").asString("")))
            .append(" attributes this act to ")
            .append(esc(a.path("attributed_to_name").asString("")))
            .append(": ")
            .append(esc(a.path("estimative_term").asString("").replace('-', ' ')))
            .append(" (confidence ")
            .append(a.path("confidence").asInt())
            .append(")</li>");
      }
      b.append("</ul>");
    }
    if (!i.path("responses").isEmpty()) {
      b.append("<h3>Response</h3><ul>");
      for (JsonNode r : i.path("responses")) {
        b.append("<li>")
            .append(esc(r.path("option").asString("").replace('-', ' ')))
            .append(", ")
            .append(esc(r.path("status").asString("")))
            .append(" ")
            .append(esc(r.path("decided_at").asString("")));
        if (!r.path("coordinated_with").isEmpty()) {
          b.append(", coordinated with ");
          StringBuilder n = new StringBuilder();
          r.path("coordinated_with")
              .forEach(x -> n.append(n.isEmpty() ? "" : ", ").append(x.asString()));
          b.append(esc(n.toString()));
        }
        b.append("</li>");
      }
      b.append("</ul>");
    }
    b.append("</section>");
  }

  private static void item(StringBuilder b, String name, String value) {
    if (!value.isEmpty()) {
      b.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }
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
