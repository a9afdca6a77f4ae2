package dev.bulwark.readiness.stix;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulwark's readiness STIX extension: the extension-definition of the new-sdo {@value
 * ForceDeclarationStix#TYPE} (shipped in this package's resources; a node publishes it TLP:CLEAR in
 * its declarations collection) and its JSON schema. Stateless; thread-safe.
 */
public final class ReadinessExtension {
  /** The extension-definition's id. */
  public static final String ID = "extension-definition--3c8e5f2a-7b14-4d9e-a2c6-91f0e4b7d5a3";

  /** Where the schema is published. */
  public static final String SCHEMA_URL =
      "https://bulwark.dev/stix/extensions/readiness/1.0/schema.json";

  private static final String DEFINITION = load("readiness-extension-definition.json");
  private static final String SCHEMA = load("readiness-extension-schema.json");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ReadinessExtension() {}

  /** The extension-definition, marked TLP:CLEAR so that every ally can read what it means. */
  public static StixObject definition() {
    ObjectNode o = (ObjectNode) MAPPER.readTree(DEFINITION);
    o.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    return StixObject.of(o);
  }

  /** The JSON schema (draft 2020-12) of the new object type. */
  public static String schema() {
    return SCHEMA;
  }

  private static String load(String name) {
    try (InputStream in = ReadinessExtension.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
