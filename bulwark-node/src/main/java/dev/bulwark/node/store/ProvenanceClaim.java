package dev.bulwark.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a peer node says about the provenance of an object it hands over: the nation it originates
 * from and the nations whose nodes relayed it so far, oldest first. Carried between nodes in the
 * TAXII envelope's custom property {@value #PROPERTY} (TAXII 2.1 section 7.1), a list aligned with
 * the envelope's {@code objects}, one {@code {"origin": "DEU", "relayed_via": ["EST"]}} per object:
 * in a GET objects answered to a peer, and in a POST a peer makes. A claim is only ever read from a
 * peer principal (anyone else's is ignored) and is checked before it is believed (see {@code
 * RelayRules}).
 *
 * <p>A claim that cannot be read (wrong types, a bad nation code, a chain too long) is kept as an
 * invalid claim rather than dropped, so that the object is refused instead of silently taking the
 * peer's nation as its origin. Immutable.
 */
public record ProvenanceClaim(String origin, List<String> relayedVia, Optional<String> problem) {
  /** The envelope property. */
  public static final String PROPERTY = "x_bulwark_provenance";

  /** The longest relay chain accepted; a longer one is a loop or an attack. */
  public static final int MAX_RELAYS = 16;

  private static final Pattern NATION = Pattern.compile("[A-Z][A-Z0-9_-]{1,15}");

  public ProvenanceClaim {
    relayedVia = List.copyOf(relayedVia);
  }

  /** A well-formed claim. */
  public static ProvenanceClaim of(String origin, List<String> relayedVia) {
    return new ProvenanceClaim(origin, relayedVia, Optional.empty());
  }

  /** The claim for a stored object: its origin and its relays. */
  public static ProvenanceClaim of(StoredObject o) {
    return of(o.originNation(), o.relayedVia());
  }

  /** A claim that could not be read, with the reason. */
  public static ProvenanceClaim invalid(String problem) {
    return new ProvenanceClaim("", List.of(), Optional.of(problem));
  }

  /** Reads one entry of the envelope property; never throws. */
  public static ProvenanceClaim fromJson(JsonNode entry) {
    if (entry == null || !entry.isObject()) {
      return invalid(PROPERTY + " entry is not a JSON object");
    }
    JsonNode origin = entry.get("origin");
    if (origin == null || !origin.isString() || !isNation(origin.asString())) {
      return invalid(PROPERTY + " entry has no valid origin nation code");
    }
    List<String> relays = new ArrayList<>();
    JsonNode via = entry.get("relayed_via");
    if (via != null && !via.isNull()) {
      if (!via.isArray() || via.size() > MAX_RELAYS) {
        return invalid(
            PROPERTY + " relayed_via must be a list of at most " + MAX_RELAYS + " nation codes");
      }
      for (JsonNode n : via) {
        if (!n.isString() || !isNation(n.asString())) {
          return invalid(PROPERTY + " relayed_via holds something that is not a nation code");
        }
        relays.add(n.asString().toUpperCase(Locale.ROOT));
      }
    }
    return of(origin.asString().toUpperCase(Locale.ROOT), relays);
  }

  /**
   * The claims of an envelope, one per item of its {@code objects} (by position), or empty when the
   * envelope carries none. When the property is there but is not a list of exactly one entry per
   * item, every item gets an invalid claim: positions cannot be trusted then.
   */
  public static Optional<List<ProvenanceClaim>> ofEnvelope(JsonNode envelope, int objectCount) {
    return ofProperty(envelope == null ? null : envelope.get(PROPERTY), objectCount);
  }

  /** The claims from the value of the envelope property, as {@link #ofEnvelope} reads them. */
  public static Optional<List<ProvenanceClaim>> ofProperty(JsonNode list, int objectCount) {
    if (list == null || list.isNull()) {
      return Optional.empty();
    }
    List<ProvenanceClaim> claims = new ArrayList<>(objectCount);
    if (!list.isArray() || list.size() != objectCount) {
      ProvenanceClaim bad = invalid(PROPERTY + " is not a list with one entry per object");
      for (int i = 0; i < objectCount; i++) {
        claims.add(bad);
      }
      return Optional.of(claims);
    }
    list.forEach(e -> claims.add(fromJson(e)));
    return Optional.of(claims);
  }

  static boolean isNation(String code) {
    return code != null && NATION.matcher(code.toUpperCase(Locale.ROOT)).matches();
  }

  /** Whether the claim could be read. */
  public boolean valid() {
    return problem.isEmpty();
  }

  /**
   * The provenance of the object once {@code peerNation}'s node handed it over: the claimed origin,
   * and the claimed relays followed by the peer's nation (unless the peer is the origin itself).
   */
  public Provenance receivedFrom(String peerNation, String addedBy) {
    List<String> relays = new ArrayList<>(relayedVia);
    String peer = peerNation.toUpperCase(Locale.ROOT);
    if (!peer.equals(origin) && (relays.isEmpty() || !relays.get(relays.size() - 1).equals(peer))) {
      relays.add(peer);
    }
    return new Provenance(origin, addedBy, relays);
  }

  /** The entry as JSON text, e.g. {@code {"origin":"DEU","relayed_via":["EST"]}}. */
  public String toJson() {
    StringBuilder b = new StringBuilder(32 + relayedVia.size() * 6).append("{\"origin\":");
    quoted(b, origin).append(",\"relayed_via\":[");
    for (int i = 0; i < relayedVia.size(); i++) {
      quoted(i == 0 ? b : b.append(','), relayedVia.get(i));
    }
    return b.append("]}").toString();
  }

  /**
   * A nation as a JSON string (codes of stored rows were checked when stored; escaped all the
   * same).
   */
  private static StringBuilder quoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"');
  }
}
