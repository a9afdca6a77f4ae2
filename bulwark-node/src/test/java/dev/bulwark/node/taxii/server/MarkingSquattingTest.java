package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.envelope;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marking-definitions that cannot be squatted (issue 14, finding 3), against a real node over
 * HTTPS: an object's marking refs resolve only against the TLP definitions and definitions of its
 * own origin; an envelope naming anything else is refused whole, with the object and the ref; a
 * definition id held from another origin, or a definition that would replace one, is refused with
 * one answer whatever the reason; and a releasability definition is readable by those it names.
 */
class MarkingSquattingTest {
  static final String INTEL = "/bulwark/collections/intel/";
  static final String DROP_BOX = "/bulwark/collections/drop-box/";
  static final String EST_ID = "identity--3e000000-0000-4000-8000-000000000001";
  static final String FIN_ID = "identity--3e000000-0000-4000-8000-000000000002";
  static final String USA_ID = "identity--3e000000-0000-4000-8000-000000000003";

  static TestNode node;
  static String estAuthor;
  static String finSquatter;

  /** Readers of many nations, by nation. */
  static final Map<String, String> readers = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    node = TestNode.get();
    estAuthor =
        node.principal("squat-est-author", "EST", "reader,contributor", Optional.of(EST_ID));
    finSquatter = node.principal("squat-fin", "FIN", "reader,contributor", Optional.of(FIN_ID));
    for (String nation : List.of("EST", "FIN", "DEU", "UKR", "AUT", "USA", "LVA", "POL")) {
      readers.put(
          nation,
          node.principal(
              "squat-reader-" + nation.toLowerCase(),
              nation,
              "reader",
              nation.equals("USA") ? Optional.of(USA_ID) : Optional.empty()));
    }
  }

  /**
   * A releasability definition, name-based as every node makes them (so others can compute its id).
   */
  static StixObject releasability(Releasability r, String author, String created, Tlp... markings) {
    ObjectNode json = ReleasabilityMarking.markingDefinition(r, author, created).json();
    if (markings.length > 0) {
      var refs = json.putArray("object_marking_refs");
      for (Tlp t : markings) {
        refs.add(t.markingDefinitionId());
      }
    }
    return StixObject.of(json);
  }

  /** What a squatter posts: the author's id, another list, its own name on it, marked TLP:CLEAR. */
  static StixObject squat(StixObject authors, String squatter, String... nations) {
    ObjectNode json =
        releasability(
                Releasability.toNations(nations), squatter, "2026-11-28T00:00:00.000Z", Tlp.CLEAR)
            .json();
    json.put("id", authors.id());
    return StixObject.of(json);
  }

  static JsonNode post(String collection, String token, String... objects) {
    HttpResponse<String> r = node.post(collection + "objects/", token, envelope(objects));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return json(r);
  }

  static String failure(JsonNode status, String id) {
    for (JsonNode f : status.path("failures")) {
      if (f.path("id").asString().equals(id)) {
        return f.path("message").asString();
      }
    }
    throw new AssertionError(id + " did not fail: " + status);
  }

  /** The nations whose reader gets the object from the collection (200, not 404). */
  static Set<String> readableBy(String collection, String id) {
    Set<String> out = new TreeSet<>();
    readers.forEach(
        (nation, token) -> {
          HttpResponse<String> r = node.get(collection + "objects/" + id + "/", token);
          assertThat(r.statusCode()).as(nation + " reading " + id).isIn(200, 404);
          if (r.statusCode() == 200) {
            out.add(nation);
          }
        });
    return out;
  }

  @Test
  void finding3a_aDefinitionPostedUnderAnUnresolvedIdDoesNotOpenAnotherNationsObjects() {
    // an EST object whose marking the node cannot resolve (as an import or a pull may store it)
    String x = newId("marking-definition");
    String secret = newId("campaign");
    node.bean(ObjectStore.class)
        .add(
            "intel",
            NewObject.from(
                StixObject.of(
                    (ObjectNode)
                        TestNode.JSON.readTree(
                            campaign(secret, "2026-01-02T00:00:00.000Z", EST_ID, x)))),
            new Provenance("EST", "import"));
    assertThat(readableBy(INTEL, secret)).isEmpty();

    // a FIN contributor defines that id as releasable to everyone, marked TLP:CLEAR: it is accepted
    // (the id is new to the node), but bound to FIN, so it marks nothing of EST's
    ObjectNode open =
        releasability(
                new Releasability(Set.of("NATO", "EU", "UKR", "FIN"), Set.of()),
                FIN_ID,
                "2026-11-28T00:00:00.000Z",
                Tlp.CLEAR)
            .json();
    open.put("id", x);
    assertThat(post(INTEL, finSquatter, StixObject.of(open).toJson()).path("failure_count").asInt())
        .isZero();

    assertThat(readableBy(INTEL, secret)).as("denied to all, the origin included").isEmpty();
  }

  @Test
  void finding3b_aDefinitionPostedAheadUnderAnAuthorsIdDoesNotWidenTheAuthorsObject() {
    StixObject mine =
        releasability(Releasability.toNations("DEU"), EST_ID, "2026-12-01T10:00:00.000Z");
    StixObject ahead = squat(mine, FIN_ID, "UKR", "AUT");
    assertThat(post(INTEL, finSquatter, ahead.toJson()).path("failure_count").asInt()).isZero();

    String report = newId("campaign");
    JsonNode status =
        post(
            INTEL,
            estAuthor,
            mine.toJson(),
            campaign(
                report,
                "2026-01-02T00:00:00.000Z",
                EST_ID,
                Tlp.AMBER.markingDefinitionId(),
                mine.id()));

    // the author is not locked out of its id: its definition is bound to EST beside FIN's, and the
    // answer is the one it would get had nobody posted ahead
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isZero();
    assertThat(status.path("success_count").asInt()).isEqualTo(2);
    assertThat(status.toString()).doesNotContain("FIN", "UKR", "AUT", "squat");
    // the object is released as its author marked it: DEU only, never the squatter's UKR and AUT
    assertThat(readableBy(INTEL, report)).containsExactlyInAnyOrder("EST", "DEU");
  }

  @Test
  void finding3c_anAuthorReadsBackTheDefinitionThatIsEnforcedNotASquattersOne() {
    StixObject mine =
        releasability(Releasability.toNations("DEU"), EST_ID, "2026-12-02T10:00:00.000Z");
    // the squatter posts in a collection the author does not even see
    assertThat(
            post(DROP_BOX, finSquatter, squat(mine, FIN_ID, "UKR").toJson())
                .path("failure_count")
                .asInt())
        .isZero();

    String report = newId("campaign");
    JsonNode status =
        post(
            INTEL,
            estAuthor,
            mine.toJson(),
            campaign(
                report,
                "2026-01-02T00:00:00.000Z",
                EST_ID,
                Tlp.AMBER.markingDefinitionId(),
                mine.id()));
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isZero();
    // what the author reads back is its own definition, and it is the one enforced
    HttpResponse<String> back = node.get(INTEL + "objects/" + mine.id() + "/", estAuthor);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(json(back).path("objects"))
        .singleElement()
        .satisfies(d -> assertThat(d.toString()).contains("DEU").doesNotContain("UKR"));
    assertThat(readableBy(INTEL, report)).containsExactlyInAnyOrder("EST", "DEU");
  }

  @Test
  void anUnresolvedRefRefusesTheWholeEnvelopeNamingTheObjectAndTheRef() {
    String fine = newId("campaign");
    String unresolved = newId("campaign");
    String ref = newId("marking-definition");
    JsonNode status =
        post(
            INTEL,
            estAuthor,
            campaign(fine, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.GREEN.markingDefinitionId()),
            campaign(unresolved, "2026-01-02T00:00:00.000Z", EST_ID, ref));

    assertThat(status.path("success_count").asInt()).isZero();
    assertThat(failure(status, unresolved)).contains(ref);
    assertThat(failure(status, fine)).contains("refused whole", unresolved);
    assertThat(readableBy(INTEL, fine)).isEmpty();
  }

  @Test
  void anotherNationsDefinitionNeverMarksMyObjectsEvenWhenIMayReadIt() {
    StixObject fins =
        releasability(
            Releasability.toNations("NATO"), FIN_ID, "2026-12-03T10:00:00.000Z", Tlp.CLEAR);
    assertThat(post(INTEL, finSquatter, fins.toJson()).path("failure_count").asInt()).isZero();
    assertThat(readableBy(INTEL, fins.id())).contains("EST");

    String report = newId("campaign");
    JsonNode status =
        post(
            INTEL,
            estAuthor,
            campaign(
                report,
                "2026-01-02T00:00:00.000Z",
                EST_ID,
                Tlp.AMBER.markingDefinitionId(),
                fins.id()));
    // the same answer as for an id nobody holds
    assertThat(failure(status, report)).isEqualTo(EnvelopeMarkings.unresolved(fins.id(), "EST"));
  }

  @Test
  void aDefinitionIsNeverReplacedAndAnotherOriginsIdIsNeitherToldNorInTheWay() {
    // held from another origin: the writer's own definition of that id is taken, bound to its
    // origin,
    // with the answer a new id gets (nothing tells it the id was in use)
    StixObject fins =
        releasability(Releasability.toNations("NATO"), FIN_ID, "2026-12-04T10:00:00.000Z");
    assertThat(post(INTEL, finSquatter, fins.toJson()).path("failure_count").asInt()).isZero();
    ObjectNode copy =
        releasability(Releasability.toNations("NATO"), EST_ID, "2026-12-04T10:00:00.000Z").json();
    copy.put("id", fins.id());
    JsonNode taken = post(INTEL, estAuthor, copy.toString());
    assertThat(taken.path("failure_count").asInt()).as(taken.toString()).isZero();
    StixObject fresh =
        releasability(Releasability.toNations("NATO"), EST_ID, "2026-12-04T10:00:01.000Z");
    JsonNode anew = post(INTEL, estAuthor, fresh.toJson());
    assertThat(taken.path("successes").get(0).path("message").asString())
        .isEqualTo(anew.path("successes").get(0).path("message").asString());

    // held from the writer's own origin with other content: a replacement, refused in any
    // collection
    StixObject mine =
        releasability(Releasability.toNations("DEU"), EST_ID, "2026-12-04T10:00:00.000Z");
    assertThat(post(INTEL, estAuthor, mine.toJson()).path("failure_count").asInt()).isZero();
    ObjectNode wider =
        releasability(Releasability.toNations("DEU", "POL"), EST_ID, "2026-12-04T10:00:00.000Z")
            .json();
    wider.put("id", mine.id());
    assertThat(failure(post(DROP_BOX, estAuthor, wider.toString()), mine.id()))
        .isEqualTo(EnvelopeMarkings.idNotAvailable(mine.id()));
    assertThat(failure(post(INTEL, estAuthor, wider.toString()), mine.id()))
        .isEqualTo(EnvelopeMarkings.idNotAvailable(mine.id()));
    // the identical definition again is a duplicate, in the same collection or another
    assertThat(post(INTEL, estAuthor, mine.toJson()).path("failure_count").asInt()).isZero();
    assertThat(post(DROP_BOX, estAuthor, mine.toJson()).path("failure_count").asInt()).isZero();
  }

  @Test
  void aReleasabilityDefinitionIsReadableByTheNationsAndRecipientsItNames() {
    StixObject toLva =
        releasability(
            new Releasability(Set.of("LVA"), Set.of(USA_ID)),
            EST_ID,
            "2026-12-05T10:00:00.000Z",
            Tlp.AMBER_STRICT);
    String report = newId("campaign");
    assertThat(
            post(
                    INTEL,
                    estAuthor,
                    toLva.toJson(),
                    campaign(
                        report,
                        "2026-01-02T00:00:00.000Z",
                        EST_ID,
                        Tlp.AMBER.markingDefinitionId(),
                        toLva.id()))
                .path("failure_count")
                .asInt())
        .isZero();

    // the definition: its own marking (AMBER+STRICT: EST) plus those it names (LVA, the USA
    // identity)
    assertThat(readableBy(INTEL, toLva.id())).containsExactlyInAnyOrder("EST", "LVA", "USA");
    // what it marks is decided by the rule alone: AMBER + releasable to LVA
    assertThat(readableBy(INTEL, report)).containsExactlyInAnyOrder("EST", "LVA");
  }

  @Test
  void aReaderNamedByADefinitionDoesNotReadWhatIsListedBesideIt() {
    // an unmarked definition naming LVA, then (added after it, so listed after it) an unmarked
    // object
    // of the same origin: the same origin and refs, but only the definition names LVA
    StixObject toLva =
        releasability(Releasability.toNations("LVA"), EST_ID, "2026-12-06T10:00:00.000Z");
    assertThat(post(INTEL, estAuthor, toLva.toJson()).path("failure_count").asInt()).isZero();
    String unmarked = newId("campaign");
    assertThat(
            post(INTEL, estAuthor, campaign(unmarked, "2026-01-02T00:00:00.000Z", EST_ID))
                .path("failure_count")
                .asInt())
        .isZero();

    for (String endpoint : List.of("objects", "manifest")) {
      HttpResponse<String> r =
          node.get(
              INTEL + endpoint + "/?match[id]=" + toLva.id() + "," + unmarked, readers.get("LVA"));
      assertThat(r.statusCode()).isEqualTo(200);
      List<String> listed = new ArrayList<>();
      json(r).path("objects").forEach(o -> listed.add(o.path("id").asString()));
      assertThat(listed).as(endpoint).containsExactly(toLva.id());
    }
  }

  @Test
  void aPeerPushingItsNationsDefinitionIsTakenAsAPullWouldTakeItBoundToItsNation() {
    String deuNode = node.principal("squat-peer-deu", "DEU", "peer", Optional.empty());
    // an EST contributor took the id first on this node
    StixObject deus =
        releasability(
            Releasability.toNations("DEU", "POL"),
            "identity--3e000000-0000-4000-8000-0000000000de",
            "2026-12-07T10:00:00.000Z");
    ObjectNode ahead =
        releasability(
                Releasability.toNations("DEU", "POL", "UKR"), EST_ID, "2026-12-08T10:00:00.000Z")
            .json();
    ahead.put("id", deus.id());
    assertThat(post(INTEL, estAuthor, ahead.toString()).path("failure_count").asInt()).isZero();

    // DEU's node pushes its definition and an object it marks: stored, and the object is decided by
    // DEU's definition, not the one posted ahead
    String report = newId("campaign");
    JsonNode status =
        post(
            INTEL,
            deuNode,
            deus.toJson(),
            campaign(
                report,
                "2026-01-02T00:00:00.000Z",
                null,
                Tlp.AMBER.markingDefinitionId(),
                deus.id()));
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isZero();
    assertThat(readableBy(INTEL, report)).containsExactlyInAnyOrder("DEU", "POL");

    // replacing its own definition is refused to a peer too
    ObjectNode wider =
        releasability(
                Releasability.toNations("NATO"),
                "identity--3e000000-0000-4000-8000-0000000000de",
                "2026-12-07T10:00:00.000Z")
            .json();
    wider.put("id", deus.id());
    assertThat(failure(post(INTEL, deuNode, wider.toString()), deus.id()))
        .isEqualTo(EnvelopeMarkings.idNotAvailable(deus.id()));
  }
}
