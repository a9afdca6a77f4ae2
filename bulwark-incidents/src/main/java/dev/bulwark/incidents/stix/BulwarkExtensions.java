package dev.bulwark.incidents.stix;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The extension-definitions this library writes, with fixed ids: the hostile act (on incidents),
 * the attribution assessment (on relationships and opinions) and the measured response (on tasks);
 * and the OASIS incident-core and task ids. Stateless and thread-safe.
 */
public final class BulwarkExtensions {

  /** The OASIS incident-core property extension. */
  public static final String INCIDENT_CORE =
      "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

  /** The OASIS task new-SDO extension. */
  public static final String TASK = "extension-definition--2074a052-8be4-4932-849e-f5e7798e0030";

  /** Bulwark's hostile-act property extension on incident. */
  public static final String INCIDENT =
      "extension-definition--3b1c6f0e-7a42-4d8e-9c15-b2e4a6d8f071";

  /** Bulwark's attribution assessment on relationship and opinion. */
  public static final String ATTRIBUTION =
      "extension-definition--5e0d2c7a-1b9f-4f3e-8a61-c4d7e2b9a015";

  /** Bulwark's measured response on task. */
  public static final String RESPONSE =
      "extension-definition--9a4f1d3e-6c2b-4e7a-b8d5-0f3e1a7c9b42";

  private static final StixCodec CODEC = new StixCodec();

  private BulwarkExtensions() {}

  /** The three Bulwark extension-definitions, marked TLP:CLEAR so every ally can read them. */
  public static List<StixObject> definitions() {
    return List.of(definition("incident"), definition("attribution"), definition("response"));
  }

  /** The JSON schema (draft 2020-12) of the hostile-act extension's properties. */
  public static String incidentSchema() {
    return load("incident-extension-schema.json");
  }

  private static StixObject definition(String name) {
    try {
      ObjectNode o = CODEC.parseObject(load(name + "-extension-definition.json")).json();
      o.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
      return StixObject.of(o);
    } catch (StixParseException e) {
      throw new IllegalStateException("bundled definition " + name + " does not parse", e);
    }
  }

  private static String load(String name) {
    try (InputStream in = BulwarkExtensions.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
