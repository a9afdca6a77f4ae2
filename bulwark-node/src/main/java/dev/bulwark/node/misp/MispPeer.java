package dev.bulwark.node.misp;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A MISP source this node pulls from into one local collection: a MISP feed (an http(s) URL or a
 * {@code file:} folder holding {@code manifest.json}) or a MISP instance's REST API. Immutable.
 *
 * @param nation the nation the source's organisations count for when the organisation map names
 *     none (the nation of the MISP's operator)
 * @param secret the MISP automation key (REST) or a bearer token (feed); empty for none
 * @param orgFilter REST only: the organisation the server filters {@code /events/index} by (empty
 *     for every organisation)
 * @param trustedOrigins the nations this peer is trusted to bring events of besides its own (an
 *     event counts for its creator organisation's nation); the peer's own nation is always among
 *     them
 */
public record MispPeer(
    String name,
    Type type,
    String nation,
    URI url,
    String secret,
    String collection,
    String orgFilter,
    Duration interval,
    Set<String> trustedOrigins) {

  /** The two kinds of MISP source. */
  public enum Type {
    /** A MISP feed: manifest.json, one file per event, hashes.csv. */
    FEED("misp-feed"),
    /** A MISP instance's REST API: /events/index then /events/view/{id}. */
    REST("misp-rest");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The type named by its label ({@code misp-feed}, {@code misp-rest}). */
    public static Type parse(String label) {
      for (Type t : values()) {
        if (t.label.equals(label)) {
          return t;
        }
      }
      throw new IllegalArgumentException("not a MISP peer type: " + label);
    }
  }

  public MispPeer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    nation = nation.toUpperCase(Locale.ROOT);
    String u = url.toString();
    url = URI.create(u.endsWith("/") ? u : u + "/");
    secret = secret == null ? "" : secret;
    orgFilter = orgFilter == null ? "" : orgFilter;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    Set<String> origins = new TreeSet<>();
    for (String o : trustedOrigins == null ? Set.<String>of() : trustedOrigins) {
      origins.add(o.trim().toUpperCase(Locale.ROOT));
    }
    origins.remove("");
    origins.add(nation);
    trustedOrigins = Collections.unmodifiableSet(origins);
  }

  /** A peer trusted only for events of its own nation. */
  public MispPeer(
      String name,
      Type type,
      String nation,
      URI url,
      String secret,
      String collection,
      String orgFilter,
      Duration interval) {
    this(name, type, nation, url, secret, collection, orgFilter, interval, Set.of());
  }

  /** How this peer's objects are recorded as added (the origin nation is the MISP's, not ours). */
  public String addedBy() {
    return "misp:" + name;
  }

  @Override
  public String toString() {
    // the secret stays out of logs
    return "MispPeer["
        + name
        + " "
        + type.label()
        + " ("
        + nation
        + ") "
        + url
        + " origins "
        + String.join(",", trustedOrigins)
        + " -> "
        + collection
        + "]";
  }
}
