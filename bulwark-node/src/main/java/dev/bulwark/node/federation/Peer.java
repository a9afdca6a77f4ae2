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
 * @param pinnedCertificate the peer's own certificate (PEM) or its fingerprint ({@code sha256:HEX})
 *     that this node trusts for it alone; empty when the trust store or the JDK decides
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
    Duration interval,
    String pinnedCertificate) {

  /** A peer without a pinned certificate. */
  public Peer(
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
    this(
        name,
        nation,
        apiRoot,
        authUser,
        authSecret,
        trustStore,
        trustPassword,
        pull,
        push,
        interval,
        "");
  }

  public Peer {
    pinnedCertificate = pinnedCertificate == null ? "" : pinnedCertificate;
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

  /** The same peer, trusting {@code pin} (a PEM certificate or {@code sha256:HEX}). */
  public Peer pinning(String pin) {
    return new Peer(
        name,
        nation,
        apiRoot,
        authUser,
        authSecret,
        trustStore,
        trustPassword,
        pull,
        push,
        interval,
        pin);
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
