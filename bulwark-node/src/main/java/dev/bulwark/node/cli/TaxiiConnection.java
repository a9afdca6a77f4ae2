package dev.bulwark.node.cli;

import dev.bulwark.node.taxii.client.TaxiiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Option;

/**
 * The connection options every {@code bulwark taxii} command shares: credentials and which server
 * certificates to trust. A picocli mixin; not thread-safe.
 */
final class TaxiiConnection {
  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Principal name for HTTP Basic (else the token is sent as a bearer token).")
  String user;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "The principal's token (default: $BULWARK_TOKEN).")
  String token;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description =
          "Trust this server certificate: PEM, or a PKCS12 keystore with --cacert-password (a demo node's BULWARK_HOME/tls/node.p12).")
  Path cacert;

  @Option(
      names = "--cacert-password",
      paramLabel = "PASSWORD",
      description = "Password of a PKCS12 --cacert.")
  String cacertPassword;

  @Option(
      names = "--insecure",
      description = "Do not verify the server's certificate (a demo only).")
  boolean insecure;

  TaxiiClient client() throws IOException, GeneralSecurityException {
    TaxiiClient.Builder b = TaxiiClient.builder();
    String t = token != null ? token : System.getenv("BULWARK_TOKEN");
    if (t != null && !t.isBlank()) {
      if (user != null) {
        b.basic(user, t);
      } else {
        b.bearer(t);
      }
    }
    if (insecure) {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new TrustAll()}, null);
      b.sslContext(ctx);
    } else if (cacert != null) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      if (cacertPassword != null) {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cacert)) {
          p12.load(in, cacertPassword.toCharArray());
        }
        for (String alias : Collections.list(p12.aliases())) {
          trust.setCertificateEntry(alias, p12.getCertificate(alias));
        }
      } else {
        try (InputStream in = Files.newInputStream(cacert)) {
          int i = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            trust.setCertificateEntry("ca" + i++, c);
          }
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      b.sslContext(ctx);
    }
    return b.build();
  }

  /** Accepts any certificate: only behind --insecure, for a demo node's self-signed certificate. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
