package dev.bulwark.node.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.SummaryJson;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.declaration.DeclarationJson;
import dev.bulwark.readiness.stix.ForceDeclarationStix;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.support.ally.Allies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The readiness API of a real node (nation EST) over HTTP, as principals of several nations and
 * roles: the summary is computed per reader from exactly what that reader may list (a nation's
 * totals never hold a unit it may not see), contributors enter for their own nation only, files are
 * all or nothing with the rows named, every change is a new version and audited, and a forged
 * declaration from a node that may not speak for a nation counts for nothing.
 */
class ReadinessApiTest {
  static final String AS_OF = "2026-06-30";
  static final String HEADER =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from,releasable_to\n";

  static ConfigurableApplicationContext node;
  static Path home;
  static String base;
  static NodeHttp admin;
  static NodeHttp estReader;
  static NodeHttp lvaOfficer;
  static NodeHttp polReader;

  @BeforeAll
  static void start() throws Exception {
    home = Files.createTempDirectory("bulwark-readiness-test-");
    node =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000");
    base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    admin = as("est-admin", "EST", EnumSet.of(Role.ADMIN));
    estReader = as("est-reader", "EST", EnumSet.of(Role.READER));
    lvaOfficer = as("lva-officer", "LVA", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    polReader = as("pol-reader", "POL", EnumSet.of(Role.READER));
    HttpResponse<String> r =
        admin.post(
            "/api/readiness/import",
            "text/csv",
            HEADER
                + "EST,1st Infantry Brigade,land,infantry brigade,3500,8,north,exercised,2,2025-01-01,\n"
                + "LVA,Mechanised Brigade,land,mechanised brigade,2600,10,north,certified,2,2025-01-01,\n"
                + "LVA,Air Defence Battalion,air,air defence,400,5,north,declared,1,2025-01-01,POL\n"
                + "POL,16th Mechanised Division,land,division,14000,25,north,snap-inspected,2,2025-01-01,\n"
                + "DEU,Panzerbrigade 45,land,armoured brigade,5000,25,north,certified,1,2025-01-01,\n"
                + "POL,16th Mechanised Division,land,division,15000,40,north,declared,3,2026-03-01,\n");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static NodeHttp as(String name, String nation, Set<Role> roles) {
    String token =
        node.getBean(PrincipalStore.class)
            .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
            .token();
    return new NodeHttp(base, name, token);
  }

  /** Every version the reader may list, as declarations, in the order the node made them. */
  static List<Declaration> listed(NodeHttp who) {
    DeclarationCsv csv = new DeclarationCsv(Allies.nato());
    List<Declaration> out = new ArrayList<>();
    JsonNode all = who.getJson("/api/readiness/declarations?versions=all");
    for (int i = 0; i < all.size(); i++) {
      out.add(csv.parse(i + 1, DeclarationJson.columns(all.get(i))).declaration());
    }
    return out;
  }

  static Set<String> units(NodeHttp who) {
    Set<String> out = new TreeSet<>();
    who.getJson("/api/readiness/declarations?as_of=" + AS_OF)
        .forEach(d -> out.add(d.get("nation").asString() + "/" + d.get("unit").asString()));
    return out;
  }

  @Test
  void eachReaderListsOnlyWhatItsMarkingsAllow() {
    assertThat(units(estReader)).as("the node's nation, origin of all").hasSize(5);
    assertThat(units(lvaOfficer))
        .containsExactlyInAnyOrder("LVA/Mechanised Brigade", "LVA/Air Defence Battalion");
    assertThat(units(polReader))
        .containsExactlyInAnyOrder("POL/16th Mechanised Division", "LVA/Air Defence Battalion");
  }

  @Test
  void everyReadersTotalsAreTheTotalsOfWhatThatReaderMayList() {
    for (NodeHttp who : List.of(admin, estReader, lvaOfficer, polReader)) {
      JsonNode served = who.getJson("/api/readiness/summary?as_of=" + AS_OF);
      JsonNode recomputed =
          SummaryJson.write(
              ReadinessCalculator.nato().summary(listed(who), LocalDate.parse(AS_OF)));
      assertThat(served.toString()).isEqualTo(recomputed.toString());
    }
    JsonNode lva = lvaOfficer.getJson("/api/readiness/summary?as_of=" + AS_OF);
    assertThat(lva.get("tiers").get(0).get("declared").asLong()).isEqualTo(3000);
    assertThat(lva.get("tiers").get(1).get("declared").asLong()).isZero();
    for (JsonNode a : lva.get("allies")) {
      if (!a.get("iso3").asString().equals("LVA")) {
        assertThat(a.get("declared").asLong()).as(a.get("iso3").asString()).isZero();
      }
    }
    JsonNode pol = polReader.getJson("/api/readiness/summary?as_of=" + AS_OF);
    assertThat(pol.get("tiers").get(2).get("declared").asLong())
        .as("the version valid on the date: the division moved to tier 3")
        .isEqualTo(15_000);
  }

  @Test
  void aContributorEntersForItsOwnNationOnlyAndAFileIsAllOrNothing() {
    HttpResponse<String> foreign =
        lvaOfficer.post(
            "/api/readiness/import",
            "text/csv",
            HEADER
                + "LVA,Engineer Battalion,land,engineers,500,20,north,declared,2,2026-01-01,\n"
                + "EST,Fake Brigade,land,brigade,9000,5,north,declared,1,2026-01-01,\n");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("line 3");
    HttpResponse<String> bad =
        lvaOfficer.post(
            "/api/readiness/import",
            "text/csv",
            HEADER
                + "LVA,Engineer Battalion,land,engineers,500,20,north,declared,2,2026-01-01,\n"
                + "LVA,Broken,land,engineers,lots,20,north,declared,2,2026-01-01,\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("line 3").contains("personnel");
    assertThat(units(lvaOfficer)).doesNotContain("LVA/Engineer Battalion", "LVA/Broken");
    assertThat(polReader.post("/api/readiness/import", "text/csv", HEADER).statusCode())
        .as("a reader enters nothing")
        .isEqualTo(403);
  }

  @Test
  void anEntryIsANewVersionAndAudited() {
    HttpResponse<String> r =
        lvaOfficer.post(
            "/api/readiness/declarations",
            "application/json",
            "{\"nation\":\"LVA\",\"unit\":\"Mechanised Brigade\",\"domain\":\"land\","
                + "\"unit_type\":\"mechanised brigade\",\"personnel\":2700,\"notice_to_move_days\":10,"
                + "\"regional_plan\":\"north\",\"status\":\"exercised\",\"c_level\":1,"
                + "\"valid_from\":\"2026-06-01\",\"equipment\":{\"ifv\":44}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode all = lvaOfficer.getJson("/api/readiness/declarations?versions=all");
    long versions = 0;
    for (JsonNode d : all) {
      if (d.get("unit").asString().equals("Mechanised Brigade")) {
        versions++;
        assertThat(d.get("id").asString())
            .isEqualTo(ForceDeclarationStix.id("LVA", "Mechanised Brigade"));
      }
    }
    assertThat(versions).isEqualTo(2);
    JsonNode now = lvaOfficer.getJson("/api/readiness/declarations?as_of=2026-06-30");
    JsonNode brigade = null;
    for (JsonNode d : now) {
      if (d.get("unit").asString().equals("Mechanised Brigade")) {
        brigade = d;
      }
    }
    assertThat(brigade).isNotNull();
    assertThat(brigade.get("personnel").asInt()).isEqualTo(2700);
    assertThat(brigade.get("equipment").get("ifv").asInt()).isEqualTo(44);
    lvaOfficer.getJson("/api/readiness/summary");
    List<AuditRecord> records =
        node.getBean(AuditLog.class).list(0, 100_000, Optional.of("lva-officer"));
    assertThat(records)
        .anySatisfy(
            a -> {
              assertThat(a.entry().action()).isEqualTo("readiness.declarations.enter");
              assertThat(a.entry().objectRefs()).hasSize(1);
            });
    assertThat(records)
        .anySatisfy(a -> assertThat(a.entry().action()).isEqualTo("readiness.summary"));
  }

  @Test
  void aForgedDeclarationFromANodeThatMayNotSpeakForTheNationCountsForNothing() {
    JsonNode before = estReader.getJson("/api/readiness/summary?as_of=" + AS_OF);
    Declaration forged =
        new DeclarationCsv(Allies.nato())
            .parse(
                1,
                Map.of(
                    "nation",
                    "EST",
                    "unit",
                    "1st Infantry Brigade",
                    "domain",
                    "land",
                    "unit_type",
                    "infantry brigade",
                    "personnel",
                    "900000",
                    "notice_to_move_days",
                    "1",
                    "regional_plan",
                    "north",
                    "status",
                    "exercised",
                    "c_level",
                    "1",
                    "valid_from",
                    "2026-06-01"))
            .declaration();
    node.getBean(ObjectStore.class)
        .add(
            DeclarationStore.COLLECTION,
            NewObject.from(
                ForceDeclarationStix.toStix(
                    forged,
                    "2026-06-01T00:00:00.000Z",
                    "2026-06-01T00:00:00.000Z",
                    List.of(Tlp.GREEN.markingDefinitionId()))),
            new Provenance("DEU", "deu-node"));
    assertThat(estReader.getJson("/api/readiness/summary?as_of=" + AS_OF).toString())
        .isEqualTo(before.toString());
  }

  @Test
  void anAdminPublishesAllianceTotalsTlpClearAndEveryoneMayReadThemButNoUnit() {
    assertThat(
            estReader
                .post("/api/readiness/publications?as_of=" + AS_OF, "application/json", "")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> r =
        admin.post("/api/readiness/publications?as_of=" + AS_OF, "application/json", "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode published = NodeHttp.JSON.readTree(r.body());
    String id = published.get("id").asString();
    assertThat(published.get("totals").has("allies")).isFalse();
    assertThat(published.toString()).doesNotContain("Brigade").doesNotContain("Division");
    // POL's reader sees none of EST's units, but may read the published totals over TAXII
    HttpResponse<String> taxii =
        polReader.getTaxii("/bulwark/collections/force-declarations/objects/" + id + "/");
    assertThat(taxii.statusCode()).isEqualTo(200);
    assertThat(taxii.body()).contains(Tlp.CLEAR.markingDefinitionId()).contains("tiers");
  }

  @Test
  void withoutCredentialsNothingAnswers() {
    NodeHttp anonymous = NodeHttp.anonymous(base);
    assertThat(anonymous.get("/api/readiness/summary").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/readiness/declarations").statusCode()).isEqualTo(401);
    assertThat(anonymous.post("/api/readiness/import", "text/csv", HEADER).statusCode())
        .isEqualTo(401);
  }
}
