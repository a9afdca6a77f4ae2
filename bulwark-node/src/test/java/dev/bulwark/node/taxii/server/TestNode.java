package dev.bulwark.node.taxii.server;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.security.SelfSignedTls;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.testing.NodeHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real node, started once on a random port and shared by the TAXII test classes (starting
 * Spring is the slow part), with plain HTTP helpers. Tests make their own principals and objects,
 * so they do not depend on each other's order.
 */
final class TestNode {
  static final String TAXII = "application/taxii+json;version=2.1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static TestNode instance;

  final ConfigurableApplicationContext context;
  final int port;
  final Path home;
  final SSLContext trustingNode;
  final SSLContext sensorCertificate;
  private final HttpClient http;

  private TestNode(
      ConfigurableApplicationContext context,
      int port,
      Path home,
      SSLContext trustingNode,
      SSLContext sensorCertificate) {
    this.context = context;
    this.port = port;
    this.home = home;
    this.trustingNode = trustingNode;
    this.sensorCertificate = sensorCertificate;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(trustingNode)
            .build();
  }

  static synchronized TestNode get() {
    if (instance == null) {
      try {
        Path home = TempDirs.create("bulwark-taxii-test-");
        // a client certificate for the mTLS test, made the same way as the node's own
        Path sensorDir = home.resolve("sensor");
        String sensorPassword = SelfSignedTls.ensure(sensorDir, "sensor-1");
        KeyStore sensor = load(sensorDir.resolve("node.p12"), sensorPassword);
        KeyStore clientTrust = KeyStore.getInstance("PKCS12");
        clientTrust.load(null, null);
        clientTrust.setCertificateEntry("sensor", sensor.getCertificate("bulwark"));
        Path trustFile = home.resolve("client-trust.p12");
        try (var out = Files.newOutputStream(trustFile)) {
          clientTrust.store(out, "changeit".toCharArray());
        }
        ConfigurableApplicationContext ctx =
            BulwarkNodeApplication.start(
                "--server.port=0",
                // HTTPS with the self-signed certificate the node makes on first start, as in the
                // demo
                "--bulwark.tls.self-signed=true",
                "--server.ssl.client-auth=want",
                "--server.ssl.trust-store=" + trustFile,
                "--server.ssl.trust-store-password=changeit",
                "--server.ssl.trust-store-type=PKCS12",
                "--bulwark.home=" + home,
                "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
                "--logging.level.root=WARN",
                // fast hashes for tests only: tokens are 256-bit random, the count only slows
                // guessing
                "--bulwark.security.pbkdf2-iterations=1000",
                "--bulwark.taxii.max-content-length=1048576",
                "--bulwark.taxii.max-page-size=5000",
                "--bulwark.taxii.api-roots.second.title=Second root",
                "--bulwark.taxii.collections.intel.title=Shared intelligence",
                "--bulwark.taxii.collections.est-only.title=Estonian eyes",
                "--bulwark.taxii.collections.est-only.read=reader@EST,contributor@EST",
                "--bulwark.taxii.collections.est-only.write=contributor@EST",
                "--bulwark.taxii.collections.drop-box.title=Drop box",
                "--bulwark.taxii.collections.drop-box.read=peer",
                "--bulwark.taxii.collections.drop-box.write=contributor",
                "--bulwark.taxii.collections.elsewhere.title=In the second root",
                "--bulwark.taxii.collections.elsewhere.api-root=second",
                "--bulwark.taxii.collections.matrix.title=Releasability matrix");
        // stopped before its home is deleted at exit (Spring's own hook runs at the same time)
        TempDirs.closeBeforeDeleting(ctx);
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        SSLContext trusting = NodeHttp.trusting(home);
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(sensor, sensorPassword.toCharArray());
        SSLContext withCert = SSLContext.getInstance("TLS");
        withCert.init(kmf.getKeyManagers(), NodeHttp.trustManagers(home), null);
        instance = new TestNode(ctx, port, home, trusting, withCert);
        instance.sensorFingerprint =
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(sensor.getCertificate("bulwark").getEncoded()));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  String sensorFingerprint;

  private static KeyStore load(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(file)) {
      ks.load(in, password.toCharArray());
    }
    return ks;
  }

  /** Creates a principal and returns its token. */
  String principal(String name, String nation, String roles, Optional<String> identity) {
    Set<Role> r =
        Arrays.stream(roles.split(","))
            .map(Role::parse)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return context
        .getBean(PrincipalStore.class)
        .add(name, nation, r, identity, 0L, Optional.empty())
        .token();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  URI uri(String path) {
    return URI.create("https://localhost:" + port + path);
  }

  HttpResponse<String> get(String path, String token) {
    return send(request(path, token, TAXII).GET().build());
  }

  HttpResponse<String> get(String path, String token, String accept) {
    return send(request(path, token, accept).GET().build());
  }

  HttpResponse<String> post(String path, String token, String body) {
    return post(path, token, body, TAXII);
  }

  HttpResponse<String> post(String path, String token, String body, String contentType) {
    return send(
        request(path, token, TAXII)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> delete(String path, String token) {
    return send(request(path, token, TAXII).DELETE().build());
  }

  HttpRequest.Builder request(String path, String token, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  /** A valid STIX 2.1 campaign. */
  static String campaign(String id, String modified, String createdBy, String... markingRefs) {
    StringBuilder s =
        new StringBuilder("{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\"")
            .append(",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"")
            .append(modified)
            .append('"')
            .append(",\"name\":\"Campaign ")
            .append(id, 10, 18)
            .append('"');
    if (createdBy != null) {
      s.append(",\"created_by_ref\":\"").append(createdBy).append('"');
    }
    if (markingRefs.length > 0) {
      s.append(",\"object_marking_refs\":[")
          .append(
              Arrays.stream(markingRefs).map(m -> '"' + m + '"').collect(Collectors.joining(",")))
          .append(']');
    }
    return s.append('}').toString();
  }

  static String envelope(String... objects) {
    return "{\"objects\":[" + String.join(",", objects) + "]}";
  }

  static String newId(String type) {
    return type + "--" + UUID.randomUUID();
  }
}
