package dev.bulwark.node.federation;

import dev.bulwark.node.taxii.client.TaxiiClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
    if (!peer.trustStore().isEmpty()) {
      builder.sslContext(trusting(Path.of(peer.trustStore()), peer.trustPassword()));
    }
    return builder.build();
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
