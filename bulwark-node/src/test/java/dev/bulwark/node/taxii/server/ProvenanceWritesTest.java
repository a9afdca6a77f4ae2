package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, findings 4 (provenance over TAXII), 5 (the write oracle) and 6 (integrity), attacked
 * over real HTTPS against a real node (nation EST) by contributors of EST and LVA and by the peer
 * nodes of DEU and FIN. Objects of different origins are different objects even under one
 * identifier: a write looks only at rows of its own origin or rows the writer may read, so its
 * answer never tells of a row the writer may not see, and nobody but an origin's own principals
 * (and peers relaying that origin) adds versions to its objects.
 */
class ProvenanceWritesTest {
  static final String INTEL = "/bulwark/collections/intel/";
  static final String ELSEWHERE = "/second/collections/elsewhere/";
  static final String EST_A_ID = "identity--7a0d1c2e-0000-4000-8000-00000000e5a1";
  static final String EST_B_ID = "identity--7a0d1c2e-0000-4000-8000-00000000e5b2";
  static final String LVA_ID = "identity--7a0d1c2e-0000-4000-8000-0000000001a1";
  static final String V1 = "2026-02-01T00:00:00.000Z";
  static final String V2 = "2026-02-02T00:00:00.000Z";
  static final String V3 = "2026-02-03T00:00:00.000Z";

  static TestNode node;
  static String estA;
  static String estB;
  static String estReader;
  static String lva;
  static String lvaReader;
  static String deuPeer;
  static String deuReader;
  static String finPeer;

  @BeforeAll
  static void start() {
    node = TestNode.get();
    estA = node.principal("prov-est-a", "EST", "reader,contributor", Optional.of(EST_A_ID));
    estB = node.principal("prov-est-b", "EST", "reader,contributor", Optional.of(EST_B_ID));
    estReader = node.principal("prov-est-reader", "EST", "reader", Optional.empty());
    lva = node.principal("prov-lva", "LVA", "reader,contributor", Optional.of(LVA_ID));
    lvaReader = node.principal("prov-lva-reader", "LVA", "reader", Optional.empty());
    deuPeer = node.principal("prov-deu-node", "DEU", "peer", Optional.empty());
    deuReader = node.principal("prov-deu-reader", "DEU", "reader", Optional.empty());
    finPeer = node.principal("prov-fin-node", "FIN", "peer", Optional.empty());
  }

  // ---- finding 6: integrity ----

  @Test
  void finding6_aPeerCannotPublishANewerVersionOfAnObjectItCanRead() {
    String x = newId("campaign");
    assertStored(post(INTEL, estA, campaign(x, V1, EST_A_ID, "the author's text", Tlp.GREEN)));

    // as its own nation's object, as the node's own nation's object, as a third nation's object
    assertThat(
            failure(post(INTEL, deuPeer, campaign(x, V2, EST_A_ID, "the peer's text", Tlp.GREEN))))
        .contains("another origin (EST)");
    assertThat(
            failure(
                post(
                    INTEL,
                    deuPeer,
                    withClaims(
                        campaign(x, V2, EST_A_ID, "the peer's text", Tlp.GREEN), claim("EST")))))
        .contains("this node's own nation");
    assertThat(
            failure(
                post(
                    INTEL,
                    deuPeer,
                    withClaims(
                        campaign(x, V2, EST_A_ID, "the peer's text", Tlp.GREEN), claim("LVA")))))
        .contains("another origin (EST)");

    for (String reader : List.of(estReader, lvaReader, deuReader)) {
      assertThat(texts(INTEL, x, reader, "all")).containsExactly("the author's text");
    }
    // the author is not locked out of its own object
    assertStored(post(INTEL, estA, campaign(x, V3, EST_A_ID, "the author's next text", Tlp.GREEN)));
    assertThat(texts(INTEL, x, deuReader, "last")).containsExactly("the author's next text");
  }

  @Test
  void finding6_deletingAnIdDeletesOnlyTheDeletersOwnObjectNeverAnotherOriginsUnderIt() {
    String x = newId("campaign");
    assertStored(post(INTEL, lva, campaign(x, V1, LVA_ID, "LVA's text", Tlp.AMBER)));
    // EST may not read LVA's object: its own under the same id is stored as EST's
    assertStored(post(INTEL, estA, campaign(x, V2, EST_A_ID, "EST's text", Tlp.GREEN)));
    assertThat(texts(INTEL, x, lvaReader, "all"))
        .containsExactlyInAnyOrder("LVA's text", "EST's text");

    // LVA's contributor deletes x: its own object goes, EST's (which it may read) stays
    assertThat(node.delete(INTEL + "objects/" + x + "/", lva).statusCode()).isEqualTo(200);
    assertThat(texts(INTEL, x, lvaReader, "all")).containsExactly("EST's text");
    assertThat(texts(INTEL, x, estReader, "all")).containsExactly("EST's text");
    assertThat(rows("intel", x)).extracting(StoredObject::originNation).containsExactly("EST");
    // and a reader of another nation with no object of its own under x may not delete EST's
    assertThat(node.delete(INTEL + "objects/" + x + "/", lva).statusCode()).isEqualTo(403);
    assertThat(texts(INTEL, x, estReader, "all")).containsExactly("EST's text");
  }

  @Test
  void finding6_aVersionAPeerSendsOfAnObjectItCannotReadStaysThePeersOwnObject() {
    String x = newId("campaign");
    assertStored(post(INTEL, estA, campaign(x, V1, EST_A_ID, "the author's text", Tlp.AMBER)));

    assertStored(post(INTEL, deuPeer, campaign(x, V2, null, "the peer's text", Tlp.AMBER)));

    assertThat(texts(INTEL, x, estReader, "all")).containsExactly("the author's text");
    assertThat(texts(INTEL, x, deuReader, "all")).containsExactly("the peer's text");
    assertThat(rows("intel", x))
        .extracting(StoredObject::originNation)
        .containsExactlyInAnyOrder("EST", "DEU");
    // the author goes on with its object, not refused for a version "added by another principal"
    assertStored(post(INTEL, estA, campaign(x, V3, EST_A_ID, "the author's next text", Tlp.AMBER)));
    assertThat(texts(INTEL, x, estReader, "last")).containsExactly("the author's next text");
  }

  @Test
  void
      finding6_aContributorCannotStoreItsContentUnderAnotherNationsIdAndVersionInAnotherCollection() {
    String seen = newId("campaign");
    assertStored(post(INTEL, estA, campaign(seen, V1, EST_A_ID, "the author's text", Tlp.GREEN)));
    // an object LVA can see: refused openly in another collection, a no-op in the same one
    assertThat(failure(post(ELSEWHERE, lva, campaign(seen, V1, LVA_ID, "LVA's text", Tlp.GREEN))))
        .contains("another origin (EST)");
    assertThat(success(post(INTEL, lva, campaign(seen, V1, LVA_ID, "LVA's text", Tlp.GREEN))))
        .isEqualTo("already held (duplicate)");
    assertThat(failure(post(INTEL, lva, campaign(seen, V2, LVA_ID, "LVA's text", Tlp.GREEN))))
        .contains("another origin (EST)");
    assertThat(rows("elsewhere", seen)).isEmpty();
    assertThat(texts(INTEL, seen, deuReader, "all")).containsExactly("the author's text");

    // an object LVA cannot see: its content becomes LVA's own object, never EST's
    String hidden = newId("campaign");
    assertStored(
        post(INTEL, estA, campaign(hidden, V1, EST_A_ID, "the author's text", Tlp.AMBER_STRICT)));
    assertStored(post(ELSEWHERE, lva, campaign(hidden, V1, LVA_ID, "LVA's text", Tlp.GREEN)));
    assertThat(rows("elsewhere", hidden))
        .singleElement()
        .satisfies(r -> assertThat(r.originNation()).isEqualTo("LVA"))
        .satisfies(r -> assertThat(r.addedBy()).isEqualTo("prov-lva"));
    assertThat(texts(INTEL, hidden, estReader, "all")).containsExactly("the author's text");
  }

  @Test
  void aReaderOfTwoOriginsObjectsUnderOneIdGetsTheLatestVersionOfEach() {
    String x = newId("campaign");
    assertStored(post(INTEL, estA, campaign(x, V1, EST_A_ID, "the author's text", Tlp.AMBER)));
    assertStored(post(INTEL, lva, campaign(x, V2, LVA_ID, "LVA's text", Tlp.GREEN)));

    assertThat(texts(INTEL, x, estReader, "last"))
        .containsExactlyInAnyOrder("the author's text", "LVA's text");
    assertThat(texts(INTEL, x, lvaReader, "last")).containsExactly("LVA's text");
  }

  @Test
  void anotherPrincipalOfTheSameNationStillMayNotAddVersionsToAnObject() {
    String x = newId("campaign");
    assertStored(post(INTEL, estA, campaign(x, V1, EST_A_ID, "A's text", Tlp.AMBER)));
    assertThat(failure(post(INTEL, estB, campaign(x, V2, EST_B_ID, "B's text", Tlp.AMBER))))
        .contains("added by another principal");
    // nor copy it into another collection under the same version with other content
    assertThat(failure(post(ELSEWHERE, estB, campaign(x, V1, EST_B_ID, "B's text", Tlp.AMBER))))
        .contains("added by another principal");
  }

  // ---- finding 5: the write oracle ----

  @Test
  void finding5_aContributorsPostAnswersTheSameForAnIdItMayNotReadAsForANewId() {
    String hidden = newId("campaign");
    assertStored(post(INTEL, estA, campaign(hidden, V1, EST_A_ID, "secret", Tlp.AMBER_STRICT)));
    String fresh = newId("campaign");

    for (String version : List.of(V1, V2)) {
      JsonNode onHidden = post(INTEL, lva, campaign(hidden, version, LVA_ID, "probe", Tlp.AMBER));
      JsonNode onFresh = post(INTEL, lva, campaign(fresh, version, LVA_ID, "probe", Tlp.AMBER));
      assertThat(comparable(onHidden, hidden)).isEqualTo(comparable(onFresh, fresh));
      assertThat(success(onHidden)).isEqualTo("stored");
      // the status resource read back later says the same
      assertThat(comparable(status(onHidden, lva), hidden))
          .isEqualTo(comparable(status(onFresh, lva), fresh));
    }
    // and nothing LVA stored touched the EST object
    assertThat(texts(INTEL, hidden, estReader, "all")).containsExactly("secret");
  }

  @Test
  void finding5_aPeersPostAnswersTheSameForAnIdOfAnotherOriginItMayNotReadAsForANewId() {
    String hidden = newId("campaign");
    assertStored(post(INTEL, lva, campaign(hidden, V1, LVA_ID, "secret", Tlp.AMBER_STRICT)));
    String fresh = newId("campaign");

    for (Optional<String> origin :
        List.of(Optional.<String>empty(), Optional.of("FIN"), Optional.of("EST"))) {
      for (String version : List.of(V1, V2)) {
        JsonNode onHidden =
            post(
                INTEL,
                deuPeer,
                claimed(campaign(hidden, version, null, "probe", Tlp.GREEN), origin));
        JsonNode onFresh =
            post(
                INTEL,
                deuPeer,
                claimed(campaign(fresh, version, null, "probe", Tlp.GREEN), origin));
        assertThat(comparable(onHidden, hidden))
            .as("claimed origin %s, version %s", origin, version)
            .isEqualTo(comparable(onFresh, fresh));
      }
    }
  }

  @Test
  void
      finding5_aRefusalAboutARowOfTheSameOriginThePeerMayNotReadNamesNeitherItsVersionNorItsMarkings() {
    String x = newId("campaign");
    assertStored(post(INTEL, lva, campaign(x, V1, LVA_ID, "secret", Tlp.AMBER_STRICT)));

    // the peer relays a newer LVA version that would loosen AMBER+STRICT to GREEN
    String message =
        failure(
            post(
                INTEL,
                deuPeer,
                withClaims(campaign(x, V2, null, "probe", Tlp.GREEN), claim("LVA"))));

    assertThat(message)
        .contains("loosens")
        .doesNotContain(V1)
        .doesNotContain(Tlp.AMBER_STRICT.markingDefinitionId());
    assertThat(texts(INTEL, x, lvaReader, "all")).containsExactly("secret");
  }

  // ---- finding 4: provenance over TAXII ----

  @Test
  void finding4_peersAreToldEachObjectsOriginAndRelaysAndNobodyElseIs() {
    String mine = newId("campaign");
    assertStored(post(INTEL, lva, campaign(mine, V1, LVA_ID, "LVA's", Tlp.GREEN)));
    String relayed = newId("campaign");
    assertStored(
        post(
            INTEL,
            deuPeer,
            withClaims(campaign(relayed, V1, null, "relayed", Tlp.GREEN), claim("LVA", "FIN"))));

    JsonNode toPeer = json(node.get(INTEL + "objects/?match[id]=" + mine + "," + relayed, finPeer));
    List<String> ids = new ArrayList<>();
    toPeer.path("objects").forEach(o -> ids.add(o.path("id").asString()));
    JsonNode provenance = toPeer.path("x_bulwark_provenance");
    assertThat(provenance.size()).isEqualTo(2);
    assertThat(provenance.get(ids.indexOf(mine)).toString())
        .isEqualTo("{\"origin\":\"LVA\",\"relayed_via\":[]}");
    assertThat(provenance.get(ids.indexOf(relayed)).toString())
        .isEqualTo("{\"origin\":\"LVA\",\"relayed_via\":[\"FIN\",\"DEU\"]}");
    assertThat(
            json(node.get(INTEL + "objects/" + relayed + "/", finPeer)).has("x_bulwark_provenance"))
        .isTrue();

    for (String reader : List.of(estReader, lva, deuReader)) {
      assertThat(
              json(node.get(INTEL + "objects/?match[id]=" + mine + "," + relayed, reader))
                  .has("x_bulwark_provenance"))
          .isFalse();
    }
  }

  @Test
  void finding4_aClaimFromAnyoneButAPeerIsIgnored() {
    String x = newId("campaign");
    assertStored(
        post(INTEL, lva, withClaims(campaign(x, V1, LVA_ID, "LVA's", Tlp.AMBER), claim("EST"))));

    assertThat(rows("intel", x))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.originNation()).isEqualTo("LVA");
              assertThat(r.relayedVia()).isEmpty();
            });
    assertThat(texts(INTEL, x, estReader, "all")).isEmpty();
  }

  @Test
  void finding4_aPeerNeverHandsOverRedNorWhatItsNationMayNotReadNorAnUnreadableClaim() {
    String red = newId("campaign");
    assertThat(
            failure(
                post(
                    INTEL,
                    deuPeer,
                    withClaims(campaign(red, V1, null, "red", Tlp.RED), claim("LVA")))))
        .contains("TLP:RED");
    String strict = newId("campaign");
    assertThat(
            failure(
                post(
                    INTEL,
                    deuPeer,
                    withClaims(
                        campaign(strict, V1, null, "LVA eyes only", Tlp.AMBER_STRICT),
                        claim("LVA")))))
        .contains("may not read");
    String bad = newId("campaign");
    ObjectNode envelope =
        (ObjectNode)
            TestNode.JSON.readTree(TestNode.envelope(campaign(bad, V1, null, "x", Tlp.GREEN)));
    envelope.putArray("x_bulwark_provenance").addObject().put("origin", "not a nation");
    assertThat(failure(post(INTEL, deuPeer, envelope.toString()))).contains("x_bulwark_provenance");
    assertThat(rows("intel", red)).isEmpty();
    assertThat(rows("intel", strict)).isEmpty();
    assertThat(rows("intel", bad)).isEmpty();
  }

  @Test
  void finding4_aPeerNeverReadsRedEvenWhenItsIdentityIsARecipient() {
    String peerIdentity = "identity--7a0d1c2e-0000-4000-8000-0000000fe7e1";
    String peer = node.principal("prov-red-node", "FIN", "peer", Optional.of(peerIdentity));
    StixObject md =
        ReleasabilityMarking.markingDefinition(
            new Releasability(Set.of(), Set.of(peerIdentity)),
            EST_A_ID,
            "2026-01-01T00:00:00.000Z");
    String marking = md.id();
    ObjectNode mdJson = md.json();
    mdJson.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    String definition = mdJson.toString();
    String red = newId("campaign");
    assertThat(
            json(node.post(
                    INTEL + "objects/",
                    estA,
                    TestNode.envelope(
                        definition,
                        campaign(red, V1, EST_A_ID, "red", Tlp.RED)
                            .replace(
                                "\"object_marking_refs\":[",
                                "\"object_marking_refs\":[\"" + marking + "\","))))
                .path("failure_count")
                .asInt())
        .isZero();

    assertThat(node.get(INTEL + "objects/" + red + "/", peer).statusCode()).isEqualTo(404);
    assertThat(json(node.get(INTEL + "objects/?match[id]=" + red, peer)).has("objects")).isFalse();
  }

  // ---- helpers ----

  /**
   * A campaign with a description, so that two versions or two origins' texts can be told apart.
   */
  static String campaign(String id, String modified, String createdBy, String text, Tlp tlp) {
    return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\""
        + modified
        + "\",\"name\":\"c\","
        + "\"description\":\""
        + text
        + "\""
        + (createdBy == null ? "" : ",\"created_by_ref\":\"" + createdBy + "\"")
        + ",\"object_marking_refs\":[\""
        + tlp.markingDefinitionId()
        + "\"]}";
  }

  static String claim(String origin, String... relays) {
    StringBuilder b = new StringBuilder("{\"origin\":\"" + origin + "\",\"relayed_via\":[");
    for (int i = 0; i < relays.length; i++) {
      b.append(i == 0 ? "\"" : ",\"").append(relays[i]).append('"');
    }
    return b.append("]}").toString();
  }

  /** An envelope of one object with its provenance claims. */
  static String withClaims(String object, String... claims) {
    return "{\"objects\":["
        + object
        + "],\"x_bulwark_provenance\":["
        + String.join(",", claims)
        + "]}";
  }

  static String claimed(String object, Optional<String> origin) {
    return origin.map(o -> withClaims(object, claim(o))).orElse(TestNode.envelope(object));
  }

  static JsonNode post(String collection, String token, String objectOrEnvelope) {
    String body =
        objectOrEnvelope.startsWith("{\"objects\"")
            ? objectOrEnvelope
            : TestNode.envelope(objectOrEnvelope);
    HttpResponse<String> r = node.post(collection + "objects/", token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return json(r);
  }

  static JsonNode status(JsonNode posted, String token) {
    HttpResponse<String> r =
        node.get("/bulwark/status/" + posted.path("id").asString() + "/", token);
    if (r.statusCode() == 404) {
      r = node.get("/second/status/" + posted.path("id").asString() + "/", token);
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static void assertStored(JsonNode status) {
    assertThat(success(status)).isEqualTo("stored");
  }

  static String success(JsonNode status) {
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isZero();
    return status.path("successes").get(0).path("message").asString();
  }

  static String failure(JsonNode status) {
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
    return status.path("failures").get(0).path("message").asString();
  }

  /**
   * The status resource without what differs between any two posts: its id, time and the object id.
   */
  static String comparable(JsonNode status, String objectId) {
    ObjectNode copy = ((ObjectNode) status).deepCopy();
    copy.remove("id");
    copy.remove("request_timestamp");
    return copy.toString().replace(objectId, "ID");
  }

  /** The descriptions of the versions of an object a reader gets (match[version]=all or last). */
  static List<String> texts(String collection, String id, String token, String version) {
    HttpResponse<String> r =
        node.get(collection + "objects/" + id + "/?match[version]=" + version, token);
    List<String> out = new ArrayList<>();
    if (r.statusCode() == 404) {
      return out;
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    ArrayNode objects = (ArrayNode) json(r).path("objects");
    objects.forEach(o -> out.add(o.path("description").asString()));
    return out;
  }

  static List<StoredObject> rows(String collection, String id) {
    return node.bean(ObjectStore.class).versions(collection, id, ReadFilter.SYSTEM);
  }
}
