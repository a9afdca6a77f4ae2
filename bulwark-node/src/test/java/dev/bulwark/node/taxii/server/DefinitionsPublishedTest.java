package dev.bulwark.node.taxii.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.markings.ReleasabilityMarking;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every node publishes the releasability extension-definition (over TAXII, to any ally) and its
 * schema.
 */
class DefinitionsPublishedTest {
  private final TestNode node = TestNode.get();

  @Test
  void anAllyReadsTheExtensionDefinitionOverTaxiiAndItsSchema() {
    String foreignPeer = node.principal("defs-peer-fra", "FRA", "peer", Optional.empty());
    HttpResponse<String> objects =
        node.get("/bulwark/collections/definitions/objects/", foreignPeer);
    assertThat(objects.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    TestNode.json(objects).path("objects").forEach(o -> ids.add(o.path("id").asString()));
    assertThat(ids)
        .contains(
            ReleasabilityMarking.EXTENSION_DEFINITION_ID, ReleasabilityMarking.BULWARK_IDENTITY_ID);

    HttpResponse<String> schema =
        node.get(
            "/bulwark/extensions/releasability/schema.json",
            foreignPeer,
            "application/schema+json");
    assertThat(schema.statusCode()).isEqualTo(200);
    assertThat(schema.body()).contains(ReleasabilityMarking.NATIONS);
  }
}
