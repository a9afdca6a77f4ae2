package dev.bulwark.stix.markings;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The five Traffic Light Protocol 2.0 levels, each with its official STIX marking-definition (OASIS
 * cti-stix-common-objects, shipped unchanged in this library's resources). The four TLP 1.0
 * marking-definitions of STIX 2.1 section 7.2.1.4 are recognised as their TLP 2.0 counterparts
 * (WHITE reads as CLEAR).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Tlp {
  /** TLP:CLEAR, disclosure is not limited. */
  CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "tlp-clear.json"),
  /** TLP:GREEN, limited to the community. */
  GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "tlp-green.json"),
  /** TLP:AMBER, limited to the recipients' organisations (and their clients). */
  AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "tlp-amber.json"),
  /** TLP:AMBER+STRICT, limited to the recipients' organisation only. */
  AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "tlp-amber-strict.json"),
  /** TLP:RED, for the eyes of the individual recipients only. */
  RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "tlp-red.json");

  /** STIX 2.1 predefined TLP 1.0 marking-definition ids (section 7.2.1.4). */
  private static final Map<String, Tlp> TLP1 =
      Map.of(
          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR,
          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

  private final String id;
  private final String resource;

  Tlp(String id, String resource) {
    this.id = id;
    this.resource = resource;
  }

  /** The official marking-definition id of this level (TLP 2.0). */
  public String markingDefinitionId() {
    return id;
  }

  /** The official TLP 2.0 marking-definition object of this level. */
  public StixObject definition() {
    return Definitions.ALL.get(this);
  }

  /**
   * The level an official TLP marking-definition id stands for.
   *
   * @param id a marking-definition id (TLP 2.0, or TLP 1.0 as defined in STIX 2.1)
   * @return the level, or empty when the id is not an official TLP marking
   */
  public static Optional<Tlp> fromMarkingId(String id) {
    for (Tlp t : values()) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.ofNullable(TLP1.get(id));
  }

  /** Whether the id is one of the four STIX 2.1 TLP 1.0 marking-definitions. */
  static boolean isTlp1(String id) {
    return TLP1.containsKey(id);
  }

  /** Loaded once, on first use, from the copies of the OASIS files in the resources. */
  private static final class Definitions {
    static final Map<Tlp, StixObject> ALL = load();

    private static Map<Tlp, StixObject> load() {
      StixCodec codec = new StixCodec();
      Map<Tlp, StixObject> out = new EnumMap<>(Tlp.class);
      for (Tlp t : values()) {
        String path = "tlp2/" + t.resource;
        try (InputStream in = Tlp.class.getResourceAsStream(path)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + path);
          }
          StixObject bundle =
              codec.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          JsonNode def = bundle.json().get("objects").get(0);
          StixObject o = StixObject.of((ObjectNode) def);
          if (!o.id().equals(t.id)) {
            throw new IllegalStateException(path + " holds " + o.id() + ", expected " + t.id);
          }
          out.put(t, o);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (StixParseException e) {
          throw new IllegalStateException("bad resource " + path + ": " + e.getMessage(), e);
        }
      }
      return out;
    }
  }
}
