package dev.bulwark.node.cli;

import dev.bulwark.node.security.NodeCertificates;
import dev.bulwark.node.security.SelfSignedTls;
import dev.bulwark.node.store.NodeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark tls export-cert [--out FILE]}: writes this node's certificate (PEM, never the
 * private key) for a peer's admin to pin with {@code bulwark peer trust}, and prints its SHA-256
 * fingerprint to read out over a second channel. The certificate is the configured keystore's
 * ({@code server.ssl.key-store}) or the self-signed one in {@code BULWARK_HOME/tls}, made now for
 * {@code bulwark.tls.hostname} when the node has not made it yet. Not thread-safe.
 */
@Command(
    name = "export-cert",
    mixinStandardHelpOptions = true,
    description =
        "Write this node's certificate (PEM, never the key) for peers to trust; print its"
            + " fingerprint.",
    footer = {
      "",
      "Example: BULWARK_HOME=/srv/bulwark-fin bulwark tls export-cert --out fin.pem",
      "Hand fin.pem to the peer's admin, who runs: bulwark peer trust fin --cert fin.pem"
    })
final class TlsExportCertCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the certificate (default: standard output).")
  Path out;

  @Override
  public Integer call() {
    NodeSettings settings = NodeSettings.load();
    X509Certificate certificate;
    try {
      certificate = certificate(settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("bulwark tls export-cert: " + e.getMessage());
      return 2;
    }
    String pem = NodeCertificates.pem(certificate);
    String fingerprint = NodeCertificates.fingerprint(certificate);
    if (out == null) {
      System.out.print(pem);
      System.err.println("fingerprint " + fingerprint);
      return 0;
    }
    try {
      Files.writeString(out, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      System.err.println("bulwark tls export-cert: cannot write " + out + ": " + e.getMessage());
      return 2;
    }
    System.out.printf(
        "wrote %s: the certificate of %s, fingerprint %s%n",
        out, certificate.getSubjectX500Principal().getName(), fingerprint);
    return 0;
  }

  /** The configured keystore's certificate, or the node's self-signed one. */
  static X509Certificate certificate(NodeSettings settings) {
    String keyStore = settings.property("server.ssl.key-store", "");
    if (!keyStore.isEmpty()) {
      return NodeCertificates.fromKeyStore(
          Path.of(keyStore.replaceFirst("^file:", "")),
          settings.property("server.ssl.key-store-type", "PKCS12"),
          settings.property("server.ssl.key-store-password", ""),
          settings.property("server.ssl.key-alias", ""));
    }
    return NodeCertificates.ownSelfSigned(
        settings.home(),
        settings.property("bulwark.tls.hostname", SelfSignedTls.defaultHostname()));
  }
}
