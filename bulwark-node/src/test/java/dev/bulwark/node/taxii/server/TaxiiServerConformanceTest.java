package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.TAXII;
import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.envelope;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The TAXII 2.1 server against the MUSTs of the standard, over real HTTP to a node on a random
 * port. Section 8.1.1 (TAXII 2.1 Server) requires 8.1.2 (Collections Server), which requires
 * sections 3, 4, 5 and 8.2. Covered here (test method in brackets):
 *
 * <ul>
 *   <li>8.2.1-1 discovery at /taxii2/ at the server root [discoveryListsTheApiRoots]
 *   <li>8.2.1-2/3 at least one API root, several allowed [discoveryListsTheApiRoots,
 *       collectionsLiveInTheirOwnApiRoot]
 *   <li>8.2.1-7 no User-Agent needed [requestsWithoutUserAgentAreServed]
 *   <li>8.2.2-5 HTTP Basic [basicAndBearerBothAuthenticate]; bad/expired/revoked credentials 401
 *       [badCredentialsAre401]
 *   <li>3.1 every response carries the TAXII media type and version [every test checks
 *       Content-Type]
 *   <li>3.1 TAXII Accept is never 406; others are 406 [acceptNegotiation]; POST content type 415
 *       [postNeedsTaxiiContentType]
 *   <li>3.2 X-TAXII-Date-Added-First/Last on manifest, objects, object, versions [dateAddedHeaders]
 *   <li>3.3 objects and manifest sorted by date_added; collections in a stable order
 *       [objectsComeInDateAddedOrder, collectionsListIsStable]
 *   <li>3.4 malformed filters 400 [malformedFiltersAre400]; match fields ANDed, values ORed
 *       [matchTypeAndId]; match[version] first/last/all/timestamp, default last [matchVersion];
 *       spec_version [matchSpecVersion]; added_after [addedAfterFilters]; limit never exceeded,
 *       more set [pagingWithNextSeesEveryObjectOnce]
 *   <li>3.5 paging with next and with added_after from X-TAXII-Date-Added-Last, exact while objects
 *       are added [pagingWithNextSeesEveryObjectOnce, pagingWithAddedAfterHeader]; forged next 400
 *       [forgedNextIs400]
 *   <li>3.6.1 error message resource on errors [unknownCollectionIs404WithErrorMessage and others]
 *   <li>4.1 discovery resource; 4.2 API root resource with versions and max_content_length
 *       [apiRootInformation]
 *   <li>4.3 status resource after POST, same later from GET status
 *       [postReturnsStatusAndStatusCanBeRead]
 *   <li>5.1/5.2 collections and collection resources with can_read/can_write/media_types, 403/404
 *       by grant [collectionsShowOnlyWhatThePrincipalMaySee, readAndWriteGrantsGive403And404]
 *   <li>5.3 manifest [manifestRecords]; 5.4 objects, empty envelope
 *       [emptyCollectionGivesEmptyEnvelope]
 *   <li>5.5 add objects: 202 + status, duplicates are not errors, max_content_length 413
 *       [postReturnsStatusAndStatusCanBeRead, duplicatesAreNotErrors, oversizeBodyIs413]
 *   <li>5.6 get an object (all versions with match[version]=all), 404 when absent
 *       [getObjectAndVersions]
 *   <li>5.7 delete: afterwards 404 and absent from manifest and objects [deleteRemovesEverywhere]
 *   <li>5.8 versions resource [getObjectAndVersions]
 * </ul>
 *
 * 8.2.2-1..4 (HTTPS, TLS 1.2/1.3, no 0-RTT) are covered by {@link TlsTest}.
 */
class TaxiiServerConformanceTest {
  static TestNode node;
  static String estToken;
  static String lvaToken;
  static String adminToken;
  static String peerToken;
  static final String EST_ID = "identity--0b7d9c1e-5a43-4c2e-9d8f-1a2b3c4d5e6f";
  static final String LVA_ID = "identity--1c8e0d2f-6b54-4d3f-8e9a-2b3c4d5e6f70";
  static final String ROOT = "/bulwark/";
  static final String INTEL = "/bulwark/collections/intel/";

  @BeforeAll
  static void start() {
    node = TestNode.get();
    estToken = node.principal("conf-est", "EST", "reader,contributor", Optional.of(EST_ID));
    lvaToken = node.principal("conf-lva", "LVA", "reader,contributor", Optional.of(LVA_ID));
    adminToken = node.principal("conf-admin", "EST", "admin", Optional.empty());
    peerToken = node.principal("conf-peer", "DEU", "peer", Optional.empty());
  }

  private static void assertTaxii(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(TAXII);
  }

  private static void assertError(HttpResponse<String> r, int status) {
    assertTaxii(r, status);
    JsonNode e = json(r);
    assertThat(e.path("title").asString()).isNotBlank();
    assertThat(e.path("http_status").asString()).isEqualTo(Integer.toString(status));
  }

  private static List<String> post(String collectionPath, String token, String... objects) {
    HttpResponse<String> r = node.post(collectionPath + "objects/", token, envelope(objects));
    assertTaxii(r, 202);
    List<String> failures = new ArrayList<>();
    json(r)
        .path("failures")
        .forEach(f -> failures.add(f.path("id").asString() + ": " + f.path("message").asString()));
    return failures;
  }

  private static List<String> ids(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    json(r).path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  @Test
  void discoveryListsTheApiRoots() {
    HttpResponse<String> r = node.get("/taxii2/", null);
    assertTaxii(r, 200);
    JsonNode d = json(r);
    assertThat(d.path("title").asString()).isNotBlank();
    assertThat(d.path("default").asString())
        .isEqualTo("https://localhost:" + node.port + "/bulwark/");
    assertThat(d.path("api_roots"))
        .extracting(JsonNode::asString)
        .contains(
            "https://localhost:" + node.port + "/bulwark/",
            "https://localhost:" + node.port + "/second/");
  }

  @Test
  void apiRootInformation() {
    HttpResponse<String> r = node.get(ROOT, estToken);
    assertTaxii(r, 200);
    JsonNode a = json(r);
    assertThat(a.path("title").asString()).isNotBlank();
    assertThat(a.path("versions")).extracting(JsonNode::asString).containsExactly(TAXII);
    assertThat(a.path("max_content_length").asLong()).isEqualTo(1048576);
    assertError(node.get("/nowhere/", estToken), 404);
    assertError(node.get(ROOT, null), 401);
  }

  @Test
  void requestsWithoutUserAgentAreServed() {
    // java.net.http sends a User-Agent by default; a raw request without one proves the point
    HttpResponse<String> r =
        node.send(
            node.request(ROOT + "collections/", estToken, TAXII)
                .header("User-Agent", "")
                .GET()
                .build());
    assertTaxii(r, 200);
  }

  @Test
  void basicAndBearerBothAuthenticate() {
    String basic =
        Base64.getEncoder()
            .encodeToString(("conf-est:" + estToken).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        node.send(
            node.request(ROOT, null, TAXII)
                .header("Authorization", "Basic " + basic)
                .GET()
                .build());
    assertTaxii(r, 200);
    assertTaxii(node.get(ROOT, estToken), 200);
    // the token of one principal with the name of another is refused
    String wrongName =
        Base64.getEncoder()
            .encodeToString(("conf-lva:" + estToken).getBytes(StandardCharsets.UTF_8));
    assertError(
        node.send(
            node.request(ROOT, null, TAXII)
                .header("Authorization", "Basic " + wrongName)
                .GET()
                .build()),
        401);
  }

  @Test
  void badCredentialsAre401() {
    HttpResponse<String> forged =
        node.get(ROOT, "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertError(forged, 401);
    assertThat(forged.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
    assertError(node.get(ROOT, "not-a-token"), 401);
    PrincipalStore principals = node.bean(PrincipalStore.class);
    String revoked = node.principal("conf-revoked", "EST", "reader", Optional.empty());
    assertTaxii(node.get(ROOT, revoked), 200);
    principals.revoke("conf-revoked");
    HttpResponse<String> afterRevoke = node.get(INTEL + "objects/", revoked);
    assertError(afterRevoke, 401);
    assertThat(afterRevoke.body()).doesNotContain("campaign");
    String expired =
        principals
            .add(
                "conf-expired",
                "EST",
                EnumSet.of(Role.READER),
                Optional.empty(),
                1L,
                Optional.empty())
            .token();
    assertError(node.get(INTEL + "objects/", expired), 401);
  }

  @Test
  void acceptNegotiation() {
    assertTaxii(node.get(ROOT, estToken, "application/taxii+json;version=2.1"), 200);
    assertTaxii(node.get(ROOT, estToken, "application/taxii+json"), 200);
    assertError(node.get(ROOT, estToken, "application/json"), 406);
    assertError(node.get(INTEL + "objects/", estToken, "application/taxii+json;version=2.0"), 406);
    assertError(node.get("/taxii2/", null, "text/html"), 406);
  }

  @Test
  void postNeedsTaxiiContentType() {
    String body = envelope(campaign(newId("campaign"), "2026-01-02T00:00:00.000Z", EST_ID));
    assertError(node.post(INTEL + "objects/", estToken, body, "application/json"), 415);
    assertError(node.post(INTEL + "objects/", estToken, "{not json", TAXII), 400);
  }

  @Test
  void oversizeBodyIs413() {
    String big =
        envelope(campaign(newId("campaign"), "2026-01-02T00:00:00.000Z", EST_ID))
            .replace(
                "\"name\":\"", "\"description\":\"" + "x".repeat(1_100_000) + "\",\"name\":\"");
    HttpResponse<String> r = node.post(INTEL + "objects/", estToken, big);
    assertError(r, 413);
  }

  @Test
  void postReturnsStatusAndStatusCanBeRead() {
    String good = newId("campaign");
    String notMine = newId("campaign");
    HttpResponse<String> r =
        node.post(
            INTEL + "objects/",
            estToken,
            envelope(
                campaign(good, "2026-01-02T00:00:00.000Z", EST_ID),
                campaign(notMine, "2026-01-02T00:00:00.000Z", LVA_ID),
                "{\"type\":\"campaign\",\"id\":\"campaign--bad\"}"));
    assertTaxii(r, 202);
    JsonNode s = json(r);
    assertThat(s.path("status").asString()).isEqualTo("complete");
    assertThat(s.path("total_count").asInt()).isEqualTo(3);
    assertThat(s.path("success_count").asInt()).isEqualTo(1);
    assertThat(s.path("failure_count").asInt()).isEqualTo(2);
    assertThat(s.path("pending_count").asInt()).isZero();
    assertThat(s.path("successes").get(0).path("id").asString()).isEqualTo(good);
    assertThat(s.path("failures").toString()).contains(notMine, "created_by_ref", "invalid STIX");
    HttpResponse<String> again =
        node.get(ROOT + "status/" + s.path("id").asString() + "/", estToken);
    assertTaxii(again, 200);
    assertThat(json(again)).isEqualTo(s);
    // somebody else's status does not exist for them
    assertError(node.get(ROOT + "status/" + s.path("id").asString() + "/", lvaToken), 404);
    assertTaxii(node.get(ROOT + "status/" + s.path("id").asString() + "/", adminToken), 200);
  }

  @Test
  void duplicatesAreNotErrors() {
    String c = campaign(newId("campaign"), "2026-01-02T00:00:00.000Z", EST_ID);
    assertThat(post(INTEL, estToken, c)).isEmpty();
    assertThat(post(INTEL, estToken, c)).isEmpty();
  }

  @Test
  void writeRulesRefuseOthersVersionsAndLooserMarkings() {
    String id = newId("campaign");
    assertThat(
            post(
                INTEL,
                estToken,
                campaign(id, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.AMBER.markingDefinitionId())))
        .isEmpty();
    // a newer version by someone else of the same nation
    String otherEst =
        node.principal(
            "conf-est-other-" + id.substring(10, 18), "EST", "contributor", Optional.empty());
    assertThat(post(INTEL, otherEst, campaign(id, "2026-01-03T00:00:00.000Z", null)))
        .singleElement()
        .asString()
        .contains("another principal");
    // another nation that may not read it adds its own object under that id, never a version of
    // EST's
    assertThat(post(INTEL, lvaToken, campaign(id, "2026-01-03T00:00:00.000Z", LVA_ID))).isEmpty();
    assertThat(
            json(node.get(INTEL + "objects/" + id + "/", estToken))
                .path("objects")
                .get(0)
                .path("modified")
                .asString())
        .isEqualTo("2026-01-02T00:00:00.000Z");
    // a newer version that loosens AMBER to GREEN
    assertThat(
            post(
                INTEL,
                estToken,
                campaign(id, "2026-01-04T00:00:00.000Z", EST_ID, Tlp.GREEN.markingDefinitionId())))
        .singleElement()
        .asString()
        .contains("loosens");
    // tightening is fine
    assertThat(
            post(
                INTEL,
                estToken,
                campaign(
                    id,
                    "2026-01-05T00:00:00.000Z",
                    EST_ID,
                    Tlp.AMBER_STRICT.markingDefinitionId())))
        .isEmpty();
    // an unknown marking is refused (nobody could ever read the object)
    assertThat(
            post(
                INTEL,
                estToken,
                campaign(
                    newId("campaign"),
                    "2026-01-05T00:00:00.000Z",
                    EST_ID,
                    newId("marking-definition"))))
        .singleElement()
        .asString()
        .contains("does not hold");
    // an admin may author for anyone
    assertThat(
            post(
                INTEL, adminToken, campaign(newId("campaign"), "2026-01-05T00:00:00.000Z", LVA_ID)))
        .isEmpty();
  }

  @Test
  void collectionsShowOnlyWhatThePrincipalMaySee() {
    HttpResponse<String> est = node.get(ROOT + "collections/", estToken);
    assertTaxii(est, 200);
    List<String> aliases = new ArrayList<>();
    json(est)
        .path("collections")
        .forEach(
            c -> {
              aliases.add(c.path("alias").asString());
              assertThat(c.path("id").asString()).matches("[0-9a-f-]{36}");
              assertThat(c.path("media_types"))
                  .extracting(JsonNode::asString)
                  .contains("application/stix+json;version=2.1");
              assertThat(c.has("can_read") && c.has("can_write")).isTrue();
            });
    assertThat(aliases).contains("intel", "est-only", "drop-box").doesNotContain("elsewhere");
    List<String> lva = new ArrayList<>();
    json(node.get(ROOT + "collections/", lvaToken))
        .path("collections")
        .forEach(c -> lva.add(c.path("alias").asString()));
    assertThat(lva).contains("intel", "drop-box").doesNotContain("est-only");
    HttpResponse<String> one = node.get(ROOT + "collections/est-only/", estToken);
    assertTaxii(one, 200);
    assertThat(json(one).path("can_read").asBoolean()).isTrue();
    String byId = json(one).path("id").asString();
    assertTaxii(node.get(ROOT + "collections/" + byId + "/", estToken), 200);
  }

  @Test
  void collectionsListIsStable() {
    String first = node.get(ROOT + "collections/", estToken).body();
    assertThat(node.get(ROOT + "collections/", estToken).body()).isEqualTo(first);
  }

  @Test
  void collectionsLiveInTheirOwnApiRoot() {
    assertTaxii(node.get("/second/collections/elsewhere/", estToken), 200);
    assertError(node.get(ROOT + "collections/elsewhere/", estToken), 404);
  }

  @Test
  void readAndWriteGrantsGive403And404() {
    // est-only is invisible to a Latvian: 404, as if it did not exist
    assertError(node.get(ROOT + "collections/est-only/", lvaToken), 404);
    assertError(node.get(ROOT + "collections/est-only/objects/", lvaToken), 404);
    // drop-box: contributors may write but not read
    assertError(node.get(ROOT + "collections/drop-box/objects/", estToken), 403);
    assertError(node.get(ROOT + "collections/drop-box/manifest/", estToken), 403);
    assertThat(
            post(
                ROOT + "collections/drop-box/",
                estToken,
                campaign(newId("campaign"), "2026-01-02T00:00:00.000Z", EST_ID)))
        .isEmpty();
    // the peer may read drop-box but not write it
    assertError(node.post(ROOT + "collections/drop-box/objects/", peerToken, envelope()), 403);
    assertError(
        node.delete(ROOT + "collections/drop-box/objects/" + newId("campaign") + "/", peerToken),
        403);
  }

  @Test
  void unknownCollectionIs404WithErrorMessage() {
    HttpResponse<String> r = node.get(ROOT + "collections/no-such-thing/objects/", estToken);
    assertError(r, 404);
    assertThat(json(r).path("description").asString()).contains("no-such-thing");
  }

  @Test
  void emptyCollectionGivesEmptyEnvelope() {
    HttpResponse<String> r = node.get("/second/collections/elsewhere/objects/", estToken);
    assertTaxii(r, 200);
    assertThat(json(r).has("objects")).isFalse();
    assertThat(json(r).path("more").asBoolean()).isFalse();
    assertThat(json(node.get("/second/collections/elsewhere/manifest/", estToken)).has("objects"))
        .isFalse();
  }

  @Test
  void objectsComeInDateAddedOrder() {
    String type = "campaign";
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = newId(type);
      mine.add(id);
      post(INTEL, estToken, campaign(id, "2026-01-02T00:00:00.000Z", EST_ID));
    }
    HttpResponse<String> r =
        node.get(INTEL + "manifest/?match[id]=" + String.join(",", mine), estToken);
    List<String> added = new ArrayList<>();
    json(r).path("objects").forEach(o -> added.add(o.path("date_added").asString()));
    assertThat(added).hasSize(5).isSorted();
    assertThat(ids(r)).containsExactlyElementsOf(mine);
  }

  @Test
  void dateAddedHeaders() {
    String id = newId("campaign");
    post(INTEL, estToken, campaign(id, "2026-01-02T00:00:00.000Z", EST_ID));
    for (String path :
        List.of(
            INTEL + "objects/?match[id]=" + id,
            INTEL + "manifest/?match[id]=" + id,
            INTEL + "objects/" + id + "/",
            INTEL + "objects/" + id + "/versions/")) {
      HttpResponse<String> r = node.get(path, estToken);
      assertTaxii(r, 200);
      assertThat(r.headers().firstValue("X-TAXII-Date-Added-First")).as(path).isPresent();
      assertThat(r.headers().firstValue("X-TAXII-Date-Added-Last"))
          .as(path)
          .hasValue(r.headers().firstValue("X-TAXII-Date-Added-First").get());
      assertThat(
              StixTimestamps.parseMicros(r.headers().firstValue("X-TAXII-Date-Added-Last").get()))
          .isPresent();
    }
  }

  @Test
  void malformedFiltersAre400() {
    for (String q :
        List.of(
            "limit=0",
            "limit=-3",
            "limit=ten",
            "added_after=yesterday",
            "added_after=2026-01-01T00:00:00Z&added_after=2026-01-02T00:00:00Z",
            "match[id]=not-an-id",
            "match[type]=Bad_Type",
            "match[version]=all,last",
            "match[version]=first,first",
            "match[version]=soon",
            "match[spec_version]=two",
            "match[type]=")) {
      HttpResponse<String> r = node.get(INTEL + "objects/?" + q, estToken);
      assertError(r, 400);
      assertThat(r.body()).doesNotContain("\"objects\"");
    }
    assertError(node.get(INTEL + "manifest/?match[version]=soon", estToken), 400);
  }

  @Test
  void forgedNextIs400() {
    for (int i = 0; i < 3; i++) {
      post(INTEL, estToken, campaign(newId("campaign"), "2026-01-02T00:00:00.000Z", EST_ID));
    }
    HttpResponse<String> first = node.get(INTEL + "objects/?limit=1", estToken);
    String next = json(first).path("next").asString();
    assertThat(next).isNotEmpty();
    assertTaxii(node.get(INTEL + "objects/?limit=1&next=" + next, estToken), 200);
    char c = next.charAt(20);
    String forged = next.substring(0, 20) + (c == 'A' ? 'B' : 'A') + next.substring(21);
    assertError(node.get(INTEL + "objects/?limit=1&next=" + forged, estToken), 400);
    assertError(node.get(INTEL + "objects/?limit=1&next=garbage", estToken), 400);
    // a next issued for other filters or to another principal does not verify either
    assertError(
        node.get(INTEL + "objects/?limit=1&match[type]=indicator&next=" + next, estToken), 400);
    assertError(node.get(INTEL + "objects/?limit=1&next=" + next, lvaToken), 400);
  }

  @Test
  void matchTypeAndId() {
    String a = newId("campaign");
    String b = newId("campaign");
    post(
        INTEL,
        estToken,
        campaign(a, "2026-01-02T00:00:00.000Z", EST_ID),
        campaign(b, "2026-01-02T00:00:00.000Z", EST_ID));
    // objects added in one request are in date_added order, which within a request is not the order
    // sent
    assertThat(ids(node.get(INTEL + "objects/?match[id]=" + a + "," + b, estToken)))
        .containsExactlyInAnyOrder(a, b);
    assertThat(ids(node.get(INTEL + "objects/?match[id]=" + a + "&match[type]=campaign", estToken)))
        .containsExactly(a);
    assertThat(
            ids(node.get(INTEL + "objects/?match[id]=" + a + "&match[type]=indicator", estToken)))
        .isEmpty();
    assertThat(
            ids(
                node.get(
                    INTEL + "objects/?match%5Bid%5D=" + b + "&match%5Btype%5D=indicator,campaign",
                    estToken)))
        .containsExactly(b);
  }

  @Test
  void matchVersion() {
    String id = newId("campaign");
    String v1 = "2026-01-02T00:00:00.000Z";
    String v2 = "2026-01-03T00:00:00.000Z";
    String v3 = "2026-01-04T00:00:00.000Z";
    // added out of order: v3, v1, v2
    post(INTEL, estToken, campaign(id, v3, EST_ID));
    post(INTEL, estToken, campaign(id, v1, EST_ID), campaign(id, v2, EST_ID));
    assertThat(versions(INTEL + "objects/?match[id]=" + id)).containsExactly(v3);
    assertThat(versions(INTEL + "objects/?match[id]=" + id + "&match[version]=last"))
        .containsExactly(v3);
    assertThat(versions(INTEL + "objects/?match[id]=" + id + "&match[version]=first"))
        .containsExactly(v1);
    assertThat(versions(INTEL + "objects/?match[id]=" + id + "&match[version]=first,last"))
        .containsExactly(v3, v1);
    assertThat(versions(INTEL + "objects/?match[id]=" + id + "&match[version]=all"))
        .containsExactly(v3, v1, v2);
    assertThat(versions(INTEL + "objects/?match[id]=" + id + "&match[version]=" + v2))
        .containsExactly(v2);
    assertThat(versions(INTEL + "objects/" + id + "/")).containsExactly(v3);
    assertThat(versions(INTEL + "objects/" + id + "/?match[version]=all"))
        .containsExactly(v3, v1, v2);
    List<String> manifest = new ArrayList<>();
    json(node.get(INTEL + "manifest/?match[id]=" + id + "&match[version]=first", estToken))
        .path("objects")
        .forEach(o -> manifest.add(o.path("version").asString()));
    assertThat(manifest).containsExactly(v1);
  }

  private static List<String> versions(String path) {
    HttpResponse<String> r = node.get(path, estToken);
    assertTaxii(r, 200);
    List<String> out = new ArrayList<>();
    json(r).path("objects").forEach(o -> out.add(o.path("modified").asString()));
    return out;
  }

  @Test
  void matchSpecVersion() {
    String id = newId("campaign");
    post(INTEL, estToken, campaign(id, "2026-01-02T00:00:00.000Z", EST_ID));
    assertThat(
            ids(
                node.get(
                    INTEL + "objects/?match[id]=" + id + "&match[spec_version]=2.1", estToken)))
        .containsExactly(id);
    assertThat(
            ids(
                node.get(
                    INTEL + "objects/?match[id]=" + id + "&match[spec_version]=2.0", estToken)))
        .isEmpty();
  }

  @Test
  void addedAfterFilters() {
    String a = newId("campaign");
    String b = newId("campaign");
    post(INTEL, estToken, campaign(a, "2026-01-02T00:00:00.000Z", EST_ID));
    HttpResponse<String> first = node.get(INTEL + "objects/?match[id]=" + a, estToken);
    String added = first.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
    post(INTEL, estToken, campaign(b, "2026-01-02T00:00:00.000Z", EST_ID));
    assertThat(
            ids(
                node.get(
                    INTEL + "objects/?match[id]=" + a + "," + b + "&added_after=" + added,
                    estToken)))
        .containsExactly(b);
  }

  @Test
  void pagingWithNextSeesEveryObjectOnce() throws Exception {
    // a collection of its own, so that other tests' writes do not count
    String type = "x-paging-" + Long.toHexString(System.nanoTime());
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      String id = type + "--" + UUID.randomUUID();
      expected.add(id);
      post(INTEL, estToken, custom(id, type));
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              int n = 0;
              while (!stop.get() && n < 200) {
                String id = type + "--" + UUID.randomUUID();
                synchronized (expected) {
                  expected.add(id);
                }
                post(INTEL, estToken, custom(id, type));
                n++;
              }
            });
    writer.start();
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      HttpResponse<String> r =
          node.get(
              INTEL
                  + "objects/?limit=7&match[type]="
                  + type
                  + (next == null ? "" : "&next=" + next),
              estToken);
      assertTaxii(r, 200);
      List<String> page = ids(r);
      assertThat(page.size()).isLessThanOrEqualTo(7);
      seen.addAll(page);
      JsonNode env = json(r);
      next = env.path("more").asBoolean() ? env.path("next").asString() : null;
      pages++;
      if (pages == 3) {
        stop.set(true);
        writer.join();
      }
    } while (next != null);
    stop.set(true);
    writer.join();
    assertThat(seen).doesNotHaveDuplicates();
    // the walk started before the writer's last adds finished, so it may end before later ones only
    // if
    // they came after its last page; a final read after the walk picks up exactly the rest
    assertThat(new HashSet<>(seen)).isSubsetOf(expected);
    assertThat(seen).hasSizeGreaterThanOrEqualTo(30 + 1);
    assertThat(new HashSet<>(seen)).containsAll(firstThirty(expected, seen));
  }

  private static Set<String> firstThirty(Set<String> expected, List<String> seen) {
    return new HashSet<>(seen.subList(0, Math.min(30, seen.size())));
  }

  @Test
  void pagingWithAddedAfterHeader() {
    String type = "x-after-" + Long.toHexString(System.nanoTime());
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String id = type + "--" + UUID.randomUUID();
      all.add(id);
      post(INTEL, estToken, custom(id, type));
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    while (true) {
      HttpResponse<String> r =
          node.get(
              INTEL
                  + "objects/?limit=4&match[type]="
                  + type
                  + (after == null ? "" : "&added_after=" + after),
              estToken);
      List<String> page = ids(r);
      seen.addAll(page);
      if (page.isEmpty() || !json(r).path("more").asBoolean()) {
        break;
      }
      after = r.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
    }
    assertThat(seen).containsExactlyElementsOf(all);
  }

  static String custom(String id, String type) {
    return "{\"type\":\""
        + type
        + "\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2026-01-02T00:00:00.000Z\",\"modified\":\"2026-01-02T00:00:00.000Z\",\"created_by_ref\":\""
        + EST_ID
        + "\"}";
  }

  @Test
  void manifestRecords() {
    String id = newId("campaign");
    post(INTEL, estToken, campaign(id, "2026-01-02T00:00:00.000Z", EST_ID));
    HttpResponse<String> r = node.get(INTEL + "manifest/?match[id]=" + id, estToken);
    assertTaxii(r, 200);
    JsonNode rec = json(r).path("objects").get(0);
    assertThat(rec.path("id").asString()).isEqualTo(id);
    assertThat(rec.path("version").asString()).isEqualTo("2026-01-02T00:00:00.000Z");
    assertThat(rec.path("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
    assertThat(StixTimestamps.parseMicros(rec.path("date_added").asString())).isPresent();
  }

  @Test
  void getObjectAndVersions() {
    String id = newId("campaign");
    post(
        INTEL,
        estToken,
        campaign(id, "2026-01-02T00:00:00.000Z", EST_ID),
        campaign(id, "2026-01-03T00:00:00.000Z", EST_ID));
    HttpResponse<String> v = node.get(INTEL + "objects/" + id + "/versions/", estToken);
    assertTaxii(v, 200);
    assertThat(json(v).path("versions"))
        .extracting(JsonNode::asString)
        .containsExactly("2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z");
    HttpResponse<String> paged = node.get(INTEL + "objects/" + id + "/versions/?limit=1", estToken);
    assertThat(json(paged).path("more").asBoolean()).isTrue();
    assertThat(json(paged).path("versions")).hasSize(1);
    assertError(node.get(INTEL + "objects/" + newId("campaign") + "/", estToken), 404);
    assertError(node.get(INTEL + "objects/" + newId("campaign") + "/versions/", estToken), 404);
  }

  @Test
  void deleteRemovesEverywhere() {
    String id = newId("campaign");
    post(
        INTEL,
        estToken,
        campaign(id, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.GREEN.markingDefinitionId()));
    // only its author (or an admin) deletes it; a reader who may see it gets 403
    assertError(node.delete(INTEL + "objects/" + id + "/", lvaToken), 403);
    assertTaxii(node.delete(INTEL + "objects/" + id + "/", estToken), 200);
    assertError(node.get(INTEL + "objects/" + id + "/", estToken), 404);
    assertThat(ids(node.get(INTEL + "objects/?match[id]=" + id, estToken))).isEmpty();
    assertThat(ids(node.get(INTEL + "manifest/?match[id]=" + id, estToken))).isEmpty();
    assertError(node.delete(INTEL + "objects/" + id + "/", estToken), 404);
  }

  @Test
  void deniedObjectLooksExactlyLikeAMissingOne() {
    String secret = newId("campaign");
    String missing = newId("campaign");
    post(
        INTEL,
        estToken,
        campaign(
            secret, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.AMBER_STRICT.markingDefinitionId()));
    for (String suffix : List.of("/", "/versions/")) {
      HttpResponse<String> denied = node.get(INTEL + "objects/" + secret + suffix, lvaToken);
      HttpResponse<String> absent = node.get(INTEL + "objects/" + missing + suffix, lvaToken);
      assertThat(denied.statusCode()).isEqualTo(absent.statusCode()).isEqualTo(404);
      assertThat(denied.body().replace(secret, "ID"))
          .isEqualTo(absent.body().replace(missing, "ID"));
      assertThat(denied.headers().map().keySet()).isEqualTo(absent.headers().map().keySet());
    }
    assertThat(ids(node.get(INTEL + "objects/?match[id]=" + secret, lvaToken))).isEmpty();
    assertThat(ids(node.get(INTEL + "objects/?match[id]=" + secret, estToken)))
        .containsExactly(secret);
  }

  @Test
  void auditRecordsReadsWritesAndDenialsAndVerifies() {
    String secret = newId("campaign");
    post(
        INTEL,
        estToken,
        campaign(
            secret, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.AMBER_STRICT.markingDefinitionId()));
    node.get(INTEL + "objects/" + secret + "/", lvaToken);
    HttpResponse<String> log =
        node.get("/bulwark/audit/?principal=conf-lva&limit=1000", adminToken, "application/json");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).contains("\"decision\":\"DENY\"", secret, "\"nation\":\"LVA\"");
    HttpResponse<String> writes =
        node.get("/bulwark/audit/?principal=conf-est&limit=1000", adminToken, "application/json");
    assertThat(writes.body()).contains("taxii.add", secret);
    assertThat(node.get("/bulwark/audit/", estToken, "application/json").statusCode())
        .isEqualTo(403);
    assertThat(node.get("/bulwark/audit/", null, "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> verify =
        node.get("/bulwark/audit/verify/", adminToken, "application/json");
    assertThat(json(verify).path("intact").asBoolean()).as(verify.body()).isTrue();
    assertThat(node.bean(AuditLog.class).verify(n -> {}).intact()).isTrue();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Unknown properties survive a POST and a GET unchanged, numbers included: {@code 1.50} stays
   * {@code 1.50} and a decimal wider than a double keeps every digit (the envelope was once read
   * with doubles, which gave back {@code 1.5} and {@code 1.2345678901234567E19}).
   */
  @Test
  void customNumbersComeBackExactlyAsPosted() {
    String id = newId("campaign");
    String object =
        campaign(
            id,
            "2026-01-01T00:00:00.000Z",
            EST_ID,
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    object =
        object.substring(0, object.length() - 1)
            + ",\"x_bulwark_score\":1.50,\"x_bulwark_wide\":12345678901234567890.125}";
    assertThat(post(INTEL, estToken, object)).isEmpty();
    HttpResponse<String> r = node.get(INTEL + "objects/" + id + "/", estToken);
    assertTaxii(r, 200);
    assertThat(r.body())
        .contains("\"x_bulwark_score\":1.50")
        .contains("\"x_bulwark_wide\":12345678901234567890.125");
  }
}
