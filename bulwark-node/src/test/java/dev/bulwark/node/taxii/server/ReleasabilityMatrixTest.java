package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.envelope;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Four nations x every TLP level (and none) x no releasability / releasable to a nation /
 * releasable to a nation and a named recipient, read through every read endpoint (objects, object,
 * versions, manifest): each reader sees exactly what the design's table allows, no more (a leak)
 * and no less. The expectation is written out here from the table in DESIGN.md, not computed by the
 * library rule.
 */
class ReleasabilityMatrixTest {
  static final String EST = "identity--2a000000-0000-4000-8000-000000000001";
  static final String LVA = "identity--2a000000-0000-4000-8000-000000000002";
  static final String DEU = "identity--2a000000-0000-4000-8000-000000000003";
  static final String USA = "identity--2a000000-0000-4000-8000-000000000004";
  static final String C = "/bulwark/collections/matrix/";

  record ReaderCase(String nation, String identity, String token) {}

  record Case(String id, Optional<Tlp> tlp, String rel) {}

  static TestNode node;
  static final Map<String, ReaderCase> readers = new LinkedHashMap<>();
  static final List<Case> cases = new ArrayList<>();

  @BeforeAll
  static void load() {
    node = TestNode.get();
    String admin = node.principal("matrix-admin", "EST", "admin", Optional.of(EST));
    for (String[] r : new String[][] {{"EST", EST}, {"LVA", LVA}, {"DEU", DEU}, {"USA", USA}}) {
      readers.put(
          r[0],
          new ReaderCase(
              r[0],
              r[1],
              node.principal("matrix-" + r[0].toLowerCase(), r[0], "reader", Optional.of(r[1]))));
    }
    StixObject relLva =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("LVA"), EST, "2026-01-01T00:00:00.000Z");
    StixObject relLvaDeu =
        ReleasabilityMarking.markingDefinition(
            new Releasability(Set.of("LVA"), Set.of(DEU)), EST, "2026-01-01T00:00:00.000Z");
    List<String> objects = new ArrayList<>(List.of(relLva.toJson(), relLvaDeu.toJson()));
    List<Optional<Tlp>> tlps = new ArrayList<>();
    tlps.add(Optional.empty());
    for (Tlp t : Tlp.values()) {
      tlps.add(Optional.of(t));
    }
    for (Optional<Tlp> tlp : tlps) {
      for (String rel : List.of("none", "LVA", "LVA+DEU-identity")) {
        List<String> refs = new ArrayList<>();
        tlp.ifPresent(t -> refs.add(t.markingDefinitionId()));
        if (rel.equals("LVA")) {
          refs.add(relLva.id());
        } else if (rel.equals("LVA+DEU-identity")) {
          refs.add(relLvaDeu.id());
        }
        String id = newId("campaign");
        cases.add(new Case(id, tlp, rel));
        objects.add(campaign(id, "2026-01-02T00:00:00.000Z", EST, refs.toArray(String[]::new)));
      }
    }
    HttpResponse<String> r =
        node.post(C + "objects/", admin, envelope(objects.toArray(String[]::new)));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r).path("failure_count").asInt()).as(r.body()).isZero();
  }

  /** DESIGN.md's table, origin nation EST. */
  static boolean expected(Case c, ReaderCase reader) {
    boolean origin = reader.nation().equals("EST");
    boolean listedNation = !c.rel().equals("none") && reader.nation().equals("LVA");
    boolean namedRecipient = c.rel().equals("LVA+DEU-identity") && reader.identity().equals(DEU);
    if (c.tlp().isEmpty() && c.rel().equals("none")) {
      return origin; // the collection default: the origin nation only
    }
    boolean relAllows = c.rel().equals("none") || origin || listedNation || namedRecipient;
    boolean tlpAllows =
        c.tlp()
            .map(
                t ->
                    switch (t) {
                      case CLEAR, GREEN -> true;
                      case AMBER -> origin || listedNation;
                      case AMBER_STRICT -> origin;
                      case RED -> namedRecipient;
                    })
            .orElse(true);
    return relAllows && tlpAllows;
  }

  private static Set<String> expectedIds(ReaderCase reader) {
    Set<String> out = new TreeSet<>();
    cases.stream().filter(c -> expected(c, reader)).forEach(c -> out.add(c.id()));
    return out;
  }

  private static Set<String> campaignIds(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Set<String> out = new TreeSet<>();
    json(r)
        .path("objects")
        .forEach(
            o -> {
              if (o.path("id").asString().startsWith("campaign--")) {
                out.add(o.path("id").asString());
              }
            });
    return out;
  }

  @Test
  void theTableItselfIsNotTrivial() {
    // every reader sees something and is denied something; RED reaches only the named recipient
    for (ReaderCase r : readers.values()) {
      assertThat(expectedIds(r)).isNotEmpty().hasSizeLessThan(cases.size());
    }
    assertThat(
            cases.stream()
                .filter(c -> c.tlp().equals(Optional.of(Tlp.RED)))
                .filter(c -> readers.values().stream().anyMatch(r -> expected(c, r))))
        .hasSize(1);
  }

  @Test
  void objectsEndpointShowsExactlyWhatTheMarkingsAllow() {
    for (ReaderCase r : readers.values()) {
      assertThat(campaignIds(node.get(C + "objects/?limit=1000", r.token())))
          .as(r.nation())
          .isEqualTo(expectedIds(r));
      assertThat(campaignIds(node.get(C + "objects/?limit=1000&match[version]=all", r.token())))
          .as(r.nation())
          .isEqualTo(expectedIds(r));
      // paging one by one must not leak either
      Set<String> paged = new TreeSet<>();
      String next = null;
      do {
        HttpResponse<String> p =
            node.get(
                C + "objects/?limit=1&match[type]=campaign" + (next == null ? "" : "&next=" + next),
                r.token());
        paged.addAll(campaignIds(p));
        next = json(p).path("more").asBoolean() ? json(p).path("next").asString() : null;
      } while (next != null);
      assertThat(paged).as(r.nation()).isEqualTo(expectedIds(r));
    }
  }

  @Test
  void manifestShowsExactlyWhatTheMarkingsAllow() {
    for (ReaderCase r : readers.values()) {
      assertThat(campaignIds(node.get(C + "manifest/?limit=1000", r.token())))
          .as(r.nation())
          .isEqualTo(expectedIds(r));
    }
  }

  @Test
  void objectAndVersionsEndpointsShowExactlyWhatTheMarkingsAllow() {
    for (ReaderCase r : readers.values()) {
      for (Case c : cases) {
        boolean may = expected(c, r);
        HttpResponse<String> one = node.get(C + "objects/" + c.id() + "/", r.token());
        HttpResponse<String> versions = node.get(C + "objects/" + c.id() + "/versions/", r.token());
        String what = r.nation() + " reading " + c;
        assertThat(one.statusCode()).as(what).isEqualTo(may ? 200 : 404);
        assertThat(versions.statusCode()).as(what).isEqualTo(may ? 200 : 404);
        if (!may) {
          assertThat(one.body()).as(what).doesNotContain("\"name\"", "marking");
          assertThat(versions.body()).as(what).doesNotContain("2026-01-02");
        }
      }
    }
  }
}
