package dev.bulwark.node.leaks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The plain HTTP the suite speaks to a node as one caller (HTTP Basic, or anonymous): raw status,
 * headers and body, so that every byte a caller receives can be scanned. Thread-safe.
 */
final class Api {
  static final String TAXII = "application/taxii+json;version=2.1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One answer. */
  record Answer(int status, HttpHeaders headers, String body) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final int port;
  private final Optional<String> authorization;

  private Api(int port, Optional<String> authorization) {
    this.port = port;
    this.authorization = authorization;
  }

  static Api as(int port, String name, String token) {
    return new Api(
        port,
        Optional.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8))));
  }

  static Api anonymous(int port) {
    return new Api(port, Optional.empty());
  }

  Answer get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET().build());
  }

  Answer taxii(String path) {
    return get(path, TAXII);
  }

  Answer post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Accept", contentType.startsWith("application/taxii") ? TAXII : "*/*")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /** Opens a server-sent event stream and collects what arrives until the window closes. */
  HttpResponse<InputStream> stream(String path) throws Exception {
    return HTTP.send(
        request(path).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60));
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b;
  }

  private static Answer send(HttpRequest r) {
    try {
      HttpResponse<String> a =
          HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(a.statusCode(), a.headers(), a.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.method() + " " + r.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
