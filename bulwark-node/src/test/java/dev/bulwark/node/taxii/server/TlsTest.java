package dev.bulwark.node.taxii.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TAXII section 8.2.2 over the test node, which serves HTTPS with the self-signed certificate it
 * made on first start (as the demo does): TLS 1.2 and 1.3 accepted (older versions are off in the
 * JDK on both ends, and {@code server.ssl.enabled-protocols} names only these two); and the
 * optional client-certificate authentication of section 8.3.1.
 */
class TlsTest {
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.get();
  }

  private static HttpResponse<String> get(SSLContext ssl, String protocol, String path)
      throws Exception {
    SSLParameters params = new SSLParameters();
    params.setProtocols(new String[] {protocol});
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .sslParameters(params)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        HttpRequest.newBuilder(node.uri(path)).header("Accept", TestNode.TAXII).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTls13AndTls12() throws Exception {
    assertThat(get(node.trustingNode, "TLSv1.3", "/taxii2/").statusCode()).isEqualTo(200);
    assertThat(get(node.trustingNode, "TLSv1.2", "/taxii2/").statusCode()).isEqualTo(200);
  }

  @Test
  void anUntrustedClientRefusesTheSelfSignedCertificate() {
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(node.uri("/taxii2/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()))
        .hasMessageContaining("PKIX");
  }

  @Test
  void aRegisteredClientCertificateAuthenticatesItsPrincipal() throws Exception {
    PrincipalStore principals = node.bean(PrincipalStore.class);
    principals.add(
        "tls-sensor",
        "LVA",
        EnumSet.of(Role.CONTRIBUTOR),
        Optional.empty(),
        0L,
        Optional.of(node.sensorFingerprint));
    HttpResponse<String> withCert = get(node.sensorCertificate, "TLSv1.3", "/bulwark/collections/");
    assertThat(withCert.statusCode()).as(withCert.body()).isEqualTo(200);
    assertThat(get(node.trustingNode, "TLSv1.3", "/bulwark/collections/").statusCode())
        .isEqualTo(401);
    principals.revoke("tls-sensor");
    assertThat(get(node.sensorCertificate, "TLSv1.3", "/bulwark/collections/").statusCode())
        .isEqualTo(401);
  }
}
