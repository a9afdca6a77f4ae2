package dev.bulwark.node.federation;

import dev.bulwark.node.security.NodeCertificates;
import dev.bulwark.node.taxii.client.TaxiiClient;
import java.util.Locale;

/**
 * Tries a peer's connection the way federation makes it (same client, credentials and trust), by
 * reading its API root, and says in plain words what happened; also the peer's pinned certificate
 * as a fingerprint. For the workbench's peer page (issue 20). Stateless; thread-safe.
 */
public final class PeerCheck {
  private PeerCheck() {}

  /** What a test found: whether the API root answered, in words, and how long it took. */
  public record Result(boolean ok, String message, long millis) {}

  public static Result test(Peer peer) {
    long start = System.nanoTime();
    try {
      TaxiiClient client = PeerClients.forPeer(peer);
      String title = client.apiRoot(peer.apiRoot()).title();
      return new Result(true, "connected: API root \"" + title + "\" answered", since(start));
    } catch (RuntimeException e) {
      return new Result(false, PeerProblems.explain(peer, e), since(start));
    }
  }

  /** The pinned certificate's SHA-256 fingerprint ({@code sha256:...}), or "" when none is. */
  public static String fingerprint(Peer peer) {
    String pin = peer.pinnedCertificate();
    if (pin.isEmpty()) {
      return "";
    }
    return pin.toLowerCase(Locale.ROOT).startsWith(NodeCertificates.SHA256)
        ? pin
        : NodeCertificates.fingerprint(NodeCertificates.parsePem(pin));
  }

  private static long since(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
