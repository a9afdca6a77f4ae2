package dev.bulwark.node.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The support API of a real node (nation EST) over HTTP on a random port, as principals of several
 * nations and roles: fair shares, the ledger with its all-or-nothing uploads and nation rule,
 * corrections, requirements, offers, allocation, forecast, reports, IATI, publishing and the public
 * report, and the audit records of all of it. Each test works in its own years, so they do not
 * depend on each other's order.
 */
class SupportApiTest {
  static ConfigurableApplicationContext node;
  static String base;
  static NodeHttp estOfficer;
  static NodeHttp usaOfficer;
  static NodeHttp reader;
  static NodeHttp admin;
  static NodeHttp peer;
  static String peerToken;

  @BeforeAll
  static void start() throws Exception {
    Path home = TempDirs.create("bulwark-support-test-");
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
    estOfficer = as("est-officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    usaOfficer = as("usa-officer", "USA", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    reader = as("est-reader", "EST", EnumSet.of(Role.READER));
    admin = as("est-admin", "EST", EnumSet.of(Role.ADMIN));
    peerToken = token("fin-node", "FIN", EnumSet.of(Role.PEER));
    peer = new NodeHttp(base, "fin-node", peerToken);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static NodeHttp as(String name, String nation, Set<Role> roles) {
    return new NodeHttp(base, name, token(name, nation, roles));
  }

  static String token(String name, String nation, Set<Role> roles) {
    return node.getBean(PrincipalStore.class)
        .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
        .token();
  }

  static long ledgerSize() {
    return node.getBean(ContributionStore.class).count();
  }

  static List<AuditRecord> audit(String principal) {
    return node.getBean(AuditLog.class).list(0, 100_000, Optional.of(principal));
  }

  static String entry(String id, String donor, String date, String eur) {
    return "{\"id\":\""
        + id
        + "\",\"donor\":\""
        + donor
        + "\",\"date\":\""
        + date
        + "\",\"status\":\"delivered\","
        + "\"category\":\"in_kind_donation\",\"channel\":\"bilateral\",\"coalition\":\"drones\",\"amount\":"
        + eur
        + ",\"currency\":\"EUR\",\"valuation\":\"donor_reported\",\"description\":\"test\",\"source\":\"unit test\"}";
  }

  @Test
  void withoutCredentialsOnlyThePublishedReportsAnswer() {
    NodeHttp anonymous = NodeHttp.anonymous(base);
    assertThat(anonymous.get("/api/support/fair-share?year=2024").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/support/contributions").statusCode()).isEqualTo(401);
    assertThat(
            anonymous
                .postJson(
                    "/api/support/contributions", entry("anon-1", "EST", "2024-01-10", "1000"))
                .statusCode())
        .isEqualTo(401);
    assertThat(anonymous.get("/api/support/report?format=html").statusCode()).isEqualTo(401);
    HttpResponse<String> index = anonymous.get("/public/support/reports");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).startsWith("[");
    assertThat(anonymous.get("/public/support/reports/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void fairSharesOn2023GdpReproduceTheArithmeticByHandAndSumToTheBaseline() {
    JsonNode t = reader.getJson("/api/support/fair-share?year=2024&key_year=2023");
    assertThat(t.path("key_year").asInt()).isEqualTo(2023);
    assertThat(t.path("baseline_eur").asString()).isEqualTo("40000000000.00");
    JsonNode usa = ally(t, "USA");
    assertThat(Double.parseDouble(usa.path("share").asString())).isBetween(0.525, 0.533);
    assertThat(new BigDecimal(usa.path("fair_share_eur").asString()))
        .isBetween(new BigDecimal("21.0e9"), new BigDecimal("21.4e9"));
    assertThat(new BigDecimal(ally(t, "EST").path("fair_share_eur").asString()))
        .isBetween(new BigDecimal("29e6"), new BigDecimal("33e6"));
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode a : t.path("allies")) {
      sum = sum.add(new BigDecimal(a.path("fair_share_eur").asString()));
    }
    assertThat(sum).isEqualByComparingTo("40000000000.00");

    JsonNode half =
        reader.getJson("/api/support/fair-share?period=2024-H1&key_year=2023&baseline=30000000000");
    assertThat(half.path("baseline_eur").asString()).isEqualTo("15000000000.00");

    HttpResponse<String> bad = reader.get("/api/support/fair-share?year=2024&key=oil");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(NodeHttp.JSON.readTree(bad.body()).path("details").path(0).path("where").asString())
        .isEqualTo("key");
    assertThat(reader.get("/api/support/fair-share?year=twenty").statusCode()).isEqualTo(400);
    assertThat(reader.get("/api/support/fair-share?year=2024&key=gni").body()).contains("gni");

    assertThat(audit("est-reader"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.fair-share")
                    && r.entry().decision().name().equals("ALLOW"));
    assertThat(audit("est-reader"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.fair-share")
                    && r.entry().decision().name().equals("DENY")
                    && r.entry().detail().contains("key"));
  }

  @Test
  void aContributorEntersItsOwnNationsContributionsAndNoOtherNations() {
    HttpResponse<String> own =
        estOfficer.postJson(
            "/api/support/contributions", entry("est-2022-1", "EST", "2022-03-01", "2500000"));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(NodeHttp.JSON.readTree(own.body()).path("stored").asInt()).isEqualTo(1);

    long before = ledgerSize();
    HttpResponse<String> foreign =
        estOfficer.postJson(
            "/api/support/contributions",
            "["
                + entry("est-2022-2", "EST", "2022-04-01", "1000")
                + ","
                + entry("usa-by-est", "USA", "2022-04-01", "1000")
                + "]");
    assertThat(foreign.statusCode()).isEqualTo(403);
    JsonNode refusal = NodeHttp.JSON.readTree(foreign.body());
    assertThat(refusal.path("details").path(0).path("where").asString())
        .isEqualTo("contributions[1].donor");
    assertThat(refusal.path("details").path(0).path("reason").asString())
        .contains("USA")
        .contains("EST");
    assertThat(ledgerSize()).isEqualTo(before);

    assertThat(
            usaOfficer
                .postJson(
                    "/api/support/contributions",
                    entry("usa-2022-1", "USA", "2022-05-01", "9000000"))
                .statusCode())
        .isEqualTo(201);
    // an admin enters for any ally; a blank id gets one
    HttpResponse<String> byAdmin =
        admin.postJson(
            "/api/support/contributions",
            entry("", "DEU", "2022-06-01", "1000000").replace("\"id\":\"\",", ""));
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);

    JsonNode list = reader.getJson("/api/support/contributions?donor=EST&period=2022");
    assertThat(list.path("count").asInt()).isEqualTo(1);
    JsonNode e = list.path("contributions").path(0);
    assertThat(e.path("id").asString()).isEqualTo("est-2022-1");
    assertThat(e.path("eur").asString()).isEqualTo("2500000.00");
    assertThat(e.path("entered_by").asString()).isEqualTo("est-officer");
    JsonNode share = ally(reader.getJson("/api/support/fair-share?year=2022"), "EST");
    assertThat(share.path("counted_eur").asString()).isEqualTo("2500000.00");

    assertThat(audit("est-officer"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.contributions.add")
                    && r.entry().decision().name().equals("ALLOW")
                    && r.entry().objectRefs().contains("est-2022-1"));
    assertThat(audit("est-officer"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.contributions.add")
                    && r.entry().decision().name().equals("DENY")
                    && r.entry().detail().startsWith("403"));
  }

  @Test
  void aReaderReadsButCannotWriteAndAPeerNodeReadsOnlyWhatIsPublished() {
    assertThat(reader.get("/api/support/contributions").statusCode()).isEqualTo(200);
    assertThat(
            reader
                .postJson("/api/support/contributions", entry("r-1", "EST", "2022-01-10", "1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            reader.post("/api/support/contributions/import", "text/csv", "id,donor\n").statusCode())
        .isEqualTo(403);
    assertThat(reader.postJson("/api/support/publications", "{\"year\":2022}").statusCode())
        .isEqualTo(403);
    assertThat(estOfficer.postJson("/api/support/publications", "{\"year\":2022}").statusCode())
        .isEqualTo(403);
    assertThat(peer.get("/api/support/contributions").statusCode()).isEqualTo(403);
    assertThat(audit("est-reader"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.contributions.add")
                    && r.entry().decision().name().equals("DENY"));
  }

  @Test
  void aCsvWithAnotherNationsRowsIsRefusedWholeNamingTheRows() {
    String csv =
        "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source\n"
            + "csv-est-1,EST,2020-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "csv-usa-1,USA,2020-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "csv-est-2,EST,2020-03-01,delivered,training,bilateral,,200000,EUR,,donor_reported,,,\n"
            + "csv-lva-1,LVA,2020-03-01,delivered,training,bilateral,,200000,EUR,,donor_reported,,,\n";
    long before = ledgerSize();
    HttpResponse<String> r =
        estOfficer.post("/api/support/contributions/import?format=csv", "text/csv", csv);
    assertThat(r.statusCode()).isEqualTo(403);
    JsonNode details = NodeHttp.JSON.readTree(r.body()).path("details");
    assertThat(details.size()).isEqualTo(2);
    assertThat(details.path(0).path("where").asString()).isEqualTo("line 3");
    assertThat(details.path(1).path("where").asString()).isEqualTo("line 5");
    assertThat(ledgerSize()).isEqualTo(before);

    HttpResponse<String> ok =
        estOfficer.post(
            "/api/support/contributions/import?format=csv",
            "text/csv",
            csv.lines()
                .filter(l -> !l.contains("USA") && !l.contains("LVA"))
                .reduce("", (a, b) -> a + b + "\n"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(ledgerSize()).isEqualTo(before + 2);
    assertThat(
            ally(reader.getJson("/api/support/fair-share?year=2020"), "EST")
                .path("counted_eur")
                .asString())
        .isEqualTo("300000.00");
  }

  @Test
  void badRowsAreRefusedWholeAndEveryOneIsNamed() {
    String csv =
        "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source\n"
            + "bad-1,XXX,2019-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "good-1,DEU,2019-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "bad-2,DEU,2019-02-01,delivered,training,bilateral,,100000,ZZZ,,donor_reported,,,\n"
            + "bad-3,DEU,1999-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "bad-4,DEU,2019-02-01,delivered\n";
    long before = ledgerSize();
    HttpResponse<String> r =
        admin.post("/api/support/contributions/import?format=csv", "text/csv", csv);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = NodeHttp.JSON.readTree(r.body());
    assertThat(body.path("description").asString()).contains("nothing was stored");
    List<String> where = new ArrayList<>();
    body.path("details")
        .forEach(d -> where.add(d.path("where").asString() + ": " + d.path("reason").asString()));
    assertThat(where).hasSize(4);
    assertThat(where.get(0)).startsWith("line 2: ").contains("XXX");
    assertThat(where.get(1)).startsWith("line 4: ").contains("ZZZ");
    assertThat(where.get(2)).startsWith("line 5: ").contains("1999");
    assertThat(where.get(3)).startsWith("line 6: ").contains("malformed");
    assertThat(ledgerSize()).isEqualTo(before);

    HttpResponse<String> json =
        admin.postJson(
            "/api/support/contributions",
            "["
                + entry("j-1", "DEU", "2019-05-01", "10")
                + ","
                + entry("j-2", "DEU", "2019-05-01", "10").replace("\"description\"", "\"colour\"")
                + ","
                + entry("j-3", "DEU", "2019-05-01", "\"ten\"")
                + "]");
    assertThat(json.statusCode()).isEqualTo(400);
    JsonNode jd = NodeHttp.JSON.readTree(json.body()).path("details");
    assertThat(jd.path(0).path("where").asString()).isEqualTo("contributions[1].colour");
    assertThat(jd.path(1).path("where").asString()).isEqualTo("contributions[2]");
    assertThat(jd.path(1).path("reason").asString()).contains("amount");
    assertThat(admin.postJson("/api/support/contributions", "{not json").statusCode())
        .isEqualTo(400);
    assertThat(
            admin
                .post("/api/support/contributions/import?format=xlsx", "text/csv", csv)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            admin
                .post(
                    "/api/support/contributions/import?format=csv",
                    "application/x-www-form-urlencoded",
                    csv)
                .statusCode())
        .isEqualTo(415);
    assertThat(ledgerSize()).isEqualTo(before);
  }

  @Test
  void aKielTrackerReleaseIsImportedOnceAndAContributorMayNotImportOtherNationsRows() {
    String kiel =
        "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\",\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n"
            + "\"Estonia\",\"EST\",2018,1,0.05,0,0.01,0.04,0.07,0.02,30,0.1\n"
            + "\"Germany\",\"DEU\",2018,7,1.5,0.25,0.05,1.2,1.5,0,3600,0.04\n"
            + "\"EU (Commission and Council)\",\"EU\",2018,1,2,2,0,0,2,0,0,0\n";
    HttpResponse<String> foreign =
        estOfficer.post(
            "/api/support/contributions/import?format=kiel&release=t1", "text/csv", kiel);
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(
            NodeHttp.JSON.readTree(foreign.body()).path("details").path(0).path("where").asString())
        .isEqualTo("line 3");

    HttpResponse<String> r =
        admin.post("/api/support/contributions/import?format=kiel&release=t1", "text/csv", kiel);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode done = NodeHttp.JSON.readTree(r.body());
    assertThat(done.path("rows_read").asInt()).isEqualTo(3);
    assertThat(done.path("rows_skipped").asInt()).isEqualTo(1);
    assertThat(done.path("stored").asInt()).isPositive();
    assertThat(
            ally(reader.getJson("/api/support/fair-share?year=2018"), "DEU")
                .path("counted_eur")
                .asString())
        .isEqualTo("1200000000.00");

    HttpResponse<String> again =
        admin.post("/api/support/contributions/import?format=kiel&release=t1", "text/csv", kiel);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already in the ledger");
    assertThat(
            admin
                .post("/api/support/contributions/import?format=kiel", "text/csv", kiel)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void correctionsAreNegativeEntriesWithinWhatRemains() {
    assertThat(
            estOfficer
                .postJson(
                    "/api/support/contributions",
                    entry("est-2021-1", "EST", "2021-06-01", "1000000"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> part =
        estOfficer.postJson(
            "/api/support/contributions/corrections",
            "{\"corrects\":\"est-2021-1\",\"amount\":250000,\"reason\":\"revalued\"}");
    assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
    JsonNode c = NodeHttp.JSON.readTree(part.body());
    assertThat(c.path("eur").asString()).isEqualTo("-250000.00");
    assertThat(c.path("corrects").asString()).isEqualTo("est-2021-1");
    assertThat(c.path("date").asString()).isEqualTo("2021-06-01");
    assertThat(
            ally(reader.getJson("/api/support/fair-share?year=2021"), "EST")
                .path("counted_eur")
                .asString())
        .isEqualTo("750000.00");

    assertThat(
            usaOfficer
                .postJson(
                    "/api/support/contributions/corrections",
                    "{\"corrects\":\"est-2021-1\",\"reason\":\"not mine\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> tooMuch =
        estOfficer.postJson(
            "/api/support/contributions/corrections",
            "{\"corrects\":\"est-2021-1\",\"amount\":800000,\"reason\":\"too much\"}");
    assertThat(tooMuch.statusCode()).isEqualTo(400);
    assertThat(tooMuch.body()).contains("750000");
    assertThat(
            estOfficer
                .postJson(
                    "/api/support/contributions/corrections",
                    "{\"corrects\":\"est-2021-1\",\"reason\":\"withdrawn\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            ally(reader.getJson("/api/support/fair-share?year=2021"), "EST")
                .path("counted_eur")
                .asString())
        .isEqualTo("0.00");
    assertThat(
            estOfficer
                .postJson(
                    "/api/support/contributions/corrections",
                    "{\"corrects\":\"est-2021-1\",\"reason\":\"again\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            estOfficer
                .postJson(
                    "/api/support/contributions/corrections",
                    "{\"corrects\":\"no-such\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            estOfficer
                .postJson("/api/support/contributions/corrections", "{\"corrects\":\"est-2021-1\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(audit("est-officer"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.contributions.correct")
                    && r.entry().objectRefs().contains("est-2021-1~c1"));
  }

  @Test
  void requirementsAndOffersAreAllocatedAndTheAnswerExplainsItself() {
    String reqs =
        "id,coalition,item,quantity,unit_value_eur,priority,need_by\n"
            + "t-req-1,drones,fpv drones,1000,500,1,2030-06-30\n"
            + "t-req-2,demining,demining kits,10,25000,3,2030-06-30\n";
    assertThat(estOfficer.post("/api/support/requirements", "text/csv", reqs).statusCode())
        .isEqualTo(403);
    HttpResponse<String> stored = admin.post("/api/support/requirements", "text/csv", reqs);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(admin.post("/api/support/requirements", "text/csv", reqs).statusCode())
        .isEqualTo(400);

    String estOffer =
        "{\"id\":\"t-off-est\",\"ally\":\"EST\",\"kind\":\"items\",\"coalition\":\"drones\","
            + "\"item\":\"fpv drones\",\"quantity\":600,\"available_from\":\"2030-01-01\"}";
    String usaOffer =
        "{\"id\":\"t-off-usa\",\"ally\":\"USA\",\"kind\":\"funds\",\"coalition\":null,"
            + "\"item\":\"\",\"quantity\":1000000,\"available_from\":\"2030-01-01\"}";
    HttpResponse<String> mixed =
        estOfficer.postJson("/api/support/offers", "[" + estOffer + "," + usaOffer + "]");
    assertThat(mixed.statusCode()).isEqualTo(403);
    assertThat(mixed.body()).contains("t-off-usa");
    assertThat(estOfficer.postJson("/api/support/offers", estOffer).statusCode()).isEqualTo(201);
    assertThat(usaOfficer.postJson("/api/support/offers", usaOffer).statusCode()).isEqualTo(201);
    HttpResponse<String> badOffer =
        usaOfficer.postJson(
            "/api/support/offers",
            usaOffer.replace("t-off-usa", "t-off-usa-2").replace("\"funds\"", "\"tanks\""));
    assertThat(badOffer.statusCode()).isEqualTo(400);
    assertThat(
            NodeHttp.JSON
                .readTree(badOffer.body())
                .path("details")
                .path(0)
                .path("where")
                .asString())
        .isEqualTo("offers[0]");
    assertThat(reader.getJson("/api/support/offers").size()).isGreaterThanOrEqualTo(2);

    JsonNode result = reader.getJson("/api/support/requirements");
    assertThat(result.size()).isGreaterThanOrEqualTo(2);
    HttpResponse<String> run = reader.postJson("/api/support/allocation?year=2030", "{}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    JsonNode a = NodeHttp.JSON.readTree(run.body());
    JsonNode drones = find(a.path("requirements"), "t-req-1");
    assertThat(drones.path("filled_units").asDouble()).isEqualTo(1000.0, Offset.offset(1e-6));
    assertThat(drones.path("explanation").asString()).isNotEmpty();
    assertThat(a.path("assignments").toString()).contains("t-off-est");
    assertThat(a.path("shortfall_eur").asDouble()).isEqualTo(0.0, Offset.offset(0.01));

    assertThat(estOfficer.delete("/api/support/offers/t-off-usa").statusCode()).isEqualTo(403);
    assertThat(usaOfficer.delete("/api/support/offers/t-off-usa").statusCode()).isEqualTo(204);
    assertThat(reader.delete("/api/support/requirements/t-req-2").statusCode()).isEqualTo(403);
    assertThat(admin.delete("/api/support/requirements/t-req-2").statusCode()).isEqualTo(204);
    assertThat(admin.delete("/api/support/requirements/t-req-2").statusCode()).isEqualTo(404);
  }

  @Test
  void theForecastRunsQuarterByQuarterWithWhatIfs() {
    JsonNode f =
        reader.getJson(
            "/api/support/forecast?from=2031-01-01&quarters=8&change=EST=1.5&change=DEU=%2B50%25");
    assertThat(f.path("quarters").size()).isEqualTo(8);
    assertThat(f.path("changes").size()).isEqualTo(2);
    assertThat(f.path("quarters").path(0).path("need_eur").asString()).isEqualTo("10000000000.00");
    HttpResponse<String> bad = reader.get("/api/support/forecast?change=XXX=2");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("XXX");
    assertThat(reader.get("/api/support/forecast?quarters=0").statusCode()).isEqualTo(400);
  }

  @Test
  void reportsComeAsHtmlCsvJsonAndIati() {
    admin.postJson(
        "/api/support/contributions", entry("rep-2023-1", "POL", "2023-03-01", "4000000"));
    HttpResponse<String> html = reader.get("/api/support/report?format=html&year=2023");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body()).contains("<svg").contains("NOT PUBLISHED").contains("Poland");
    HttpResponse<String> csv = reader.get("/api/support/report?format=csv&year=2023");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(
            reader
                .getJson("/api/support/report?format=json&year=2023&ally=POL")
                .path("ally")
                .asString())
        .isEqualTo("POL");
    assertThat(reader.get("/api/support/report?format=pdf").statusCode()).isEqualTo(400);
    assertThat(reader.get("/api/support/report?ally=XXX&year=2023").statusCode()).isEqualTo(400);
    HttpResponse<String> iati = reader.get("/api/support/iati?donor=POL");
    assertThat(iati.statusCode()).isEqualTo(200);
    assertThat(iati.body()).contains("<iati-activities").contains("version=\"2.03\"");
    assertThat(reader.get("/api/support/iati?donor=ISL").statusCode()).isEqualTo(404);
    assertThat(audit("est-reader"))
        .anyMatch(
            r ->
                r.entry().action().equals("support.iati")
                    && r.entry().decision().name().equals("ALLOW"));
  }

  @Test
  void anAdminPublishesAReportThatIsPublicTlpClearAndReachesAlliesAsValidStix() throws Exception {
    admin.postJson(
        "/api/support/contributions", entry("pub-2017-1", "NOR", "2017-03-01", "7000000"));
    HttpResponse<String> r = admin.postJson("/api/support/publications", "{\"year\":2017}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode p = NodeHttp.JSON.readTree(r.body());
    assertThat(p.path("marking").asString()).isEqualTo("TLP:CLEAR");
    String url = p.path("url").asString();
    assertThat(url).startsWith(base + "/public/support/reports/");

    NodeHttp anonymous = NodeHttp.anonymous(base);
    HttpResponse<String> page = anonymous.get(url.substring(base.length()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'");
    assertThat(page.body())
        .contains("TLP:CLEAR")
        .contains("<svg")
        .contains("Norway")
        .doesNotContain("NOT PUBLISHED");
    assertThat(anonymous.get("/public/support/reports/latest").body()).contains("TLP:CLEAR");
    JsonNode index = NodeHttp.JSON.readTree(anonymous.get("/public/support/reports").body());
    assertThat(index.toString()).contains(url).doesNotContain("published_by");

    String reportId = p.path("stix_report_id").asString();
    List<StoredObject> held =
        node.getBean(ObjectStore.class)
            .versions(ReportPublisher.COLLECTION, reportId, ReadFilter.SYSTEM);
    assertThat(held).hasSize(1);
    StixObject report = new StixCodec().parseObject(held.get(0).json());
    assertThat(report.type()).isEqualTo("report");
    assertThat(report.objectMarkingRefs()).containsExactly(Tlp.CLEAR.markingDefinitionId());
    assertThat(new StixValidator().validate(report).valid()).isTrue();
    assertThat(report.json().path("external_references").path(0).path("url").asString())
        .isEqualTo(url);

    // an ally's node reads it over TAXII, as federation does
    TaxiiClient client =
        TaxiiClient.builder().basic("fin-node", peerToken).timeout(Duration.ofSeconds(30)).build();
    List<StixObject> seen = new ArrayList<>();
    client.forEachObject(
        URI.create(base + "/bulwark/"),
        ReportPublisher.COLLECTION,
        TaxiiQuery.all(),
        seen::add,
        n -> {});
    assertThat(seen).extracting(StixObject::type).contains("report", "note", "identity");
    StixObject note = seen.stream().filter(o -> o.type().equals("note")).findFirst().orElseThrow();
    assertThat(note.json().path("content").asString())
        .contains("NOR Norway")
        .contains("fair_share_eur");
    for (StixObject o : seen) {
      assertThat(new StixValidator().validate(o).errors()).as(o.id()).isEmpty();
    }
    assertThat(audit("est-admin"))
        .anyMatch(
            x ->
                x.entry().action().equals("support.publish")
                    && x.entry().collectionId().equals(ReportPublisher.COLLECTION)
                    && x.entry().objectRefs().contains(reportId));
  }

  @Test
  void theOpenApiDescriptionNamesEverySupportPath() {
    JsonNode paths = reader.getJson("/api/openapi.json").path("paths");
    List<String> mapped =
        node
            .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
            .getHandlerMethods()
            .keySet()
            .stream()
            .flatMap(info -> info.getPatternValues().stream())
            .filter(p -> p.startsWith("/api/support") || p.startsWith("/public/support"))
            .filter(p -> !p.endsWith("/"))
            .toList();
    assertThat(mapped).hasSizeGreaterThan(15);
    mapped.forEach(p -> assertThat(paths.has(p)).as("OpenAPI describes " + p).isTrue());
  }

  static JsonNode ally(JsonNode table, String iso3) {
    return find(table.path("allies"), iso3, "iso3");
  }

  static JsonNode find(JsonNode array, String id) {
    return find(array, id, "id");
  }

  static JsonNode find(JsonNode array, String value, String field) {
    for (JsonNode n : array) {
      if (n.path(field).asString().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + array);
  }
}
