package dev.bulwark.node.exchange.taxii;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.storage.NodeDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real node, started once on a random port and shared by the TAXII test classes (starting Spring
 * is the slow part), with plain HTTP helpers. Tests make their own principals and objects, so they do
 * not depend on each other's order.
 */
final class TestNode {
  static final String TAXII = "application/taxii+json;version=2.1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static TestNode instance;

  final ConfigurableApplicationContext context;
  final int port;
  final Path home;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestNode(ConfigurableApplicationContext context, int port, Path home) {
    this.context = context;
    this.port = port;
    this.home = home;
  }

  static synchronized TestNode get() {
    if (instance == null) {
      try {
        Path home = Files.createTempDirectory("bulwark-taxii-test-");
        ConfigurableApplicationContext ctx =
            BulwarkNodeApplication.start(
                "--server.port=0",
                "--bulwark.home=" + home,
                "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
                "--logging.level.root=WARN",
                // fast hashes for tests only: tokens are 256-bit random, the count only slows guessing
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
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        instance = new TestNode(ctx, port, home);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** Creates a principal and returns its token. */
  String principal(String name, String nation, String roles, Optional<String> identity) {
    Set<Role> r = Arrays.stream(roles.split(",")).map(Role::parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return context.getBean(PrincipalStore.class).add(name, nation, r, identity, 0L, Optional.empty()).token();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
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
    return send(request(path, token, TAXII).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
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
    StringBuilder s = new StringBuilder("{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\"")
        .append(",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"").append(modified).append('"')
        .append(",\"name\":\"Campaign ").append(id, 10, 18).append('"');
    if (createdBy != null) {
      s.append(",\"created_by_ref\":\"").append(createdBy).append('"');
    }
    if (markingRefs.length > 0) {
      s.append(",\"object_marking_refs\":[")
          .append(Arrays.stream(markingRefs).map(m -> '"' + m + '"').collect(Collectors.joining(",")))
          .append(']');
    }
    return s.append('}').toString();
  }

  static String envelope(String... objects) {
    return "{\"objects\":[" + String.join(",", objects) + "]}";
  }

  static String newId(String type) {
    return type + "--" + java.util.UUID.randomUUID();
  }
}
