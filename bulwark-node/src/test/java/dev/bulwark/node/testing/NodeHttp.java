package dev.bulwark.node.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plain HTTP client of a test node's API, as one principal (HTTP Basic with its name and token)
 * or anonymous, shared by the node's tests; over HTTPS it trusts exactly the node's self-signed
 * certificate (from its BULWARK_HOME/tls). Thread-safe.
 */
public final class NodeHttp {
  /** The JSON mapper the tests read answers with. */
  public static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient PLAIN =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient http;
  private final String base;
  private final Optional<String> auth;

  private NodeHttp(HttpClient http, String base, Optional<String> auth) {
    this.http = http;
    this.base = base;
    this.auth = auth;
  }

  /** A principal's client of a node over plain HTTP. */
  public NodeHttp(String base, String user, String token) {
    this(PLAIN, base, Optional.of(basic(user, token)));
  }

  /** A principal's client of a node that may serve HTTPS with the certificate in {@code home}. */
  public NodeHttp(String base, String user, String token, Path home) {
    this(client(base, home), base, Optional.of(basic(user, token)));
  }

  /** A client without credentials (the public, or a caller who did not sign in). */
  public static NodeHttp anonymous(String base) {
    return new NodeHttp(PLAIN, base, Optional.empty());
  }

  private static String basic(String user, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpClient client(String base, Path home) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (base.startsWith("https")) {
      b.sslContext(trusting(home));
    }
    return b.build();
  }

  /** An SSL context that trusts the node's own certificate. */
  public static SSLContext trusting(Path home) {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, trustManagers(home), null);
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the node's certificate: " + e, e);
    }
  }

  /** Trust managers that trust exactly the node's own certificate (from its home's tls folder). */
  public static TrustManager[] trustManagers(Path home) {
    try {
      Path tls = home.resolve("tls");
      char[] password = Files.readString(tls.resolve("node.pass")).trim().toCharArray();
      KeyStore node = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.resolve("node.p12"))) {
        node.load(in, password);
      }
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("node", node.getCertificate("bulwark"));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      return tmf.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the node's certificate: " + e, e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A GET that asks for TAXII 2.1 content. */
  public HttpResponse<String> getTaxii(String path) {
    return send(request(path).header("Accept", "application/taxii+json;version=2.1").GET());
  }

  /** A GET that must answer 200 with JSON. */
  public JsonNode getJson(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST of JSON. */
  public HttpResponse<String> post(String path, String json) {
    return postJson(path, json);
  }

  public HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    auth.ifPresent(a -> b.header("Authorization", a));
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder r) {
    HttpRequest request = r.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
