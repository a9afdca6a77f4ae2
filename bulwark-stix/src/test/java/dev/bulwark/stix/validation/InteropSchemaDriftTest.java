package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link InteropProfile} equal to the official OASIS interop schema files (copied unchanged
 * under {@code interop/schemas/} of the test resources): the same types, each type's {@code
 * required} list (the three documented misspellings aside), no other constraint in the type files,
 * and the exact marking rule of {@code core.json}.
 */
class InteropSchemaDriftTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static Path schemas() throws URISyntaxException {
    URL url =
        InteropSchemaDriftTest.class.getResource("/dev/bulwark/stix/interop/schemas/core.json");
    assertThat(url).isNotNull();
    return Path.of(url.toURI()).getParent();
  }

  static Stream<String> typeFiles() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(schemas())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.equals("core.json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static JsonNode read(String file) throws IOException, URISyntaxException {
    return MAPPER.readTree(schemas().resolve(file).toFile());
  }

  @Test
  void theProfileCoversExactlyTheTypesOfTheSchemaFiles() throws Exception {
    Set<String> types = new TreeSet<>();
    typeFiles().forEach(f -> types.add(f.substring(0, f.length() - ".json".length())));
    assertThat(types).hasSize(19);
    assertThat(new TreeSet<>(InteropProfile.REQUIRED.keySet())).isEqualTo(types);
  }

  @ParameterizedTest
  @MethodSource("typeFiles")
  void requiredListEqualsTheFileModuloTheDocumentedTypos(String file) throws Exception {
    String type = file.substring(0, file.length() - ".json".length());
    JsonNode schema = read(file);
    Map<String, String> typos = InteropProfile.SCHEMA_TYPOS.getOrDefault(type, Map.of());
    List<String> official = new ArrayList<>();
    List<String> misspeltSeen = new ArrayList<>();
    for (JsonNode r : schema.get("required")) {
      String name = r.stringValue();
      if (typos.containsKey(name)) {
        misspeltSeen.add(name);
      }
      official.add(typos.getOrDefault(name, name));
    }
    assertThat(InteropProfile.REQUIRED.get(type)).as(file).isEqualTo(official);
    // A typo fixed upstream must be dropped from the table, not silently kept.
    assertThat(misspeltSeen).as(file).containsExactlyInAnyOrderElementsOf(typos.keySet());
  }

  @ParameterizedTest
  @MethodSource("typeFiles")
  void typeFilesAddNothingButTheRequiredListToCoreAndTheBaseSchema(String file) throws Exception {
    String type = file.substring(0, file.length() - ".json".length());
    JsonNode schema = read(file);
    Set<String> keywords = new TreeSet<>(schema.propertyNames());
    keywords.removeAll(Set.of("$id", "$schema", "$ref", "allOf", "required"));
    assertThat(keywords).as(file + " has constraints the profile does not know").isEmpty();
    String family = type.equals("relationship") || type.equals("sighting") ? "sros" : "sdos";
    List<String> refs = new ArrayList<>();
    for (JsonNode part : schema.get("allOf")) {
      assertThat(part.propertyNames()).as(file).containsExactly("$ref");
      refs.add(part.get("$ref").stringValue());
    }
    assertThat(refs).as(file).containsExactly("core.json", "../schemas/" + family + "/" + file);
    if (schema.has("$ref")) {
      // course-of-action and malware repeat their base schema as a top-level $ref: no new
      // constraint.
      assertThat(schema.get("$ref").stringValue()).isEqualTo("../schemas/sdos/" + file);
    }
  }

  @Test
  void coreAllowsAtMostOneOfTheFourStix21TlpMarkingsAndNothingElse() throws Exception {
    JsonNode core = read("core.json");
    JsonNode allOf = core.get("allOf");
    assertThat(allOf).hasSize(2);
    assertThat(allOf.get(0).get("$ref").stringValue()).isEqualTo("../schemas/common/core.json");
    JsonNode props = allOf.get(1).get("properties");
    assertThat(props.propertyNames()).containsExactly("object_marking_refs");
    JsonNode omr = props.get("object_marking_refs");
    assertThat(omr.get("minContains").intValue()).isZero();
    assertThat(omr.get("maxContains").intValue()).isEqualTo(1);
    assertThat(omr.get("minItems").intValue()).isEqualTo(1);
    assertThat(new TreeSet<>(omr.propertyNames()))
        .containsExactly(
            "contains", "description", "items", "maxContains", "minContains", "minItems", "type");

    String pattern = omr.get("contains").get("pattern").stringValue();
    assertThat(pattern).startsWith("^marking-definition--(").endsWith(")$");
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("\\(([0-9a-f-]{36})\\)").matcher(pattern);
    while (m.find()) {
      ids.add("marking-definition--" + m.group(1));
    }
    assertThat(ids).isEqualTo(new TreeSet<>(InteropProfile.TLP_1_IDS.keySet()));
    // They are the STIX 2.1 (TLP 1.0) ids, not the TLP 2.0 ones.
    for (String id : ids) {
      assertThat(Tlp.fromMarkingId(id)).as(id).isPresent();
      assertThat(Tlp.fromMarkingId(id).orElseThrow().markingDefinitionId()).isNotEqualTo(id);
    }
    // items: an identifier of a marking-definition, which the base rules already demand.
    assertThat(omr.get("items").get("allOf").get(1).get("pattern").stringValue())
        .isEqualTo("^marking-definition--");
  }
}
