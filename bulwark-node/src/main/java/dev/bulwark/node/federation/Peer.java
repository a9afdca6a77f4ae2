package dev.bulwark.node.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An allied node this node exchanges with: where its TAXII API root is, which nation it belongs to,
 * how this node logs in there, and which collections are pulled from it and pushed to it (the same
 * collection name on both sides). Immutable.
 *
 * @param authUser the user name for HTTP Basic, or empty for a bearer token
 * @param authSecret the token the peer issued to this node
 * @param trustStore a PKCS#12 file with the peer's certificate, or empty for the JDK's trust
 */
public record Peer(
    String name,
    String nation,
    URI apiRoot,
    String authUser,
    String authSecret,
    String trustStore,
    String trustPassword,
    List<String> pull,
    List<String> push,
    Duration interval) {

  public Peer {
    Objects.requireNonNull(name, "name");
    nation = nation.toUpperCase(Locale.ROOT);
    String root = apiRoot.toString();
    apiRoot = URI.create(root.endsWith("/") ? root : root + "/");
    pull = List.copyOf(pull);
    push = List.copyOf(push);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }

  /** How this peer's objects are recorded as added, so they are told apart from local ones. */
  public String addedBy() {
    return "peer:" + name;
  }

  @Override
  public String toString() {
    // the secret stays out of logs
    return "Peer[" + name + " (" + nation + ") " + apiRoot + " pull=" + pull + " push=" + push
        + "]";
  }
}
