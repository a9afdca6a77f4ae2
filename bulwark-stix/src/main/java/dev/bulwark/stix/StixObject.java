package dev.bulwark.stix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One STIX 2.1 object (SDO, SRO, SCO, meta object or a custom {@code x-...} object) exactly as it
 * was written: every property, known or not, in its original order, with extensions untouched.
 *
 * <p>Instances are immutable and therefore thread-safe. Equality is by JSON content (property order
 * does not matter, values do). Creating an instance does not validate it; see {@link
 * dev.bulwark.stix.validation.StixValidator}.
 */
public final class StixObject {

  private final ObjectNode json;
  private final String id;
  private final String type;
  private volatile String compact;
  private int hash;

  private StixObject(ObjectNode owned) {
    this.json = owned;
    this.id = text(owned, "id").orElse("");
    this.type = text(owned, "type").orElse("");
  }

  /**
   * Wraps a deep copy of the given JSON object. No validation is done. The copy is made through the
   * JSON text, so numbers take the node types the parser gives them ({@code 0} built as a long and
   * {@code 0} read back from text are then equal) and the object equals what {@link #toJson()}
   * reads back as.
   *
   * @param json a JSON object; it is copied, so later changes to it do not affect the result
   * @return the object
   * @throws IllegalArgumentException when the tree holds something JSON cannot carry (NaN,
   *     infinity, POJO nodes)
   */
  public static StixObject of(ObjectNode json) {
    try {
      String text = Json.write(json);
      StixObject copy = new StixObject((ObjectNode) Json.MAPPER.readTree(text));
      // the copy was read from this text, so it is the copy's JSON text too: no second write
      copy.compact = text;
      return copy;
    } catch (JacksonException | IllegalStateException e) {
      // the parser's own words, without Jackson's feature names and source excerpt
      String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException("not a plain JSON object: " + why, e);
    }
  }

  /** For trees this package has just built and nobody else holds; skips the copy. */
  static StixObject adopt(ObjectNode owned) {
    return new StixObject(owned);
  }

  /** The {@code id} property, or {@code ""} when absent or not a string. */
  public String id() {
    return id;
  }

  /** The {@code type} property, or {@code ""} when absent or not a string. */
  public String type() {
    return type;
  }

  /** The {@code spec_version} property when present as a string. */
  public Optional<String> specVersion() {
    return text(json, "spec_version");
  }

  /** The {@code created} timestamp exactly as written, when present as a string. */
  public Optional<String> created() {
    return text(json, "created");
  }

  /** The {@code modified} timestamp exactly as written, when present as a string. */
  public Optional<String> modified() {
    return text(json, "modified");
  }

  /** The {@code created_by_ref} property when present as a string. */
  public Optional<String> createdByRef() {
    return text(json, "created_by_ref");
  }

  /** The string entries of {@code object_marking_refs}, in order; empty when absent. */
  public List<String> objectMarkingRefs() {
    JsonNode refs = json.get("object_marking_refs");
    if (refs == null || !refs.isArray() || refs.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(refs.size());
    for (JsonNode r : refs) {
      if (r.isString()) {
        out.add(r.stringValue());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether a top-level property is present (whatever its value).
   *
   * @param name the property name
   * @return true when present
   */
  public boolean has(String name) {
    return json.has(name);
  }

  /**
   * A top-level string property.
   *
   * @param name the property name
   * @return its value when present and a JSON string
   */
  public Optional<String> string(String name) {
    return text(json, name);
  }

  /** A defensive deep copy of the JSON; changing it does not change this object. */
  public ObjectNode json() {
    return json.deepCopy();
  }

  /**
   * The tree itself, for read-only use by this library's own packages (validation, markings) where
   * a copy per object would cost too much. Callers outside this library use {@link #json()}.
   */
  JsonNode tree() {
    return json;
  }

  /**
   * Compact JSON with the properties in their original order; reading it back gives an equal
   * object.
   */
  public String toJson() {
    String s = compact;
    if (s == null) {
      s = Json.write(json);
      compact = s;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StixObject other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = json.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return type + " " + id;
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }
}
