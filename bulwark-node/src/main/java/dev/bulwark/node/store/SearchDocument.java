package dev.bulwark.node.store;

import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workbench search knows of one stored object version: the words it matches (names,
 * descriptions, patterns and the quoted values inside them, labels, aliases, external references,
 * observable values), the filter fields, and the identifiers it references. Both engines index
 * exactly this, so they match the same objects. Immutable.
 *
 * @param dateAddedMicros the store row it was made from (the search's stable key)
 * @param modifiedMicros the object's modified (else created, else date added)
 * @param refs every identifier the object names in a {@code *_ref}/{@code *_refs} property
 * @param name the display name (lower case, for suggestions)
 * @param text the words to match, separated by spaces
 */
public record SearchDocument(
    long dateAddedMicros,
    String collectionId,
    String originNation,
    String objectId,
    long versionMicros,
    long modifiedMicros,
    String type,
    String createdBy,
    List<String> markingRefs,
    List<String> refs,
    String name,
    String text) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final int MAX_TEXT = 32_000;

  /** Text-bearing properties of SDOs, SROs and SCOs. */
  private static final List<String> TEXT_FIELDS =
      List.of(
          "name",
          "description",
          "pattern",
          "value",
          "display_name",
          "abstract",
          "content",
          "explanation",
          "opinion",
          "objective",
          "summary",
          "relationship_type",
          "x_mitre_id",
          "path",
          "key",
          "subject",
          "command_line");

  /** The document of a stored row; a row whose JSON does not parse gives its id and type only. */
  public static SearchDocument of(StoredObject o) {
    JsonNode root;
    try {
      root = JSON.readTree(o.json());
    } catch (JacksonException e) {
      root = JSON.createObjectNode();
    }
    StringBuilder text = new StringBuilder(256);
    for (String field : TEXT_FIELDS) {
      JsonNode v = root.path(field);
      if (v.isString()) {
        text.append(v.asString()).append(' ');
      }
    }
    for (Matcher m = QUOTED.matcher(root.path("pattern").asString("")); m.find(); ) {
      text.append(m.group(1)).append(' ');
    }
    appendAll(text, root.path("labels"));
    appendAll(text, root.path("aliases"));
    appendAll(text, root.path("x_mitre_aliases"));
    appendAll(text, root.path("hashes"));
    for (JsonNode ref : root.path("external_references")) {
      appendAll(text, ref.path("external_id"));
      appendAll(text, ref.path("source_name"));
    }
    text.append(o.objectId());
    Set<String> refs = new LinkedHashSet<>();
    collectRefs(root, refs, 0);
    refs.remove(o.objectId());
    long modified =
        micros(
            root.path("modified").asString(""),
            micros(root.path("created").asString(""), o.dateAddedMicros()));
    String created = root.path("created_by_ref").asString("");
    return new SearchDocument(
        o.dateAddedMicros(),
        o.collectionId(),
        o.originNation(),
        o.objectId(),
        o.versionMicros(),
        modified,
        o.type(),
        created,
        o.markingRefs(),
        List.copyOf(refs),
        displayName(root, o.objectId()).toLowerCase(Locale.ROOT),
        text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString());
  }

  /** The object's human name: name, else value, pattern, first external id, else its id. */
  public static String displayName(JsonNode root, String objectId) {
    for (String field : List.of("name", "value", "display_name", "pattern", "abstract")) {
      if (root.path(field).isString() && !root.path(field).asString().isBlank()) {
        return root.path(field).asString();
      }
    }
    for (JsonNode ref : root.path("external_references")) {
      if (ref.path("external_id").isString()) {
        return ref.path("external_id").asString();
      }
    }
    return objectId;
  }

  private static void appendAll(StringBuilder text, JsonNode node) {
    if (node.isString()) {
      text.append(node.asString()).append(' ');
    } else if (node.isArray() || node.isObject()) {
      for (JsonNode v : node) {
        if (v.isString()) {
          text.append(v.asString()).append(' ');
        }
      }
    }
  }

  /** Every identifier under a *_ref or *_refs property, nested ones included (bounded depth). */
  private static void collectRefs(JsonNode node, Set<String> refs, int depth) {
    if (depth > 6 || !(node.isObject() || node.isArray())) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode v : node) {
        collectRefs(v, refs, depth + 1);
      }
      return;
    }
    List<String> names = new ArrayList<>(node.propertyNames());
    for (String name : names) {
      JsonNode v = node.get(name);
      if (name.endsWith("_ref") && v.isString()) {
        refs.add(v.asString());
      } else if (name.endsWith("_refs") && v.isArray()) {
        for (JsonNode r : v) {
          if (r.isString()) {
            refs.add(r.asString());
          }
        }
      } else {
        collectRefs(v, refs, depth + 1);
      }
    }
  }

  private static long micros(String timestamp, long otherwise) {
    if (timestamp.isEmpty()) {
      return otherwise;
    }
    return StixTimestamps.parseMicros(timestamp).orElse(otherwise);
  }
}
