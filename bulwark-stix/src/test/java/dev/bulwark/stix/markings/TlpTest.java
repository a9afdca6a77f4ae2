package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TlpTest {

  @ParameterizedTest
  @CsvSource({
    "CLEAR, marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487, TLP:CLEAR, clear",
    "GREEN, marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb, TLP:GREEN, green",
    "AMBER, marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421, TLP:AMBER, amber",
    "AMBER_STRICT, marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003, TLP:AMBER+STRICT, amber+strict",
    "RED, marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1, TLP:RED, red",
  })
  void shipsTheOfficialDefinitions(Tlp tlp, String id, String name, String level) {
    assertThat(tlp.markingDefinitionId()).isEqualTo(id);
    StixObject def = tlp.definition();
    assertThat(def.id()).isEqualTo(id);
    assertThat(def.type()).isEqualTo("marking-definition");
    assertThat(def.string("name")).contains(name);
    assertThat(def.created()).contains("2022-10-01T00:00:00.000Z");
    assertThat(
            def.json()
                .at(
                    "/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0")
                .stringValue())
        .isEqualTo(level);
    assertThat(Tlp.fromMarkingId(id)).contains(tlp);
  }

  @ParameterizedTest
  @EnumSource(Tlp.class)
  void officialDefinitionsAreValidStix(Tlp tlp) {
    assertThat(new StixValidator().validate(tlp.definition()).errors()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9, CLEAR",
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da, GREEN",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82, AMBER",
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed, RED",
  })
  void readsTheStix21Tlp1MarkingsAsTheirTlp2Levels(String id, Tlp tlp) {
    assertThat(Tlp.fromMarkingId(id)).contains(tlp);
  }

  @Test
  void otherIdsAreNotTlp() {
    assertThat(Tlp.fromMarkingId("marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"))
        .isEmpty();
    assertThat(Tlp.fromMarkingId("")).isEmpty();
  }
}
