package dev.bulwark.node.federation;

import dev.bulwark.node.security.NodeCertificates;
import dev.bulwark.node.taxii.client.TaxiiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Makes the TAXII client that logs in at a peer. Stateless; thread-safe. */
final class PeerClients {
  private PeerClients() {}

  static TaxiiClient forPeer(Peer peer) {
    TaxiiClient.Builder builder = TaxiiClient.builder().timeout(Duration.ofSeconds(30));
    if (peer.authUser().isEmpty()) {
      builder.bearer(peer.authSecret());
    } else {
      builder.basic(peer.authUser(), peer.authSecret());
    }
    if (!peer.pinnedCertificate().isEmpty()) {
      builder.sslContext(pinned(peer.pinnedCertificate()));
    } else if (!peer.trustStore().isEmpty()) {
      builder.sslContext(trusting(Path.of(peer.trustStore()), peer.trustPassword()));
    }
    return builder.build();
  }

  /**
   * Trusts exactly the pinned certificate (PEM: it is the only trust anchor, and the host name must
   * be one it names) or any certificate with the pinned SHA-256 fingerprint.
   */
  static SSLContext pinned(String pin) {
    try {
      TrustManager[] managers;
      if (pin.startsWith(NodeCertificates.SHA256)) {
        managers = new TrustManager[] {new FingerprintTrust(pin)};
      } else {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peer", NodeCertificates.parsePem(pin));
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        managers = tmf.getTrustManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot use the pinned certificate: " + e.getMessage(), e);
    }
  }

  /** Trusts a server whose own certificate has the pinned fingerprint. */
  private record FingerprintTrust(String pin) implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      String seen = NodeCertificates.fingerprint(chain[0]);
      if (!seen.equals(pin)) {
        throw new CertificateException(
            "the peer's certificate " + seen + " is not the pinned " + pin);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("not a server's trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  static SSLContext trusting(Path trustStore, String password) {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot load trust store " + trustStore + ": " + e.getMessage(), e);
    }
  }
}
