package dev.bulwark.cyber.observe;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code objects} dictionary of one {@link Observation}: SCOs get the keys {@code "0"},
 * {@code "1"}, ...; addresses and domain names are added once per observation however often the
 * event names them. Not thread-safe: one per event.
 */
public final class ObservationBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode objects = NODES.objectNode();
  private static final int SCAN = 8;
  private static final String[] KEYS = new String[32];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      KEYS[i] = Integer.toString(i);
    }
  }

  private final String[] valueTypes = new String[SCAN];
  private final String[] values = new String[SCAN];
  private final String[] valueKeys = new String[SCAN];
  private int valued;
  private Map<String, String> byValue;
  private int next;

  /** A new, empty SCO of the given type, not yet added. */
  public ObjectNode sco(String type) {
    ObjectNode n = NODES.objectNode();
    n.put("type", type);
    return n;
  }

  /** Adds an SCO and returns its key. */
  public String add(ObjectNode sco) {
    String key = next < KEYS.length ? KEYS[next] : Integer.toString(next);
    next++;
    objects.set(key, sco);
    return key;
  }

  /**
   * The key of an {@code ipv4-addr} or {@code ipv6-addr} with this value, added if new.
   *
   * @throws Rejected when it is no IP address
   */
  public String address(String field, String value) throws Rejected {
    String type = Addresses.stixType(value);
    if (type == null) {
      throw new Rejected(RejectCause.BAD_ADDRESS, field + ": not an IP address");
    }
    return valued(type, Addresses.normal(value));
  }

  /**
   * The key of an IP address when the value is one, else empty (for lists mixing names and IPs).
   */
  public Optional<String> addressIfAny(String value) {
    String type = Addresses.stixType(value);
    return type == null ? Optional.empty() : Optional.of(valued(type, Addresses.normal(value)));
  }

  /** The key of a {@code domain-name} with this value (lower-cased, trailing dot removed). */
  public String domain(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return valued("domain-name", n.toLowerCase(Locale.ROOT));
  }

  /** The SCO added under a key. */
  public ObjectNode get(String key) {
    return (ObjectNode) objects.get(key);
  }

  /** Whether nothing was added. */
  public boolean isEmpty() {
    return next == 0;
  }

  /** The observation of what was added. */
  public Observation build(String source, long firstMicros, long lastMicros) {
    return new Observation(
        source, firstMicros, Math.max(firstMicros, lastMicros), 1, objects, Optional.empty());
  }

  private String valued(String type, String value) {
    String key = find(type, value);
    if (key == null) {
      ObjectNode sco = sco(type);
      sco.put("value", value);
      key = add(sco);
      remember(type, value, key);
    }
    return key;
  }

  /** The key of a value added before: a scan while few (an event names a handful), then a map. */
  private String find(String type, String value) {
    if (byValue != null) {
      return byValue.get(type + '\u0000' + value);
    }
    for (int i = 0; i < valued; i++) {
      if (valueTypes[i].equals(type) && values[i].equals(value)) {
        return valueKeys[i];
      }
    }
    return null;
  }

  private void remember(String type, String value, String key) {
    if (byValue != null) {
      byValue.put(type + '\u0000' + value, key);
      return;
    }
    if (valued < SCAN) {
      valueTypes[valued] = type;
      values[valued] = value;
      valueKeys[valued++] = key;
      return;
    }
    byValue = new HashMap<>();
    for (int i = 0; i < valued; i++) {
      byValue.put(valueTypes[i] + '\u0000' + values[i], valueKeys[i]);
    }
    byValue.put(type + '\u0000' + value, key);
  }
}
