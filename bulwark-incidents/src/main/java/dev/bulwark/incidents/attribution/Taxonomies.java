package dev.bulwark.incidents.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attribution vocabularies, read from the bundled MISP taxonomies (see SOURCES.md beside them):
 * estimative-language likelihood terms as machine tags, Admiralty source reliability (upper-case
 * letters) and information credibility (digits), state-responsibility levels. Loaded once;
 * immutable and thread-safe.
 */
public final class Taxonomies {

  /** Machine tags {@code estimative-language:likelihood-probability="likely"}, ... */
  public static final Set<String> ESTIMATIVE_TERMS;

  /** {@code A} .. {@code G}. */
  public static final Set<String> RELIABILITY;

  /** {@code 1} .. {@code 6}. */
  public static final Set<String> CREDIBILITY;

  /** {@code state-prohibited} .. {@code state-integrated} (MISP's trailing dots dropped). */
  public static final Set<String> STATE_RESPONSIBILITY;

  static {
    JsonNode est = load("estimative-language.json");
    ESTIMATIVE_TERMS = tags(est, "likelihood-probability", true);
    JsonNode adm = load("admiralty-scale.json");
    RELIABILITY = upper(tags(adm, "source-reliability", false));
    CREDIBILITY = tags(adm, "information-credibility", false);
    Set<String> levels = new LinkedHashSet<>();
    for (JsonNode p : load("state-responsibility.json").path("predicates")) {
      String v = p.path("value").asString();
      levels.add(v.endsWith(".") ? v.substring(0, v.length() - 1) : v);
    }
    STATE_RESPONSIBILITY = Set.copyOf(levels);
  }

  private Taxonomies() {}

  private static Set<String> tags(JsonNode taxonomy, String predicate, boolean machineTag) {
    Set<String> out = new LinkedHashSet<>();
    String ns = taxonomy.path("namespace").asString();
    for (JsonNode v : taxonomy.path("values")) {
      if (v.path("predicate").asString().equals(predicate)) {
        for (JsonNode e : v.path("entry")) {
          String value = e.path("value").asString();
          out.add(machineTag ? ns + ":" + predicate + "=\"" + value + "\"" : value);
        }
      }
    }
    return Set.copyOf(out);
  }

  private static Set<String> upper(Set<String> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(v.toUpperCase(Locale.ROOT)));
    return Set.copyOf(out);
  }

  private static JsonNode load(String name) {
    try (InputStream in = Taxonomies.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
