package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bulwark.node.incidents.Markings.FormError;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's parsers of untrusted input (list query parameters, the analyst's form, markings)
 * on junk and on mutated forms: each value is accepted or refused with where and why; nothing else
 * escapes (no NullPointerException, no number format error, no library exception).
 */
class RegisterParsersPropertiesTest {
  private static final String GOOD =
      "{\"name\":\"Cable cut\",\"kind\":\"sabotage-undersea\",\"first_seen\":\"2024-12-25T10:26:00Z\","
          + "\"location\":{\"lat\":59.9,\"lon\":25.0},\"description\":\"d\","
          + "\"kind_fields\":{\"asset_type\":\"cable\",\"asset_name\":\"Estlink 2\"},"
          + "\"entities\":{\"mmsi\":[\"1\"]},\"marking\":{\"tlp\":\"amber\",\"releasable_to\":[\"FIN\"]}}";

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789,.-eE NaInfity").ofMaxLength(30),
        Arbitraries.of(
            "", "1,2,3", "1,2,3,4", "NaN,0,1,1", "-181,-91,181,91", "2024-13-01T00:00:00Z"));
  }

  @Property(tries = 500)
  void anyQueryValueIsAcceptedOrRefusedWithItsName(
      @ForAll("junk") String value, @ForAll("params") int which) {
    String[] p = {"", "", "", "", "", ""};
    p[which] = value;
    try {
      RegisterQuery.of(p[0], p[1], p[2], p[3], p[4], p[5], 0, 100);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Integer> params() {
    return Arbitraries.integers().between(0, 5);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .ofMaxLength(20)
            .map(s -> (JsonNode) RegisterStix.JSON.getNodeFactory().textNode(s)),
        Arbitraries.integers()
            .map(i -> (JsonNode) RegisterStix.JSON.getNodeFactory().numberNode(i)),
        Arbitraries.of(
            RegisterStix.JSON.getNodeFactory().nullNode(),
            RegisterStix.JSON.createArrayNode().add("x"),
            RegisterStix.JSON.createObjectNode().put("lat", "x"),
            RegisterStix.JSON.getNodeFactory().booleanNode(true)));
  }

  @Property(tries = 1000)
  void aMutatedFormIsAnIncidentOrAFormErrorWithAPath(
      @ForAll("fields") String field, @ForAll("values") JsonNode value) {
    ObjectNode form = (ObjectNode) RegisterStix.JSON.readTree(GOOD);
    form.set(field, value);
    assertThatCode(
            () -> {
              try {
                Markings m = Markings.parse(form, "$", "EST");
                Register.incident(form, m, "tester", 1_700_000_000_000L);
              } catch (FormError e) {
                assertThat(e.where()).startsWith("$");
                assertThat(e.getMessage()).isNotBlank();
              }
            })
        .doesNotThrowAnyException();
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(
        List.of(
            "name",
            "kind",
            "first_seen",
            "location",
            "description",
            "kind_fields",
            "entities",
            "marking",
            "source"));
  }
}
