package dev.bulwark.stix;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one STIX 2.1 object property by property, in the order the calls are made (the order the
 * object is written in): {@code type}, {@code spec_version} and {@code id} first, then whatever the
 * caller adds — {@code created_by_ref}, markings, external references, extensions, any other
 * property. For the node's and the tools' own objects (incidents, identities, locations, notes,
 * sightings); it does not validate (see {@link dev.bulwark.stix.validation.StixValidator}), and
 * {@code created}/{@code modified} are usually set by {@link StixVersions}.
 *
 * <pre>{@code
 * StixObject note = StixBuilder.of("note", StixIds.random("note"))
 *     .createdBy(identity)
 *     .markings(List.of(Tlp.AMBER.markingDefinitionId()))
 *     .put("content", "...")
 *     .strings("object_refs", List.of(incidentId))
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe: one builder per object, on one thread. Setting a property again replaces its
 * value in place (its position stays).
 */
public final class StixBuilder {

  private final ObjectNode o = Json.NODES.objectNode();

  private StixBuilder(String type, String id) {
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
  }

  /**
   * Starts an object.
   *
   * @param type the STIX type, e.g. {@code incident}
   * @param id its id ({@code type--uuid}), e.g. from {@link StixIds}
   * @return the builder
   */
  public static StixBuilder of(String type, String id) {
    return new StixBuilder(type, id);
  }

  /** Sets {@code created_by_ref}. */
  public StixBuilder createdBy(String identityRef) {
    o.put("created_by_ref", identityRef);
    return this;
  }

  /** Sets {@code object_marking_refs} (in the given order; an empty list writes {@code []}). */
  public StixBuilder markings(List<String> markingRefs) {
    return strings("object_marking_refs", markingRefs);
  }

  /** Sets {@code created}. */
  public StixBuilder created(String timestamp) {
    o.put("created", timestamp);
    return this;
  }

  /** Sets {@code modified}. */
  public StixBuilder modified(String timestamp) {
    o.put("modified", timestamp);
    return this;
  }

  /** Sets a string property. */
  public StixBuilder put(String name, String value) {
    o.put(name, value);
    return this;
  }

  /** Sets an integer property. */
  public StixBuilder put(String name, long value) {
    o.put(name, value);
    return this;
  }

  /** Sets a number property. */
  public StixBuilder put(String name, double value) {
    o.put(name, value);
    return this;
  }

  /** Sets a boolean property. */
  public StixBuilder put(String name, boolean value) {
    o.put(name, value);
    return this;
  }

  /** Sets any JSON property (a copy of {@code value} is taken). */
  public StixBuilder put(String name, JsonNode value) {
    o.set(name, value.deepCopy());
    return this;
  }

  /** Sets a list of strings (refs, vocabularies, labels). */
  public StixBuilder strings(String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
    return this;
  }

  /**
   * Appends an entry to {@code external_references}.
   *
   * @param sourceName the required {@code source_name}
   * @param url the {@code url}, or null
   * @param externalId the {@code external_id}, or null
   */
  public StixBuilder externalReference(String sourceName, String url, String externalId) {
    JsonNode held = o.get("external_references");
    ArrayNode refs = held instanceof ArrayNode a ? a : o.putArray("external_references");
    ObjectNode r = refs.addObject();
    r.put("source_name", sourceName);
    if (url != null) {
      r.put("url", url);
    }
    if (externalId != null) {
      r.put("external_id", externalId);
    }
    return this;
  }

  /**
   * Sets one entry of {@code extensions} (a copy of {@code properties} is taken); other entries
   * stay.
   *
   * @param extensionId e.g. an {@code extension-definition--...} id
   * @param properties the extension's properties (for a property extension, including {@code
   *     extension_type})
   */
  public StixBuilder extension(String extensionId, ObjectNode properties) {
    JsonNode held = o.get("extensions");
    ObjectNode ext = held instanceof ObjectNode e ? e : o.putObject("extensions");
    ext.set(extensionId, properties.deepCopy());
    return this;
  }

  /** A copy of the JSON built so far (for callers that go on editing it). */
  public ObjectNode json() {
    return o.deepCopy();
  }

  /**
   * The object (an immutable copy; the builder can go on). It equals the object its JSON text reads
   * back as (numbers take the parser's node types).
   */
  public StixObject build() {
    return StixObject.of(o);
  }
}
