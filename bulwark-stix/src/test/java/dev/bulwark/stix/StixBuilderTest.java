package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class StixBuilderTest {

  @Test
  void writesPropertiesInCallOrderWithTheCommonOnesFirst() {
    ObjectNode ext = JsonNodeFactory.instance.objectNode();
    ext.put("extension_type", "property-extension");
    ext.put("mmsi", 230000001);
    StixObject o =
        StixBuilder.of("identity", "identity--11111111-1111-4111-8111-111111111111")
            .createdBy("identity--22222222-2222-4222-8222-222222222222")
            .markings(List.of("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"))
            .put("name", "Vessel")
            .strings("sectors", List.of("transportation"))
            .externalReference("ais", null, "230000001")
            .externalReference("web", "https://example.org", null)
            .extension("extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38", ext)
            .build();
    assertThat(o.toJson())
        .isEqualTo(
            "{\"type\":\"identity\",\"spec_version\":\"2.1\","
                + "\"id\":\"identity--11111111-1111-4111-8111-111111111111\","
                + "\"created_by_ref\":\"identity--22222222-2222-4222-8222-222222222222\","
                + "\"object_marking_refs\":[\"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82\"],"
                + "\"name\":\"Vessel\",\"sectors\":[\"transportation\"],"
                + "\"external_references\":[{\"source_name\":\"ais\",\"external_id\":\"230000001\"},"
                + "{\"source_name\":\"web\",\"url\":\"https://example.org\"}],"
                + "\"extensions\":{\"extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38\":"
                + "{\"extension_type\":\"property-extension\",\"mmsi\":230000001}}}");
    assertThat(o.id()).isEqualTo("identity--11111111-1111-4111-8111-111111111111");
    assertThat(o.createdByRef()).contains("identity--22222222-2222-4222-8222-222222222222");
  }

  @Test
  void settingAgainReplacesInPlaceAndTheBuiltObjectDoesNotChangeAfterwards() {
    StixBuilder b = StixBuilder.of("note", "note--11111111-1111-4111-8111-111111111111");
    b.put("content", "a").put("abstract", "x");
    StixObject first = b.build();
    b.put("content", "b");
    assertThat(first.string("content")).contains("a");
    assertThat(b.build().toJson()).contains("\"content\":\"b\",\"abstract\":\"x\"");
  }
}
