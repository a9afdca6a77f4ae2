package dev.bulwark.stix.markings;

import dev.bulwark.stix.InternalAccess;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulwark's releasability marking: a STIX 2.1 marking-definition carrying a property-extension
 * (defined by the extension-definition {@link #EXTENSION_DEFINITION_ID}) that lists the nations an
 * object may be released to, like ACS 3.0's {@code permitted_nationalities}, and the identities
 * named as recipients (for TLP:RED). Every node publishes {@link #extensionDefinition()} and {@link
 * #jsonSchema()}.
 *
 * <p>The extension, inside the marking-definition's {@code extensions}:
 *
 * <pre>{@code
 * "extension-definition--d1b0c6a4-3f1e-4a57-9a0b-6c2e8f4b5d71": {
 *   "extension_type": "property-extension",
 *   "permitted_nationalities": ["NATO", "UKR"],
 *   "recipients": ["identity--..."]
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ReleasabilityMarking {

  /** The id of Bulwark's releasability extension-definition. */
  public static final String EXTENSION_DEFINITION_ID =
      "extension-definition--d1b0c6a4-3f1e-4a57-9a0b-6c2e8f4b5d71";

  /** The identity that created the extension-definition: the Bulwark project. */
  public static final String BULWARK_IDENTITY_ID = "identity--5b2c7e90-8a43-4f6d-b1e8-3c9a0d7f2e54";

  /** Where the JSON schema of the extension is published (each node also serves it). */
  public static final String SCHEMA_URL =
      "https://bulwark.dev/stix/extensions/releasability/1.0/schema.json";

  /** Name of the list of nations inside the extension. */
  public static final String NATIONS = "permitted_nationalities";

  /** Name of the list of recipient identities inside the extension. */
  public static final String RECIPIENTS = "recipients";

  /**
   * Namespace of the name-based ids of releasability marking-definitions (not the SCO namespace).
   */
  private static final UUID MARKING_NAMESPACE =
      UUID.fromString("a3f4c2d0-6b1e-4f0a-8c7d-1e2f3a4b5c6d");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private ReleasabilityMarking() {}

  /** The extension-definition object every node publishes (and stores) for this marking. */
  public static StixObject extensionDefinition() {
    return Resources.EXTENSION_DEFINITION;
  }

  /**
   * The identity {@link #BULWARK_IDENTITY_ID} that created the extension-definition, to publish
   * beside it.
   */
  public static StixObject bulwarkIdentity() {
    return Resources.IDENTITY;
  }

  /**
   * The JSON schema (draft 2020-12) of the extension's properties, as published at {@link
   * #SCHEMA_URL}.
   */
  public static String jsonSchema() {
    return Resources.SCHEMA;
  }

  /**
   * A marking-definition that carries the releasability. Its id is name-based (UUIDv5 over the
   * creator, the creation time and the sorted lists), so the same marking made twice gets the same
   * id.
   *
   * @param r nations and recipients
   * @param createdByRef the identity that creates the marking
   * @param created creation timestamp (RFC 3339, UTC, millisecond precision)
   * @return the marking-definition
   */
  public static StixObject markingDefinition(Releasability r, String createdByRef, String created) {
    String name =
        "releasable to "
            + String.join(", ", r.nations())
            + (r.recipients().isEmpty()
                ? ""
                : (r.nations().isEmpty() ? "" : "; ")
                    + "recipients "
                    + String.join(", ", r.recipients()));
    UUID uuid =
        StixIds.uuid5(
            MARKING_NAMESPACE,
            createdByRef + "|" + created + "|" + r.nations() + "|" + r.recipients());
    ObjectNode o = NODES.objectNode();
    o.put("type", "marking-definition");
    o.put("spec_version", "2.1");
    o.put("id", "marking-definition--" + uuid);
    o.put("created_by_ref", createdByRef);
    o.put("created", created);
    o.put("name", name);
    ObjectNode ext = o.putObject("extensions").putObject(EXTENSION_DEFINITION_ID);
    ext.put("extension_type", "property-extension");
    ArrayNode nations = ext.putArray(NATIONS);
    r.nations().forEach(nations::add);
    if (!r.recipients().isEmpty()) {
      ArrayNode recipients = ext.putArray(RECIPIENTS);
      r.recipients().forEach(recipients::add);
    }
    return StixObject.of(o);
  }

  /**
   * The releasability a marking-definition carries.
   *
   * @param markingDefinition any STIX object
   * @return the releasability, or empty when the object does not carry this extension or carries it
   *     in a malformed way (unknown nation code, wrong types); see {@link #carriesExtension}
   */
  public static Optional<Releasability> read(StixObject markingDefinition) {
    JsonNode ext = extension(markingDefinition);
    if (ext == null || !ext.isObject()) {
      return Optional.empty();
    }
    Optional<Set<String>> nations = strings(ext.get(NATIONS));
    Optional<Set<String>> recipients = strings(ext.get(RECIPIENTS));
    if (nations.isEmpty() || recipients.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Releasability(nations.get(), recipients.get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the object has this extension at all (well-formed or not). Access control treats a
   * marking that carries it but cannot be {@link #read} as unknown, so it denies.
   *
   * @param o any STIX object
   * @return true when {@code extensions} holds {@link #EXTENSION_DEFINITION_ID}
   */
  public static boolean carriesExtension(StixObject o) {
    return extension(o) != null;
  }

  private static JsonNode extension(StixObject o) {
    if (!"marking-definition".equals(o.type()) || !o.has("extensions")) {
      return null;
    }
    JsonNode exts = InternalAccess.tree(o).get("extensions");
    return exts == null || !exts.isObject() ? null : exts.get(EXTENSION_DEFINITION_ID);
  }

  /** Absent = empty set; present but not an array of strings = empty Optional (malformed). */
  private static Optional<Set<String>> strings(JsonNode n) {
    if (n == null) {
      return Optional.of(Set.of());
    }
    if (!n.isArray()) {
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : n) {
      if (!e.isString()) {
        return Optional.empty();
      }
      out.add(e.stringValue());
    }
    return Optional.of(out);
  }

  /** Loaded once from this library's resources. */
  private static final class Resources {
    static final String SCHEMA = load("releasability-schema.json");
    static final StixObject EXTENSION_DEFINITION =
        StixObject.of(
            (ObjectNode) MAPPER.readTree(load("releasability-extension-definition.json")));
    static final StixObject IDENTITY =
        StixObject.of((ObjectNode) MAPPER.readTree(load("bulwark-identity.json")));

    private static String load(String name) {
      try (InputStream in = ReleasabilityMarking.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
