package dev.bulwark.node.taxii.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.stix.MaritimeExtension;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, "relaying what others wrote, without impersonation": a contributor shares third-party
 * intelligence as its authors wrote it, and never claims an identity of the community that is not
 * its own. On a real node over HTTPS.
 */
class RelayingThirdPartyIntelligenceTest {
  static final String INTEL = "/bulwark/collections/intel/";
  static final String ANALYST_ID = "identity--7a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String COLLEAGUE_ID = "identity--8b2a1d3f-4c5e-4f6a-9b0c-1d2e3f4a5b6c";
  static TestNode node;
  static String analyst;

  @BeforeAll
  static void start() {
    node = TestNode.get();
    analyst = node.principal("relay-analyst", "POL", "reader,contributor", Optional.of(ANALYST_ID));
    node.principal("relay-colleague", "POL", "reader,contributor", Optional.of(COLLEAGUE_ID));
  }

  @Test
  void anAnalystPostingTheOasisPoisonIvyReportKeepsEveryObjectWithItsVendorAuthorship()
      throws Exception {
    ArrayNode objects;
    try (InputStream in = getClass().getResourceAsStream("/demo/poisonivy.json")) {
      objects =
          (ArrayNode)
              TestNode.JSON
                  .readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .get("objects");
    }
    ObjectNode envelope = TestNode.JSON.createObjectNode();
    envelope.set("objects", objects);
    HttpResponse<String> r = node.post(INTEL + "objects/", analyst, envelope.toString());
    JsonNode status = TestNode.JSON.readTree(r.body());
    assertThat(status.path("failure_count").asInt()).as(r.body()).isZero();
    assertThat(status.path("total_count").asInt()).isEqualTo(objects.size()).isEqualTo(155);

    // the vendor-authored report comes back with its own created_by_ref, not the analyst's
    JsonNode vendorAuthored = null;
    for (JsonNode o : objects) {
      if (o.has("created_by_ref")) {
        vendorAuthored = o;
      }
    }
    HttpResponse<String> back =
        node.get(INTEL + "objects/" + vendorAuthored.path("id").asString() + "/", analyst);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(
            TestNode.JSON
                .readTree(back.body())
                .path("objects")
                .get(0)
                .path("created_by_ref")
                .asString())
        .isEqualTo(vendorAuthored.path("created_by_ref").asString());
  }

  @Test
  void aContributorMayNotAuthorAsAnotherPrincipalsIdentity() throws Exception {
    JsonNode status = post(campaign(COLLEAGUE_ID));
    assertThat(status.path("success_count").asInt()).isZero();
    assertThat(status.path("failures").get(0).path("message").asString())
        .contains("created_by_ref", COLLEAGUE_ID, "another principal");
  }

  @Test
  void aContributorMayNotAuthorAsANodesIdentityOfAnyNation() throws Exception {
    for (String nation : new String[] {"POL", "FIN", "USA"}) {
      JsonNode status = post(campaign(MaritimeExtension.nodeIdentity(nation)));
      assertThat(status.path("success_count").asInt()).as(nation).isZero();
      assertThat(status.path("failures").get(0).path("message").asString())
          .contains("Bulwark node");
    }
  }

  @Test
  void aContributorAuthorsAsItsOwnIdentityOrAnOutsideOne() throws Exception {
    assertThat(post(campaign(ANALYST_ID)).path("success_count").asInt()).isEqualTo(1);
    String vendor = "identity--" + UUID.randomUUID();
    assertThat(post(campaign(vendor)).path("success_count").asInt()).isEqualTo(1);
  }

  private static JsonNode post(String object) throws Exception {
    HttpResponse<String> r =
        node.post(INTEL + "objects/", analyst, "{\"objects\":[" + object + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return TestNode.JSON.readTree(r.body());
  }

  private static String campaign(String author) {
    return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"campaign--"
        + UUID.randomUUID()
        + "\",\"created\":\"2026-01-02T00:00:00.000Z\",\"modified\":\"2026-01-02T00:00:00.000Z\","
        + "\"name\":\"relay test\",\"created_by_ref\":\""
        + author
        + "\"}";
  }
}
