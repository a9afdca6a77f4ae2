package dev.bulwark.stix.validation;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Repairs, on import, the mistakes that published material makes in ways that change no meaning,
 * each with a warning, so that such material is stored as valid STIX and still says what it said.
 * What it repairs (the OASIS Incident Extension Suite's own examples make each mistake):
 *
 * <ul>
 *   <li>{@code created}/{@code modified} with fewer than three sub-second digits (STIX 2.1 3.2
 *       requires milliseconds): padded with zeros — the same instant.
 *   <li>An extension key {@code extension-definition} followed by an em or en dash instead of
 *       {@code --}: the intended id.
 *   <li>An {@code impact}'s detail extension named {@code <category>-impact} (e.g. {@code
 *       availability-impact}) where the suite names it after the category ({@code availability}).
 *   <li>An incident-core {@code determination} of {@code confirmed} (the suite's version-1 word,
 *       not in the 2.0 enumeration): {@code successful-attempt}, the 2.0 value for an incident
 *       determined to have caused harm.
 * </ul>
 *
 * Everything else is left for the validator to judge: the normaliser never invents content.
 * Stateless and thread-safe.
 */
public final class ImportNormaliser {

  /** An object after normalisation, with what was changed (empty when nothing was). */
  public record Normalised(StixObject object, List<String> warnings) {
    /** Copies the list. */
    public Normalised {
      warnings = List.copyOf(warnings);
    }

    /** Whether anything was changed. */
    public boolean changed() {
      return !warnings.isEmpty();
    }
  }

  private ImportNormaliser() {}

  /**
   * Normalises one object.
   *
   * @param o as read
   * @return the object (the same instance when nothing needed repair) and the warnings
   */
  public static Normalised normalise(StixObject o) {
    if (!needsWork(o)) {
      return new Normalised(o, List.of());
    }
    ObjectNode json = o.json();
    List<String> warnings = new ArrayList<>();
    for (String name : List.of("created", "modified")) {
      JsonNode v = json.get(name);
      if (v != null && v.isString() && shortFraction(v.stringValue())) {
        String padded = pad(v.stringValue());
        json.put(name, padded);
        warnings.add(
            name
                + " \""
                + v.stringValue()
                + "\" padded to milliseconds \""
                + padded
                + "\" (STIX 2.1 section 3.2; same instant)");
      }
    }
    JsonNode exts = json.get("extensions");
    if (exts instanceof ObjectNode e) {
      extensionKeys(e, o.type(), warnings);
      determination(e, warnings);
    }
    return new Normalised(warnings.isEmpty() ? o : StixObject.of(json), warnings);
  }

  private static boolean needsWork(StixObject o) {
    return o.created().map(ImportNormaliser::shortFraction).orElse(false)
        || o.modified().map(ImportNormaliser::shortFraction).orElse(false)
        || o.has("extensions");
  }

  private static void extensionKeys(ObjectNode exts, String type, List<String> warnings) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(exts.properties());
    boolean renamed = false;
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> en : entries) {
      String key = en.getKey();
      String fixed = key;
      if (key.startsWith("extension-definition") && !key.startsWith("extension-definition--")) {
        String rest = key.substring("extension-definition".length());
        if (rest.startsWith("\u2014") || rest.startsWith("\u2013")) {
          fixed = "extension-definition--" + rest.substring(1);
        }
      } else if ("impact".equals(type) && key.endsWith("-impact")) {
        String category = key.substring(0, key.length() - "-impact".length());
        if (IncidentSuiteChecks.IMPACT_CATEGORIES.contains(category) && !exts.has(category)) {
          fixed = category;
        }
      }
      if (!fixed.equals(key) && !exts.has(fixed)) {
        warnings.add(
            "extension \""
                + key
                + "\" renamed \""
                + fixed
                + "\" (the name the OASIS Incident Extension Suite defines)");
        renamed = true;
      } else {
        fixed = key;
      }
      out.add(Map.entry(fixed, en.getValue()));
    }
    if (renamed) {
      exts.removeAll();
      out.forEach(en -> exts.set(en.getKey(), en.getValue()));
    }
  }

  private static void determination(ObjectNode exts, List<String> warnings) {
    JsonNode core = exts.get(IncidentSuiteChecks.INCIDENT_CORE);
    if (core instanceof ObjectNode c
        && c.path("determination").isString()
        && "confirmed".equals(c.path("determination").stringValue())) {
      c.put("determination", "successful-attempt");
      warnings.add(
          "incident-core determination \"confirmed\" (version 1 of the suite) replaced by"
              + " \"successful-attempt\" (incident-determination-enum, section 5.5)");
    }
  }

  private static boolean shortFraction(String ts) {
    return StixTimestamps.isValid(ts) && StixTimestamps.fractionDigits(ts) < 3;
  }

  /** The timestamp with its fraction padded to three digits; the instant is unchanged. */
  private static String pad(String ts) {
    String body = ts.substring(0, ts.length() - 1);
    int dot = body.indexOf('.');
    String fraction = dot < 0 ? "" : body.substring(dot + 1);
    String whole = dot < 0 ? body : body.substring(0, dot);
    return whole + "." + (fraction + "000").substring(0, 3) + "Z";
  }
}
