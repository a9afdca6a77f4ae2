package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.StixTimestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OASIS Incident Extension Suite's own examples: what the suite allows validates, what its
 * examples get wrong the import normaliser repairs with a warning, and nothing else changes (same
 * instants, same content).
 */
class IncidentSuiteExamplesTest {

  private static final Path ROOT =
      Path.of("src/test/resources/dev/bulwark/stix/data/incident-core");
  private static final StixValidator VALIDATOR = new StixValidator();
  private static final StixCodec CODEC = new StixCodec();

  /**
   * Files that are no STIX object: fragments of the spec's tables (a task-sequence entry, an
   * event-sequence entry) without a type, and the section 2.1 table written as one object with the
   * extension's properties at top level, no name and another SDO's new-sdo extension on incident.
   */
  private static final Map<String, String> NOT_OBJECTS =
      Map.of(
          "examples/example_3.3.json", "$.type",
          "examples/example_3.7.json", "$.type",
          "examples/example_2.1.json", "$.name");

  @Test
  void everyExampleObjectValidatesOnceNormalisedAndSaysWhatItSaid() throws Exception {
    Map<String, Integer> warningsPerFile = new TreeMap<>();
    int objects = 0;
    for (Path file : files()) {
      String name = ROOT.relativize(file).toString();
      for (StixObject original : read(file)) {
        ImportNormaliser.Normalised n = ImportNormaliser.normalise(original);
        List<Finding> errors = VALIDATOR.validate(n.object()).errors();
        if (NOT_OBJECTS.containsKey(name)) {
          assertThat(errors).as(name).extracting(Finding::path).contains(NOT_OBJECTS.get(name));
          continue;
        }
        objects++;
        assertThat(errors).as(name + " " + original.id()).isEmpty();
        warningsPerFile.merge(name, n.warnings().size(), Integer::sum);
        sameMeaning(original, n.object());
        StixObject back = CODEC.parseObject(CODEC.write(n.object()));
        assertThat(back).isEqualTo(n.object());
      }
    }
    assertThat(files()).hasSize(29);
    assertThat(objects).isGreaterThan(150);
    warningsPerFile.values().removeIf(c -> c == 0);
    assertThat(warningsPerFile)
        .containsEntry("examples/example_2.2.json", 2)
        .containsEntry("examples/example_2.3.2.3.1.json", 4)
        .containsEntry("examples/incident_ransom.json", 1);
  }

  @Test
  void theSuitesNamedImpactExtensionsBelongToImpactOnly() throws Exception {
    String impact =
        """
        {"type":"impact","spec_version":"2.1","id":"impact--de425325-5ac8-4f4b-ace7-054301b80863",
         "created":"2023-11-22T15:30:00.000Z","modified":"2023-11-22T15:30:00.000Z",
         "impact_category":"availability",
         "extensions":{"extension-definition--7cc33dd6-f6a1-489b-98ea-522d351d71b9":{"extension_type":"new-sdo"},
                       "availability":{"availability_impact":90}}}""";
    assertThat(VALIDATOR.validate(CODEC.parseObject(impact)).errors()).isEmpty();
    String wrongCategory =
        impact.replace("\"impact_category\":\"availability\"", "\"impact_category\":\"monetary\"");
    assertThat(VALIDATOR.validate(CODEC.parseObject(wrongCategory)).errors())
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("extension named by its impact_category (monetary)"));
    String onIndicator =
        """
        {"type":"incident","spec_version":"2.1","id":"incident--de425325-5ac8-4f4b-ace7-054301b80863",
         "created":"2023-11-22T15:30:00.000Z","modified":"2023-11-22T15:30:00.000Z","name":"x",
         "extensions":{"availability":{"availability_impact":90}}}""";
    assertThat(VALIDATOR.validate(CODEC.parseObject(onIndicator)).errors())
        .extracting(Finding::rule)
        .contains(Rules.EXTENSION);
  }

  @Test
  void incidentCoreRequiresDeterminationFromItsEnumerationAndAStatus() throws Exception {
    String incident =
        """
        {"type":"incident","spec_version":"2.1","id":"incident--de425325-5ac8-4f4b-ace7-054301b80863",
         "created":"2023-11-22T15:30:00.000Z","modified":"2023-11-22T15:30:00.000Z","name":"x",
         "extensions":{"extension-definition--ef765651-680c-498d-9894-99799f2fa126":
           {"extension_type":"property-extension","determination":"maybe"}}}""";
    List<Finding> errors = VALIDATOR.validate(CODEC.parseObject(incident)).errors();
    assertThat(errors)
        .extracting(Finding::citation)
        .contains(
            "OASIS Incident Extension Suite section 5.5",
            "OASIS Incident Extension Suite section 2.1");
  }

  /** Same instants, and apart from what a warning names, the same content. */
  private static void sameMeaning(StixObject original, StixObject normalised) {
    for (String ts : List.of("created", "modified")) {
      if (original.string(ts).isPresent()) {
        assertThat(StixTimestamps.compare(original.string(ts).get(), normalised.string(ts).get()))
            .isZero();
      }
    }
    ObjectNode a = original.json();
    ObjectNode b = normalised.json();
    for (ObjectNode o : List.of(a, b)) {
      o.remove("created");
      o.remove("modified");
      o.remove("extensions");
    }
    assertThat(b).isEqualTo(a);
    assertThat(normalised.json().path("extensions").size())
        .isEqualTo(original.json().path("extensions").size());
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<StixObject> read(Path file) throws IOException {
    List<StixObject> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      CODEC.read(
          in,
          new StixReadListener() {
            @Override
            public void object(StixObject object, String location) {
              out.add(object);
            }

            @Override
            public void malformed(String location, String message) {
              throw new AssertionError(file + " " + location + " " + message);
            }
          });
    }
    return out;
  }
}
