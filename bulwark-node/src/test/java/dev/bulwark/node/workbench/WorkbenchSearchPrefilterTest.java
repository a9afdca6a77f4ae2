package dev.bulwark.node.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The search's audience prefilter attacked from the reader's side (issue 20), on a real node (EST):
 * a version re-marked narrower leaves a reader's search at the very next search (no result, no
 * count, no {@code more}, no token; by id the reader still reads the older version it could read);
 * matches a reader may not read change nothing it sees while it pages (the same ids, the same
 * {@code more}, and a token taken before they were added goes on the same way); and a reader a
 * releasability marking names still finds what it may read (the prefilter narrows, it never hides a
 * readable object).
 */
class WorkbenchSearchPrefilterTest {
  static WorkbenchNode node;
  static WorkbenchHttp est;
  static WorkbenchHttp deu;
  static WorkbenchHttp fin;

  @BeforeAll
  static void start() throws Exception {
    node = new WorkbenchNode();
    est = node.as("est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    deu = node.as("deu-analyst", "DEU", EnumSet.of(Role.READER));
    fin = node.as("fin-analyst", "FIN", EnumSet.of(Role.READER));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  static String create(String type, String name, String markings) {
    HttpResponse<String> r =
        est.postJson(
            "/api/intel/objects",
            "{\"object\":{\"type\":\""
                + type
                + "\",\"name\":\""
                + name
                + "\""
                + ("malware".equals(type) ? ",\"is_family\":true" : "")
                + "},"
                + markings
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return WorkbenchHttp.JSON.readTree(r.body()).path("id").asString();
  }

  static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  @Test
  void aVersionReMarkedNarrowerLeavesTheReadersSearchAtOnce() throws Exception {
    String id = create("malware", "kestrel loader", "\"tlp\":\"green\"");
    assertThat(ids(fin.getJson("/api/intel/search?q=kestrel"))).containsExactly(id);
    JsonNode current = est.getJson("/api/intel/objects/" + id).path("object");
    Thread.sleep(5);
    HttpResponse<String> narrowed =
        est.postJson(
            "/api/intel/objects/" + id + "/versions",
            "{\"object\":" + current + ",\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]}");
    assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);

    JsonNode f = fin.getJson("/api/intel/search?q=kestrel&limit=1");
    assertThat(ids(f)).isEmpty();
    assertThat(f.path("more").asBoolean()).isFalse();
    assertThat(f.path("next").asString()).isEmpty();
    JsonNode facets = fin.getJson("/api/intel/facets?q=kestrel");
    assertThat(facets.path("counted").asInt()).isZero();
    assertThat(facets.path("capped").asBoolean()).isFalse();
    // by id FIN still reads the version it could read before (versions are kept), only that one
    assertThat(fin.getJson("/api/intel/objects/" + id).path("versions_count").asInt()).isEqualTo(1);
    assertThat(est.getJson("/api/intel/objects/" + id).path("versions_count").asInt()).isEqualTo(2);
    // the origin and the nation the new marking names still find it
    assertThat(ids(est.getJson("/api/intel/search?q=kestrel"))).containsExactly(id);
    assertThat(ids(deu.getJson("/api/intel/search?q=kestrel"))).containsExactly(id);
  }

  /** Every page of a search as ids, with each page's {@code more}. */
  static List<String> walk(WorkbenchHttp who, String query, String startToken) {
    List<String> out = new ArrayList<>();
    String next = startToken;
    do {
      JsonNode page =
          who.getJson(
              "/api/intel/search?limit=2&q=" + query + (next.isEmpty() ? "" : "&next=" + next));
      out.add(ids(page) + " more=" + page.path("more").asBoolean());
      next = page.path("next").asString();
      assertThat(page.path("more").asBoolean()).isEqualTo(!next.isEmpty());
    } while (!next.isEmpty());
    return out;
  }

  @Test
  void matchesTheReaderMayNotReadChangeNothingItSeesWhilePaging() {
    List<String> readable = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      readable.add(create("tool", "osprey tool " + i, "\"tlp\":\"green\""));
    }
    List<String> before = walk(fin, "osprey", "");
    String secondPage = fin.getJson("/api/intel/search?limit=2&q=osprey").path("next").asString();
    assertThat(before).hasSize(3);

    // hidden from FIN: newer than every readable one, and between them in the index order
    List<String> hidden = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      hidden.add(create("tool", "osprey secret " + i, "\"tlp\":\"amber\""));
      hidden.add(
          create(
              "tool", "osprey for germany " + i, "\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]"));
    }

    assertThat(walk(fin, "osprey", "")).isEqualTo(before);
    assertThat(walk(fin, "osprey", secondPage)).isEqualTo(before.subList(1, before.size()));
    assertThat(String.join(" ", before)).doesNotContain(hidden.toArray(String[]::new));
    JsonNode facets = fin.getJson("/api/intel/facets?q=osprey");
    assertThat(facets.path("counted").asInt()).isEqualTo(5);

    // not too narrow: DEU finds what the releasability names it for, and the GREEN ones
    List<String> seenByDeu = new ArrayList<>();
    String next = "";
    do {
      JsonNode page =
          deu.getJson(
              "/api/intel/search?limit=4&q=osprey" + (next.isEmpty() ? "" : "&next=" + next));
      seenByDeu.addAll(ids(page));
      next = page.path("next").asString();
    } while (!next.isEmpty());
    assertThat(seenByDeu).hasSize(12).containsAll(readable);
    assertThat(ids(est.getJson("/api/intel/search?limit=50&q=osprey"))).hasSize(19);
  }
}
