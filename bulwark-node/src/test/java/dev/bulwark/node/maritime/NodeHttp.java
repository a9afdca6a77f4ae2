package dev.bulwark.node.maritime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of a test node's API with a principal's name and token; over HTTPS it trusts
 * exactly the node's self-signed certificate (from its BULWARK_HOME/tls).
 */
public final class NodeHttp {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String base;
  private final String auth;

  public NodeHttp(String base, String user, String token, Path home) {
    this.base = base;
    this.auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (base.startsWith("https")) {
      b.sslContext(trusting(home));
    }
    this.http = b.build();
  }

  /** An SSL context that trusts the node's own certificate. */
  public static SSLContext trusting(Path home) {
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
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust the node's certificate: " + e, e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", auth)
            .GET()
            .build());
  }

  public JsonNode getJson(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(r.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
