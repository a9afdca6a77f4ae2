package dev.bulwark.maritime.stix;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulwark's maritime STIX extension: the extension-definition (shipped in this package's resources
 * and published, TLP:CLEAR, by the node in its alerts collection at start) and its JSON schema
 * (served at {@code /api/maritime/extension/schema.json}). Also the namespace of the name-based ids
 * of the objects the node publishes for alerts, so that a restarted node versions the same objects.
 * Stateless; thread-safe.
 */
public final class MaritimeExtension {
  /** The extension-definition's id. */
  public static final String ID = "extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38";

  /** Where the schema is published. */
  public static final String SCHEMA_URL =
      "https://bulwark.dev/stix/extensions/maritime/1.0/schema.json";

  private static final UUID NAMESPACE = UUID.fromString("1f0b7d3c-9a2e-4c61-8b55-7e3d2a9c0f14");
  private static final String DEFINITION = load("maritime-extension-definition.json");
  private static final String SCHEMA = load("maritime-extension-schema.json");

  private MaritimeExtension() {}

  /**
   * The extension-definition object, marked TLP:CLEAR so that every ally can read what it means.
   */
  public static ObjectNode definition(JsonMapper mapper) {
    ObjectNode o = (ObjectNode) mapper.readTree(DEFINITION);
    o.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    return o;
  }

  /** The JSON schema (draft 2020-12) of the extension's properties. */
  public static String schema() {
    return SCHEMA;
  }

  /**
   * The identity the maritime watch of {@code nation}'s node authors as (the same on every node).
   */
  public static String nodeIdentity(String nation) {
    return id("identity", "node|" + nation);
  }

  /** A name-based STIX id of this node's maritime objects. */
  public static String id(String type, String name) {
    return type + "--" + StixIds.uuid5(NAMESPACE, type + "|" + name);
  }

  private static String load(String name) {
    try (InputStream in = MaritimeExtension.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
