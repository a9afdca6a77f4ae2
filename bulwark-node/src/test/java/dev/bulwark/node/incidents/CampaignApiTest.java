package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import dev.bulwark.node.testing.NodeHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Campaign suggestions on a real node: computed over what each reader may see, so a suggestion
 * never names (or counts) an incident hidden from its reader; accepting stores a campaign,
 * rejecting keeps a suggestion away; naming a hidden incident is answered as missing.
 */
class CampaignApiTest {
  static RegisterNode node;
  static NodeHttp est;
  static NodeHttp fin;
  static NodeHttp lva;

  @BeforeAll
  static void start() throws Exception {
    node = new RegisterNode();
    est = node.as("est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    fin = node.as("fin-analyst", "FIN", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    lva = node.as("lva-reader", "LVA", EnumSet.of(Role.READER));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  static String act(NodeHttp who, String name, String day, String tlp) {
    return IncidentApiTest.create(
        who,
        "{\"name\":\""
            + name
            + "\",\"kind\":\"sabotage-undersea\",\"first_seen\":\"2024-11-"
            + day
            + "T08:00:00Z\",\"location\":{\"lat\":57.2,\"lon\":18.9},"
            + "\"kind_fields\":{\"asset_type\":\"cable\",\"asset_name\":\"C-Lion1\"},"
            + "\"entities\":{\"mmsi\":[\"414270000\"]},\"marking\":{\"tlp\":\""
            + tlp
            + "\"}}");
  }

  static List<String> named(JsonNode suggestions) {
    List<String> ids = new ArrayList<>();
    suggestions.forEach(s -> s.path("incidents").forEach(i -> ids.add(i.asString())));
    return ids;
  }

  @Test
  void aSuggestionNeverNamesAnIncidentItsReaderMayNotSeeAndAcceptingMakesACampaign() {
    String a = act(est, "Cable cut A", "17", "green");
    String b = act(est, "Cable cut B", "18", "green");
    String hidden = act(fin, "Finnish-only cable cut", "18", "amber");

    JsonNode forEst = est.getJson("/api/campaigns/suggestions");
    assertThat(named(forEst)).contains(a, b).doesNotContain(hidden);
    assertThat(forEst.toString()).doesNotContain("Finnish-only");
    assertThat(named(lva.getJson("/api/campaigns/suggestions"))).doesNotContain(hidden);
    assertThat(named(fin.getJson("/api/campaigns/suggestions"))).contains(a, b, hidden);
    assertThat(forEst.path(0).path("reasons").size()).isPositive();

    HttpResponse<String> sneaky =
        est.postJson(
            "/api/campaigns/suggestions/accept",
            "{\"name\":\"x\",\"incidents\":[\"" + a + "\",\"" + hidden + "\"]}");
    assertThat(sneaky.statusCode()).isEqualTo(404);
    assertThat(sneaky.body()).doesNotContain(hidden);

    HttpResponse<String> accepted =
        est.postJson(
            "/api/campaigns/suggestions/accept",
            "{\"name\":\"Baltic cables\",\"incidents\":[\""
                + a
                + "\",\""
                + b
                + "\"],"
                + "\"marking\":{\"tlp\":\"green\"}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    assertThat(NodeHttp.JSON.readTree(accepted.body()).path("campaign_id").asString())
        .startsWith("campaign--");
    assertThat(node.audit("est-analyst"))
        .anyMatch(r -> r.entry().action().equals("campaign.accept"));

    HttpResponse<String> rejected =
        est.postJson(
            "/api/campaigns/suggestions/reject",
            "{\"incidents\":" + NodeHttp.JSON.valueToTree(forEst.path(0).path("incidents")) + "}");
    assertThat(rejected.statusCode()).isEqualTo(200);
    String rejectedId = forEst.path(0).path("id").asString();
    assertThat(est.get("/api/campaigns/suggestions").body()).doesNotContain(rejectedId);
  }
}
