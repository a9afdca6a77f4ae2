package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.markings.Tlp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The node as the OASIS Python {@code taxii2-client} 2.3.0 ({@code taxii2client.v21}) sees it: the
 * requests here are byte for byte what that client sends (its User-Agent, its Accept and
 * Content-Type without a space, HTTP Basic with the principal's name and token, a STIX bundle as
 * the POST body, {@code match[type]} values joined with commas, {@code next} with a {@code limit}
 * that the client's {@code as_pages} changes between pages, the status URL it derives from the
 * collection URL), and the checks are the ones the client makes on each answer (its Content-Type
 * token test, the required fields it validates, the counts of the status resource). The client
 * itself was run against a demo node as recorded in docs/taxii.md.
 */
class OasisPythonClientTest {
  /** What taxii2client 2.3.0 puts in Accept and Content-Type (MEDIA_TYPE_TAXII_V21). */
  static final String CLIENT_MEDIA_TYPE = "application/taxii+json;version=2.1";

  static final String USER_AGENT = "taxii2-client/2.3.0";
  static final String EST_ID = "identity--5f1d0c2e-7a43-4c2e-9d8f-1a2b3c4d5e70";
  static TestNode node;
  static String token;
  static String basic;

  @BeforeAll
  static void start() {
    node = TestNode.get();
    token = node.principal("py-analyst", "EST", "reader,contributor", Optional.of(EST_ID));
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("py-analyst:" + token).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A GET as _HTTPConnection.get sends it: requests' query encoding, User-Agent, Accept, Basic
   * auth.
   */
  private static HttpResponse<String> clientGet(String url, String... params) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      q.append(q.length() == 0 ? "?" : "&")
          .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return node.send(
        HttpRequest.newBuilder(URI.create(url + q))
            .header("User-Agent", USER_AGENT)
            .header("Accept", CLIENT_MEDIA_TYPE)
            .header("Authorization", basic)
            .GET()
            .build());
  }

  /**
   * The client's valid_content_type for version 2.1: every Accept token among the Content-Type's.
   */
  private static void assertClientAccepts(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String contentType = r.headers().firstValue("Content-Type").orElse("");
    List<String> got = Arrays.asList(contentType.replace(" ", "").split(";"));
    assertThat(got.get(0)).isEqualTo("application/taxii+json");
    assertThat(got).containsAll(Arrays.asList(CLIENT_MEDIA_TYPE.split(";")));
  }

  private static String base() {
    return "https://localhost:" + node.port;
  }

  /** Server discovery, then the api root, then its collections, as Server/ApiRoot/Collection do. */
  private static String intelCollectionUrl() {
    HttpResponse<String> d = clientGet(base() + "/taxii2/");
    assertClientAccepts(d);
    assertThat(json(d).path("title").asString()).isNotBlank();
    String root = json(d).path("default").asString();
    assertThat(json(d).path("api_roots")).extracting(JsonNode::asString).contains(root);
    HttpResponse<String> a = clientGet(root);
    assertClientAccepts(a);
    assertThat(json(a).path("title").asString()).isNotBlank();
    assertThat(json(a).path("versions").isEmpty()).isFalse();
    assertThat(json(a).path("max_content_length").isNumber()).isTrue();
    HttpResponse<String> cs = clientGet(root + "collections/");
    assertClientAccepts(cs);
    for (JsonNode c : json(cs).path("collections")) {
      if (c.path("alias").asString().equals("intel")) {
        String url = root + "collections/" + c.path("id").asString() + "/";
        // _validate_collection: id, title, can_read, can_write present, and the id inside the URL
        assertThat(c.path("title").asString()).isNotBlank();
        assertThat(c.has("can_read") && c.has("can_write")).isTrue();
        assertClientAccepts(clientGet(url));
        return url;
      }
    }
    throw new AssertionError("no intel collection in " + cs.body());
  }

  private static String bundle(String... objects) {
    return "{\"type\":\"bundle\",\"id\":\"bundle--"
        + UUID.randomUUID()
        + "\",\"objects\":["
        + String.join(",", objects)
        + "]}";
  }

  @Test
  void addObjectsWithABundleAndPollTheStatus() {
    String collection = intelCollectionUrl();
    String a = newId("campaign");
    String b = newId("campaign");
    String green = Tlp.GREEN.markingDefinitionId();
    HttpResponse<String> posted =
        node.send(
            HttpRequest.newBuilder(URI.create(collection + "objects/"))
                .header("User-Agent", USER_AGENT)
                .header("Accept", CLIENT_MEDIA_TYPE)
                .header("Content-Type", CLIENT_MEDIA_TYPE)
                .header("Authorization", basic)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        bundle(
                            campaign(a, "2026-02-01T00:00:00.000Z", EST_ID, green),
                            campaign(b, "2026-02-01T00:00:00.000Z", EST_ID, green)),
                        StandardCharsets.UTF_8))
                .build());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    JsonNode s = json(posted);
    assertStatusValidates(s);
    assertThat(s.path("success_count").asInt()).isEqualTo(2);
    // Collection.add_objects: urljoin(collection_url, "../../status/" + id), then a trailing slash
    String statusUrl =
        URI.create(collection).resolve("../../status/" + s.path("id").asString()) + "/";
    HttpResponse<String> polled = clientGet(statusUrl);
    assertClientAccepts(polled);
    assertStatusValidates(json(polled));
    assertThat(json(polled).path("status").asString()).isEqualTo("complete");
  }

  /** Status._validate_status of the client. */
  private static void assertStatusValidates(JsonNode s) {
    assertThat(s.path("id").asString()).isNotBlank();
    assertThat(s.path("status").asString()).isNotBlank();
    int success = s.path("success_count").asInt(-1);
    int failure = s.path("failure_count").asInt(-1);
    int pending = s.path("pending_count").asInt(-1);
    assertThat(success).isNotNegative();
    assertThat(failure).isNotNegative();
    assertThat(pending).isNotNegative();
    assertThat(s.path("total_count").asInt()).isEqualTo(success + failure + pending);
    assertThat(s.path("successes").size()).isEqualTo(success);
    assertThat(s.path("failures").size()).isEqualTo(failure);
  }

  @Test
  void asPagesWalksEveryObjectOnceEvenWhenItChangesTheLimit() {
    String collection = intelCollectionUrl();
    List<String> mine = new ArrayList<>();
    StringBuilder objects = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      String id = newId("campaign");
      mine.add(id);
      objects
          .append(i > 0 ? "," : "")
          .append(
              campaign(id, "2026-02-02T00:00:00.000Z", EST_ID, Tlp.GREEN.markingDefinitionId()));
    }
    HttpResponse<String> posted =
        node.post(
            collection.substring(base().length()) + "objects/",
            token,
            "{\"objects\":[" + objects + "]}");
    assertThat(posted.statusCode()).isEqualTo(202);
    // as_pages(get_objects, per_request=3, type="campaign"); when a page holds fewer objects than
    // asked, the client continues with limit set to that count, and next from the previous page
    Set<String> seen = new HashSet<>();
    HttpResponse<String> page =
        clientGet(collection + "objects/", "limit", "3", "match[type]", "campaign,indicator");
    int pages = 0;
    while (true) {
      assertClientAccepts(page);
      JsonNode env = json(page);
      pages++;
      for (JsonNode o : env.path("objects")) {
        assertThat(o.path("type").asString()).isIn("campaign", "indicator");
        assertThat(seen.add(o.path("id").asString() + "@" + o.path("modified").asString()))
            .isTrue();
      }
      if (!env.path("more").asBoolean(false)) {
        break;
      }
      // the next pages with another limit, as as_pages sends them after a short page
      page =
          clientGet(
              collection + "objects/",
              "limit",
              "2",
              "next",
              env.path("next").asString(),
              "match[type]",
              "campaign,indicator");
    }
    assertThat(seen.stream().map(s -> s.substring(0, s.indexOf('@')))).containsAll(mine);
    assertThat(pages).isGreaterThan(2);
  }

  @Test
  void versionsManifestAndTimestampFilters() {
    String collection = intelCollectionUrl();
    String id = newId("campaign");
    String green = Tlp.GREEN.markingDefinitionId();
    node.post(
        collection.substring(base().length()) + "objects/",
        token,
        "{\"objects\":["
            + campaign(id, "2026-02-03T00:00:00.000Z", EST_ID, green)
            + ","
            + campaign(id, "2026-02-04T00:00:00.000Z", EST_ID, green)
            + "]}");
    HttpResponse<String> versions = clientGet(collection + "objects/" + id + "/versions/");
    assertClientAccepts(versions);
    assertThat(json(versions).path("versions"))
        .extracting(JsonNode::asString)
        .containsExactly("2026-02-03T00:00:00.000Z", "2026-02-04T00:00:00.000Z");
    // _format_datetime writes whole seconds without a fraction, and microseconds without trailing
    // zeros
    HttpResponse<String> atSecond =
        clientGet(collection + "objects/" + id + "/", "match[version]", "2026-02-03T00:00:00Z");
    assertClientAccepts(atSecond);
    assertThat(json(atSecond).path("objects")).hasSize(1);
    HttpResponse<String> since =
        clientGet(
            collection + "objects/",
            "added_after",
            "2026-01-01T00:00:00.5Z",
            "match[id]",
            id,
            "match[version]",
            "all");
    assertClientAccepts(since);
    assertThat(json(since).path("objects")).hasSize(2);
    HttpResponse<String> manifest =
        clientGet(collection + "manifest/", "match[id]", id, "limit", "1");
    assertClientAccepts(manifest);
    assertThat(json(manifest).path("objects").get(0).path("version").asString())
        .isEqualTo("2026-02-04T00:00:00.000Z");
  }

  @Test
  void theClientsTokenAuthSchemeAuthenticates() {
    // taxii2client.common.TokenAuth sends "Authorization: Token <key>"
    HttpResponse<String> r =
        node.send(
            HttpRequest.newBuilder(URI.create(base() + "/bulwark/collections/"))
                .header("User-Agent", USER_AGENT)
                .header("Accept", CLIENT_MEDIA_TYPE)
                .header("Authorization", "Token " + token)
                .GET()
                .build());
    assertClientAccepts(r);
    HttpResponse<String> wrong =
        node.send(
            HttpRequest.newBuilder(URI.create(base() + "/bulwark/collections/"))
                .header("Accept", CLIENT_MEDIA_TYPE)
                .header(
                    "Authorization",
                    "Token bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .GET()
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
  }
}
