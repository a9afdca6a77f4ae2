package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.testing.NodeHttp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo node (EST) starts with its synthetic register: every kind of act, acts received from FIN
 * with their origin, attributions of the same act by EST and FIN that differ, responses, campaigns,
 * and the migration chart's series with its surge; loading again stores nothing new.
 */
class RegisterDemoTest {
  static RegisterNode node;
  static NodeHttp est;
  static NodeHttp lva;

  @BeforeAll
  static void start() throws Exception {
    node = new RegisterNode("--bulwark.demo=true", "--bulwark.tls.self-signed=false");
    est = node.as("est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    lva = node.as("lva-reader", "LVA", EnumSet.of(Role.READER));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theDemoRegisterHasEveryKindTwoNationsThatDifferCampaignsAndAMigrationSurge() {
    JsonNode counts = est.getJson("/api/incidents/counts");
    assertThat(counts.path("by_kind").size()).isEqualTo(RegisterStix.KINDS.size());
    JsonNode list = est.getJson("/api/incidents?limit=1000");
    List<String> origins = new ArrayList<>();
    String eagle = "";
    for (JsonNode i : list.path("items")) {
      origins.add(i.path("origin").asString());
      if (i.path("name").asString().contains("Eagle S")) {
        eagle = i.path("id").asString();
      }
      assertThat(i.path("name").asString()).contains("synthetic");
    }
    assertThat(origins).contains("EST", "FIN");
    JsonNode page = est.getJson("/api/incidents/" + eagle);
    int estConfidence = page.path("attributions").path("EST").path(0).path("confidence").asInt();
    int finConfidence = page.path("attributions").path("FIN").path(0).path("confidence").asInt();
    assertThat(estConfidence).isPositive().isNotEqualTo(finConfidence);
    assertThat(finConfidence).isPositive();
    assertThat(page.path("responses").size()).isGreaterThanOrEqualTo(2);
    assertThat(page.path("incident").path("kind_fields").path("asset_name").asString())
        .isEqualTo("Estlink 2");

    assertThat(lva.getJson("/api/incidents/counts").path("total").asInt())
        .isLessThan(counts.path("total").asInt());
    assertThat(lva.getJson("/api/incidents/" + eagle).path("attributions").has("EST")).isFalse();

    long campaigns =
        node.bean(ObjectStore.class)
            .page(
                new ObjectQuery(
                    RegisterReads.COLLECTION, 0, Set.of("campaign"), Set.of(), Set.of(), 100),
                ReadFilter.SYSTEM)
            .items()
            .size();
    assertThat(campaigns).isEqualTo(3);

    JsonNode migration = est.getJson("/api/migration/series");
    assertThat(migration.path("series").size()).isGreaterThan(100);
    assertThat(migration.path("surges").size()).isPositive();
    assertThat(lva.getJson("/api/migration/series").path("series").size()).isZero();

    List<String> again = node.bean(RegisterDemo.class).load();
    assertThat(again.get(0)).contains(" 0 objects stored");
  }

  @Test
  void theOpenApiDocumentDescribesEveryRegisterEndpoint() {
    JsonNode paths = est.getJson("/api/openapi.json").path("paths");
    for (String p :
        List.of(
            "/api/incidents",
            "/api/incidents/{id}",
            "/api/incidents/{id}/status",
            "/api/incidents/{id}/attributions",
            "/api/incidents/{id}/responses",
            "/api/incidents/promote",
            "/api/incidents/counts",
            "/api/incidents/map",
            "/api/exposure/preview",
            "/api/exposure",
            "/api/migration/series",
            "/public/exposure/{id}")) {
      assertThat(paths.has(p)).as(p).isTrue();
    }
  }
}
