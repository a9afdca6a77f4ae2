package dev.bulwark.misp.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema helper itself: accepts a minimal event, rejects broken ones with a path. (MISP's own
 * feed output is stricter-schema-invalid: it writes {@code local} on organisations, six extra tag
 * properties and {@code null} first/last seen, none of which 2.5's schema allows — pinned below,
 * and noted in docs/misp.md.)
 */
class MispSchemaTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void acceptsAMinimalEventAndRejectsBrokenOnesWithAPath() throws Exception {
    MispSchema schema = new MispSchema();
    JsonNode ok =
        MAPPER.readTree(
            "{\"Event\":{\"uuid\":\"5a0e2e3c-2f4b-4c7e-9d1a-0b6c8e2f4a11\",\"info\":\"x\","
                + "\"Orgc\":{\"uuid\":\"5a0e2e3c-2f4b-4c7e-9d1a-0b6c8e2f4a12\",\"name\":\"o\"},"
                + "\"Attribute\":[{\"type\":\"domain\",\"value\":\"a.example\",\"to_ids\":true,"
                + "\"Tag\":[{\"name\":\"tlp:amber\"}]}]}}");
    assertThat(schema.validate(ok)).isEmpty();
    JsonNode broken =
        MAPPER.readTree(
            "{\"Event\":{\"uuid\":\"x\",\"Orgc\":{},\"Attribute\":[{\"value\":1,\"bogus\":true}]}}");
    assertThat(schema.validate(broken))
        .containsExactly(
            "$.Event.Orgc: missing required uuid",
            "$.Event.Attribute[0].value: expected \"string\", got NUMBER",
            "$.Event.Attribute[0]: property bogus not allowed");
  }

  @Test
  void mispsOwnFeedOutputIsStricterSchemaInvalid() throws Exception {
    JsonNode real = TestData.json("feed/6a10e5d8-f1cd-42b0-8240-a4650efd83d6.json");
    assertThat(new MispSchema().validate(real))
        .contains("$.Event.Org: property local not allowed")
        .contains("$.Event.Attribute[0].first_seen: expected \"string\", got NULL");
  }
}
