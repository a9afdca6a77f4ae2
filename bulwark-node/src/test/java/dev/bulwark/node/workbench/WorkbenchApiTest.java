package dev.bulwark.node.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The workbench API on a real node (EST) as principals of EST, DEU and FIN: searching, an object's
 * page with who may read it, versions and a diff, the graph a hop at a time, creating with the
 * audience preview, pattern checks, bundle import and export, and the administration; what a reader
 * may not read answers as missing everywhere.
 */
class WorkbenchApiTest {
  static WorkbenchNode node;
  static WorkbenchHttp est;
  static WorkbenchHttp deu;
  static WorkbenchHttp fin;
  static WorkbenchHttp admin;
  static String malware;
  static String indicator;

  static final String EST_ID = "identity--1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

  @BeforeAll
  static void start() throws Exception {
    node = new WorkbenchNode();
    est =
        node.as(
            "est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR), Optional.of(EST_ID));
    deu = node.as("deu-analyst", "DEU", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    fin = node.as("fin-analyst", "FIN", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    admin = node.as("est-admin", "EST", EnumSet.of(Role.ADMIN, Role.READER));
    malware =
        created(
            est.postJson(
                "/api/intel/objects",
                "{\"object\":{\"type\":\"malware\",\"name\":\"Poison Ivy\",\"is_family\":true,"
                    + "\"aliases\":[\"Darkmoon\"],\"description\":\"A remote access trojan\"},"
                    + "\"tlp\":\"green\"}"));
    indicator =
        created(
            est.postJson(
                "/api/intel/objects",
                "{\"object\":{\"type\":\"indicator\",\"name\":\"Poison Ivy C2\","
                    + "\"pattern\":\"[ipv4-addr:value = '203.0.113.9']\",\"pattern_type\":\"stix\","
                    + "\"valid_from\":\"2026-01-01T00:00:00Z\"},"
                    + "\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]}"));
    created(
        est.postJson(
            "/api/intel/objects",
            "{\"object\":{\"type\":\"relationship\",\"relationship_type\":\"indicates\","
                + "\"source_ref\":\""
                + indicator
                + "\",\"target_ref\":\""
                + malware
                + "\"},\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]}"));
  }

  static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return WorkbenchHttp.JSON.readTree(r.body()).path("id").asString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  @Test
  void searchingPoisonIvyFindsTheMalwareAndOnlyWhatEachReaderMayRead() {
    JsonNode e = est.getJson("/api/intel/search?q=Poison%20Ivy&limit=10");
    assertThat(ids(e)).containsExactlyInAnyOrder(malware, indicator);
    assertThat(e.path("more").asBoolean()).isFalse();
    assertThat(ids(est.getJson("/api/intel/search?q=Poison%20Ivy&type=malware")))
        .containsExactly(malware);
    assertThat(ids(est.getJson("/api/intel/search?q=203.0.113.9"))).containsExactly(indicator);
    assertThat(ids(est.getJson("/api/intel/search?q=darkmoon"))).containsExactly(malware);
    assertThat(ids(deu.getJson("/api/intel/search?q=Poison%20Ivy")))
        .containsExactlyInAnyOrder(malware, indicator);
    JsonNode f = fin.getJson("/api/intel/search?q=Poison%20Ivy");
    assertThat(ids(f)).containsExactly(malware);
    assertThat(f.path("more").asBoolean()).isFalse();
    assertThat(ids(fin.getJson("/api/intel/search?q=203.0.113.9"))).isEmpty();
    JsonNode facets = fin.getJson("/api/intel/facets?q=Poison%20Ivy");
    assertThat(facets.path("types").toString()).isEqualTo("{\"malware\":1}");
    assertThat(facets.path("counted").asInt()).isEqualTo(1);
    assertThat(fin.getJson("/api/intel/suggest?prefix=poison").path("suggestions").size())
        .isEqualTo(1);
    assertThat(est.getJson("/api/intel/suggest?prefix=poison").path("suggestions").size())
        .isEqualTo(2);
  }

  @Test
  void pagesFollowTheSealedNextTokenAndATamperedOrBorrowedTokenIsRefused() {
    for (int i = 0; i < 5; i++) {
      created(
          est.postJson(
              "/api/intel/objects",
              "{\"object\":{\"type\":\"tool\",\"name\":\"pager tool "
                  + i
                  + "\"},\"tlp\":\"green\"}"));
    }
    List<String> seen = new ArrayList<>();
    String next = "";
    int pages = 0;
    do {
      JsonNode page =
          est.getJson(
              "/api/intel/search?q=pager&limit=2" + (next.isEmpty() ? "" : "&next=" + next));
      seen.addAll(ids(page));
      next = page.path("next").asString();
      assertThat(page.path("more").asBoolean()).isEqualTo(!next.isEmpty());
      pages++;
    } while (!next.isEmpty());
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
    String token = est.getJson("/api/intel/search?q=pager&limit=2").path("next").asString();
    char[] c = token.toCharArray();
    c[5] = c[5] == 'A' ? 'B' : 'A';
    HttpResponse<String> tampered =
        est.get("/api/intel/search?q=pager&limit=2&next=" + new String(c));
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(tampered.body()).contains("\"error\":\"bad_token\"").doesNotContain("tool--");
    assertThat(fin.get("/api/intel/search?q=pager&limit=2&next=" + token).statusCode())
        .isEqualTo(400);
    assertThat(est.get("/api/intel/search?q=other&limit=2&next=" + token).statusCode())
        .isEqualTo(400);
    assertThat(est.get("/api/intel/search?limit=0").statusCode()).isEqualTo(400);
    assertThat(est.get("/api/intel/search?sort=sideways").body()).contains("\"where\":\"sort\"");
  }

  @Test
  void theObjectPageSaysWhoMayReadItAndAReaderOutsideSeesNothing() {
    JsonNode page = deu.getJson("/api/intel/objects/" + indicator);
    assertThat(page.path("summary").path("name").asString()).isEqualTo("Poison Ivy C2");
    assertThat(page.path("readable_by").path("label").asString())
        .isEqualTo("readable by: EST (origin), DEU");
    assertThat(page.path("object").path("pattern").asString()).contains("203.0.113.9");
    assertThat(page.path("summary").path("markings").toString())
        .contains("TLP:AMBER")
        .contains("releasable to DEU");
    for (String path : List.of("", "/audience", "/versions", "/neighbours", "/diff?from=&to=")) {
      HttpResponse<String> denied = fin.get("/api/intel/objects/" + indicator + path);
      HttpResponse<String> missing =
          fin.get("/api/intel/objects/indicator--00000000-0000-4000-8000-000000000000" + path);
      assertThat(denied.statusCode()).as(path).isEqualTo(404);
      assertThat(denied.body()).isEqualTo(missing.body());
    }
    assertThat(
            fin.getJson("/api/intel/objects/" + malware)
                .path("readable_by")
                .path("label")
                .asString())
        .isEqualTo("readable by: every authenticated reader");
  }

  @Test
  void theGraphShowsTheRelationshipToThoseWhoMayReadBothEndsOnly() {
    JsonNode g = deu.getJson("/api/intel/objects/" + malware + "/neighbours");
    assertThat(g.path("edges").toString())
        .contains("\"kind\":\"relationship\"")
        .contains("\"label\":\"indicates\"")
        .contains(indicator);
    assertThat(g.path("nodes").toString()).contains(indicator);
    JsonNode f = fin.getJson("/api/intel/objects/" + malware + "/neighbours");
    assertThat(f.toString()).doesNotContain(indicator).doesNotContain("relationship--");
    assertThat(f.path("edges").size()).isZero();
    JsonNode back = deu.getJson("/api/intel/objects/" + indicator + "/neighbours");
    assertThat(back.path("nodes").toString()).contains(malware);
  }

  @Test
  void anAudiencePreviewNamesTheOriginAndTheNationsReleasedTo() {
    JsonNode a =
        est.postJsonOk("/api/intel/audience", "{\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]}");
    assertThat(a.path("label").asString()).isEqualTo("readable by: EST (origin), DEU");
    assertThat(a.path("nations").toString())
        .contains("{\"nation\":\"EST\",\"reason\":\"origin\"}")
        .contains("{\"nation\":\"DEU\",\"reason\":\"releasable to\"}");
    assertThat(
            est.postJsonOk("/api/intel/audience", "{\"tlp\":\"amber+strict\"}")
                .path("label")
                .asString())
        .isEqualTo("readable by: EST (origin)");
    assertThat(
            est.postJsonOk("/api/intel/audience", "{\"tlp\":\"clear\"}")
                .path("everyone")
                .asBoolean())
        .isTrue();
    assertThat(est.postJson("/api/intel/audience", "{\"tlp\":\"purple\"}").body())
        .contains("\"where\":\"tlp\"");
  }

  @Test
  void aNewVersionIsDiffedAndOneThatWidensIsRefused() throws Exception {
    String tool =
        created(
            est.postJson(
                "/api/intel/objects",
                "{\"object\":{\"type\":\"tool\",\"name\":\"versioned tool\"},"
                    + "\"tlp\":\"amber\",\"releasable_to\":[\"DEU\"]}"));
    Thread.sleep(5);
    JsonNode current = est.getJson("/api/intel/objects/" + tool).path("object");
    String edited = current.toString().replace("\"versioned tool\"", "\"versioned tool, renamed\"");
    HttpResponse<String> v2 =
        est.postJson("/api/intel/objects/" + tool + "/versions", "{\"object\":" + edited + "}");
    assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
    JsonNode versions = est.getJson("/api/intel/objects/" + tool + "/versions").path("versions");
    assertThat(versions.size()).isEqualTo(2);
    JsonNode diff =
        est.getJson(
            "/api/intel/objects/"
                + tool
                + "/diff?from="
                + versions.get(0).path("version").asString()
                + "&to="
                + versions.get(1).path("version").asString());
    assertThat(diff.path("changes").toString())
        .contains("\"path\":\"/name\"")
        .contains("versioned tool, renamed")
        .contains("\"path\":\"/modified\"");
    HttpResponse<String> wider =
        est.postJson(
            "/api/intel/objects/" + tool + "/versions",
            "{\"object\":" + edited.replace("renamed", "wider") + ",\"tlp\":\"green\"}");
    assertThat(wider.statusCode()).as(wider.body()).isEqualTo(400);
    assertThat(wider.body()).contains("\"error\":\"widens\"");
    assertThat(fin.postJson("/api/intel/objects/" + tool + "/versions", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void patternsAreCheckedLiveWithThePositionOfTheError() {
    assertThat(
            est.postJsonOk(
                    "/api/intel/patterns/validate",
                    "{\"pattern\":\"[ipv4-addr:value = '1.2.3.4']\"}")
                .path("valid")
                .asBoolean())
        .isTrue();
    JsonNode bad =
        est.postJsonOk("/api/intel/patterns/validate", "{\"pattern\":\"[ipv4-addr:value = ]\"}");
    assertThat(bad.path("valid").asBoolean()).isFalse();
    assertThat(bad.path("errors").get(0).path("position").asInt()).isPositive();
    HttpResponse<String> invalid =
        est.postJson(
            "/api/intel/objects",
            "{\"object\":{\"type\":\"indicator\",\"name\":\"x\",\"pattern\":\"[nope\","
                + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\"}}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"findings\"").contains("\"path\":\"$.pattern\"");
  }

  @Test
  void aBundleWithOneInvalidObjectStoresNothingAndSaysWhichAndWhere() {
    String good =
        "{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\",\"id\":\"attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5\","
            + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
            + "\"name\":\"Spearphishing Attachment\",\"created_by_ref\":\""
            + EST_ID
            + "\",\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"T1566.001\"}],"
            + "\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}";
    String bad = "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--nope\"}";
    HttpResponse<String> refused =
        est.postJson(
            "/api/intel/import",
            "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + good + "," + bad + "]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode report = WorkbenchHttp.JSON.readTree(refused.body());
    assertThat(report.path("stored").asBoolean()).isFalse();
    assertThat(report.path("objects").get(0).path("status").asString()).isEqualTo("valid");
    assertThat(report.path("objects").get(1).path("status").asString()).isEqualTo("refused");
    assertThat(report.path("objects").get(1).path("findings").size()).isPositive();
    assertThat(ids(est.getJson("/api/intel/search?q=T1566.001"))).isEmpty();
    JsonNode ok =
        est.postJsonOk(
            "/api/intel/import",
            "{\"type\":\"bundle\",\"id\":\"bundle--2\",\"objects\":[" + good + "]}");
    assertThat(ok.path("accepted").asInt()).isEqualTo(1);
    assertThat(ok.path("objects").get(0).path("status").asString()).isEqualTo("added");
    assertThat(ids(est.getJson("/api/intel/search?q=T1566.001")))
        .containsExactly("attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5");
  }

  @Test
  void aSearchRightAfterATaxiiAddFindsTheNewObject() {
    // the index is current first (the "nothing new" path is taken), then TAXII writes past it
    assertThat(ids(est.getJson("/api/intel/search?q=Gh0st"))).isEmpty();
    String id = "malware--5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
    String object =
        "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2026-02-01T00:00:00.000Z\",\"modified\":\"2026-02-01T00:00:00.000Z\","
            + "\"name\":\"Gh0st RAT\",\"is_family\":true,\"created_by_ref\":\""
            + EST_ID
            + "\",\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}";
    HttpResponse<String> added =
        est.postTaxii("/bulwark/collections/intel/objects/", "{\"objects\":[" + object + "]}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    assertThat(added.body()).contains("\"success_count\":1");
    assertThat(ids(est.getJson("/api/intel/search?q=Gh0st"))).containsExactly(id);
  }

  @Test
  void anExportHoldsOnlyWhatTheReaderMayRead() {
    String body = "{\"ids\":[\"" + malware + "\",\"" + indicator + "\"]}";
    JsonNode e = est.postJsonOk("/api/intel/export", body);
    assertThat(e.path("type").asString()).isEqualTo("bundle");
    assertThat(e.path("objects").size()).isEqualTo(2);
    JsonNode f = fin.postJsonOk("/api/intel/export", body);
    assertThat(f.path("objects").size()).isEqualTo(1);
    assertThat(f.toString()).doesNotContain(indicator);
    JsonNode s = fin.postJsonOk("/api/intel/export", "{\"search\":{\"q\":\"Poison Ivy\"}}");
    assertThat(s.path("objects").size()).isEqualTo(1);
  }

  @Test
  void anAdminAddsAPrincipalWhoseTokenIsShownOnceAndVerifiesTheAuditChain() {
    assertThat(est.get("/api/admin/principals").statusCode()).isEqualTo(403);
    HttpResponse<String> added =
        admin.postJson(
            "/api/admin/principals",
            "{\"name\":\"lva-analyst\",\"nation\":\"LVA\",\"roles\":[\"reader\"]}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode a = WorkbenchHttp.JSON.readTree(added.body());
    String token = a.path("token").asString();
    assertThat(token).isNotBlank();
    WorkbenchHttp lva = new WorkbenchHttp(node.base, "lva-analyst", token);
    assertThat(ids(lva.getJson("/api/intel/search?q=Poison%20Ivy"))).containsExactly(malware);
    JsonNode list = admin.getJson("/api/admin/principals");
    assertThat(list.toString()).contains("lva-analyst").doesNotContain(token);
    assertThat(admin.postJson("/api/admin/principals/lva-analyst/revoke", "").statusCode())
        .isEqualTo(200);
    assertThat(lva.get("/api/intel/search?q=x").statusCode()).isEqualTo(401);
    JsonNode verify = admin.getJson("/api/admin/audit/verify");
    assertThat(verify.path("ok").asBoolean()).isTrue();
    assertThat(verify.path("checked").asLong()).isPositive();
    JsonNode audit = admin.getJson("/api/admin/audit?principal=est-admin");
    assertThat(audit.path("records").toString()).contains("principal.add");
    assertThat(admin.getJson("/api/admin/grants").path("collections").toString())
        .contains("\"id\":\"intel\"");
  }

  @Test
  void anAdminChangesTheRolesAndExpiryOfAPrincipalWhichTakeEffectOnItsNextRequest() {
    HttpResponse<String> added =
        admin.postJson(
            "/api/admin/principals",
            "{\"name\":\"ltu-analyst\",\"nation\":\"LTU\",\"roles\":[\"reader\"]}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    WorkbenchHttp ltu =
        new WorkbenchHttp(
            node.base,
            "ltu-analyst",
            WorkbenchHttp.JSON.readTree(added.body()).path("token").asString());
    String tool = "{\"object\":{\"type\":\"tool\",\"name\":\"ltu tool\"},\"tlp\":\"green\"}";
    assertThat(ltu.postJson("/api/intel/objects", tool).statusCode()).isEqualTo(403);

    assertThat(est.postJson("/api/admin/principals/ltu-analyst", "{\"roles\":[\"admin\"]}"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    JsonNode changed =
        admin.postJsonOk(
            "/api/admin/principals/ltu-analyst",
            "{\"roles\":[\"reader\",\"contributor\"],\"expires\":\"2099-12-31T23:59:59Z\"}");
    assertThat(changed.path("principal").path("roles").toString())
        .isEqualTo("[\"contributor\",\"reader\"]");
    assertThat(changed.path("principal").path("expires").asString()).startsWith("2099-12-31");
    assertThat(ltu.postJson("/api/intel/objects", tool).statusCode()).isEqualTo(201);
    JsonNode listed = admin.getJson("/api/admin/principals");
    assertThat(listed.toString()).contains("2099-12-31");

    // only the expiry changes; roles stay
    JsonNode expired =
        admin.postJsonOk(
            "/api/admin/principals/ltu-analyst", "{\"expires\":\"2020-01-01T00:00:00Z\"}");
    assertThat(expired.path("principal").path("roles").toString()).contains("contributor");
    assertThat(expired.path("principal").path("active").asBoolean()).isFalse();
    assertThat(ltu.get("/api/intel/search?q=x").statusCode()).isEqualTo(401);
    admin.postJsonOk("/api/admin/principals/ltu-analyst", "{\"expires\":\"\"}");
    assertThat(ltu.get("/api/intel/search?q=x").statusCode()).isEqualTo(200);

    HttpResponse<String> unknown =
        admin.postJson("/api/admin/principals/nobody-here", "{\"roles\":[\"reader\"]}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(WorkbenchHttp.JSON.readTree(unknown.body()).path("message").asString())
        .isEqualTo("No principal of that name that is not revoked.");
    assertThat(
            admin
                .postJson("/api/admin/principals/ltu-analyst", "{\"roles\":[\"pilot\"]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(admin.postJson("/api/admin/principals/ltu-analyst", "{}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> selfDemotion =
        admin.postJson("/api/admin/principals/est-admin", "{\"roles\":[\"reader\"]}");
    assertThat(selfDemotion.statusCode()).isEqualTo(400);
    assertThat(selfDemotion.body()).contains("admin role from yourself");

    JsonNode audit = admin.getJson("/api/admin/audit?principal=est-admin&action=principal.update");
    assertThat(audit.path("records").toString())
        .contains("ltu-analyst roles=reader,contributor")
        .contains("ltu-analyst roles=reader,contributor expires=2020-01-01");
  }

  @Test
  void anAdminAddsAPeerAndItsTestSaysInPlainWordsWhyItCannotConnect() {
    HttpResponse<String> added =
        admin.postJson(
            "/api/admin/peers",
            "{\"name\":\"fin-node\",\"nation\":\"FIN\",\"url\":\"http://127.0.0.1:9/bulwark/\","
                + "\"token\":\"secret-token\",\"pull\":[\"intel\"],"
                + "\"fingerprint\":\""
                + "ab".repeat(32)
                + "\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode peers = admin.getJson("/api/admin/peers");
    assertThat(peers.toString())
        .contains("fin-node")
        .contains("\"collection\":\"intel\"")
        .contains("ab".repeat(32))
        .doesNotContain("secret-token");
    // a peer never reached is not "ok": never_reached, or failing once an exchange has failed
    JsonNode fin0 = peers.path("peers").get(0);
    assertThat(fin0.path("name").asString()).isEqualTo("fin-node");
    boolean anyError = false;
    for (JsonNode c : fin0.path("collections")) {
      anyError |= !c.path("last_error").asString().isEmpty();
      assertThat(c.path("last_success").asString()).isEmpty();
    }
    assertThat(fin0.path("status").asString()).isIn("never_reached", "failing");
    if (!anyError) {
      assertThat(fin0.path("status").asString()).isEqualTo("never_reached");
    }
    JsonNode test = admin.postJsonOk("/api/admin/peers/fin-node/test", "");
    assertThat(test.path("ok").asBoolean()).isFalse();
    assertThat(test.path("message").asString()).isNotBlank();
    assertThat(fin.get("/api/admin/peers").statusCode()).isEqualTo(403);
  }

  @Test
  void anAdminIsOfferedOnlyCollectionsAPersonMayCreateInAndTheWritePathAgrees() {
    JsonNode cols = admin.getJson("/api/intel/collections").path("collections");
    List<String> writable = new ArrayList<>();
    List<String> readOnly = new ArrayList<>();
    for (JsonNode c : cols) {
      (c.path("can_write").asBoolean() ? writable : readOnly).add(c.path("id").asString());
    }
    // the node's own definitions and what its features publish are the node's, not a person's
    assertThat(writable).contains("intel").doesNotContain("definitions", "maritime-alerts");
    assertThat(readOnly).contains("definitions");
    String note =
        "{\"object\":{\"type\":\"tool\",\"name\":\"an admin's own tool\"},\"tlp\":\"clear\"}";
    // the rule the list follows is the write path's: each offered collection takes the object,
    // each other one refuses it
    for (String c : readOnly) {
      assertThat(admin.postJson("/api/intel/objects?collection=" + c, note).statusCode())
          .as(c)
          .isEqualTo(403);
    }
    assertThat(admin.postJson("/api/intel/objects?collection=intel", note).statusCode())
        .isEqualTo(201);
    for (JsonNode c : est.getJson("/api/intel/collections").path("collections")) {
      if (c.path("id").asString().equals("definitions")) {
        assertThat(c.path("can_write").asBoolean()).as("a contributor").isFalse();
      }
    }
  }

  @Test
  void theCallerSeesItselfAndTheCollectionsItMayReadAndSearchesOneOfThem() {
    JsonNode me = est.getJson("/api/intel/me");
    assertThat(me.path("nation").asString()).isEqualTo("EST");
    assertThat(me.path("roles").toString()).contains("contributor");
    assertThat(me.path("identity_id").asString()).isEqualTo(EST_ID);
    JsonNode cols = est.getJson("/api/intel/collections").path("collections");
    assertThat(cols.toString()).contains("\"id\":\"intel\"");
    assertThat(ids(est.getJson("/api/intel/search?q=Poison%20Ivy&collection=intel")))
        .contains(malware);
    assertThat(ids(est.getJson("/api/intel/search?q=Poison%20Ivy&collection=sightings"))).isEmpty();
  }
}
