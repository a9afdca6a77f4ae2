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
  private final Map<String, String> byValue = new HashMap<>(8);
  private int next;

  /** A new, empty SCO of the given type, not yet added. */
  public ObjectNode sco(String type) {
    ObjectNode n = NODES.objectNode();
    n.put("type", type);
    return n;
  }

  /** Adds an SCO and returns its key. */
  public String add(ObjectNode sco) {
    String key = Integer.toString(next++);
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
    String k = type + '\u0000' + value;
    String key = byValue.get(k);
    if (key == null) {
      ObjectNode sco = sco(type);
      sco.put("value", value);
      key = add(sco);
      byValue.put(k, key);
    }
    return key;
  }
}
