package dev.bulwark.node.workbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of a test node as one principal (or anonymous), for the workbench tests. */
final class WorkbenchHttp {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Optional<String> auth;

  WorkbenchHttp(String base, String user, String token) {
    this.base = base;
    this.auth =
        Optional.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)));
  }

  private WorkbenchHttp(String base) {
    this.base = base;
    this.auth = Optional.empty();
  }

  static WorkbenchHttp anonymous(String base) {
    return new WorkbenchHttp(base);
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  JsonNode getJson(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A TAXII 2.1 envelope post (Accept and Content-Type as TAXII wants them). */
  HttpResponse<String> postTaxii(String path, String body) {
    String taxii = "application/taxii+json;version=2.1";
    return send(
        request(path)
            .header("Accept", taxii)
            .header("Content-Type", taxii)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  JsonNode postJsonOk(String path, String body) {
    HttpResponse<String> r = postJson(path, body);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    auth.ifPresent(a -> b.header("Authorization", a));
    return b;
  }

  private static HttpResponse<String> send(HttpRequest.Builder r) {
    try {
      return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
