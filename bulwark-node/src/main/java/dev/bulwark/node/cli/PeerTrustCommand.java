package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.NodeCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark peer trust NAME --cert FILE}: pins the certificate a peer's admin handed over
 * ({@code bulwark tls export-cert} there), or its SHA-256 fingerprint, so this node trusts that
 * peer and no one else under its name. Recorded in the audit log. Not thread-safe.
 */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description =
        "Trust a peer's certificate (from `bulwark tls export-cert` at the peer), or its fingerprint.",
    footer = {
      "",
      "Example: bulwark peer trust fin --cert fin.pem",
      "The certificate is stored in the database (it is public); a file with a private key is"
          + " refused."
    })
final class PeerTrustCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "The peer, as in bulwark peer list.")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Pin pin;

  /** What to pin: a certificate file or a fingerprint. */
  static final class Pin {
    @Option(
        names = "--cert",
        paramLabel = "FILE",
        description = "The peer's certificate (PEM), from `bulwark tls export-cert` at the peer.")
    Path cert;

    @Option(
        names = "--fingerprint",
        paramLabel = "SHA256",
        description = "The SHA-256 fingerprint of the peer's certificate (hex, colons allowed).")
    String fingerprint;

    /** The pin as stored: PEM text or {@code sha256:HEX}. */
    String pinned() {
      return cert != null
          ? NodeCertificates.pem(NodeCertificates.readPem(cert))
          : NodeCertificates.normalizeFingerprint(fingerprint);
    }
  }

  @Override
  public Integer call() {
    String pinned;
    try {
      pinned = pin.pinned();
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark peer trust: " + e.getMessage());
      return 2;
    }
    try (NodeStores stores = new NodeStores()) {
      PeerStore peers = new PeerStore(stores.dataSource);
      Optional<Peer> found = peers.find(name);
      if (found.isEmpty()) {
        System.err.println(
            "bulwark peer trust: no peer "
                + name
                + " (bulwark peer list shows them; add it with bulwark peer add)");
        return 1;
      }
      Peer peer = found.get().pinning(pinned);
      peers.put(peer);
      stores.record("peer.trust", "", AuditEntry.Decision.ALLOW, List.of(), name + pinText(peer));
      System.out.printf("peer %s (%s): trusts%s%n", name, peer.nation(), pinText(peer));
      return 0;
    }
  }

  /** " certificate sha256:..." for a pinned peer, "" otherwise. */
  static String pinText(Peer peer) {
    String pin = peer.pinnedCertificate();
    if (pin.isEmpty()) {
      return "";
    }
    return pin.startsWith(NodeCertificates.SHA256)
        ? " fingerprint " + pin
        : " certificate " + NodeCertificates.fingerprint(NodeCertificates.parsePem(pin));
  }
}
