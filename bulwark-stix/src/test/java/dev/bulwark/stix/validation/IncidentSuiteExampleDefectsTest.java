package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three files of the OASIS Incident Extension Suite's examples that cannot be imported, and
 * why: each test names the exact rule of the spec (the suite, or STIX 2.1) that the file breaks, so
 * that "does not import" is a proven fact about the file, not a gap of ours. What can be checked of
 * their content is checked where it belongs (a sequence entry inside an incident's list).
 */
class IncidentSuiteExampleDefectsTest {

  private static final Path EXAMPLES =
      Path.of("src/test/resources/dev/bulwark/stix/data/incident-core/examples");
  private static final StixValidator VALIDATOR = new StixValidator();
  private static final StixCodec CODEC = new StixCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A valid incident with incident-core, to carry the fragments where the suite puts them. */
  private static final String INCIDENT =
      """
      {"type":"incident","spec_version":"2.1","id":"incident--de425325-5ac8-4f4b-ace7-054301b80863",
       "created":"2023-11-22T15:30:00.000Z","modified":"2023-11-22T15:30:00.000Z","name":"carrier",
       "extensions":{"extension-definition--ef765651-680c-498d-9894-99799f2fa126":
         {"extension_type":"property-extension","determination":"suspected",
          "investigation_status":"open",
          "events":[{"event_ref":"event--9ca38544-c247-45d9-9e33-957ba7c9e119"}],
          "tasks":[{"task_ref":"task--a45aaed9-6504-4f95-982e-78508726eb5a"}]}}}""";

  private static final String CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

  @Test
  void example3_3IsAnEventSequenceEntryAValidSubObjectButNoStixObject() throws Exception {
    JsonNode fragment = JSON.readTree(Files.readString(EXAMPLES.resolve("example_3.3.json")));
    List<Finding> alone = errors(CODEC.parseObject(fragment.toString()));
    assertThat(alone)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("$.type");
              assertThat(f.message())
                  .contains("event-sequence-entry (OASIS Incident Extension Suite section 3.3)");
            });
    // where the suite puts it (an event entry's next_steps), it is valid
    assertThat(errors(carrying("events", fragment))).isEmpty();
  }

  @Test
  void example3_7IsATaskSequenceEntryWhoseTaskRefIsNoIdentifier() throws Exception {
    JsonNode fragment = JSON.readTree(Files.readString(EXAMPLES.resolve("example_3.7.json")));
    assertThat(errors(CODEC.parseObject(fragment.toString())))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("task-sequence-entry (OASIS Incident Extension Suite section 3.7)"));
    // where the suite puts it, its task_ref "task--3e2a1f4b-5c6d-7e8f-9a0b-1c2d3e4f5g6h" breaks
    // STIX 2.1 section 2.9 (an identifier is type--UUID; "g" and "h" are no hexadecimal digits)
    List<Finding> inPlace = errors(carrying("tasks", fragment));
    assertThat(inPlace)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path())
                  .isEqualTo("$.extensions['" + CORE + "'].tasks[0].next_steps[0].task_ref");
              assertThat(f.rule()).isEqualTo(Rules.IDENTIFIER_FORMAT);
              assertThat(f.citation()).isEqualTo("OASIS Incident Extension Suite section 3.7");
              assertThat(f.message()).contains("5g6h");
            });
  }

  @Test
  void example2_1IsTheCorePropertyTableWrittenAsAnIncidentWithoutAName() throws Exception {
    StixObject original = CODEC.parseObject(Files.readString(EXAMPLES.resolve("example_2.1.json")));
    StixObject normalised = ImportNormaliser.normalise(original).object();
    List<Finding> errors = errors(normalised);
    // STIX 2.1 section 4.6: an incident requires a name; the file has none, and making one up
    // would be inventing content
    assertThat(errors)
        .anySatisfy(
            f -> {
              assertThat(f.path()).isEqualTo("$.name");
              assertThat(f.rule()).isEqualTo(Rules.REQUIRED_PROPERTY);
            });
    // the event extension-definition (suite section 2.2) defines the event SDO: as a new-sdo
    // extension on the predefined incident type it breaks STIX 2.1 section 7.3
    assertThat(errors)
        .anySatisfy(
            f -> {
              assertThat(f.path())
                  .isEqualTo(
                      "$.extensions['extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e']"
                          + ".extension_type");
              assertThat(f.rule()).isEqualTo(Rules.EXTENSION);
            });
    // incident-core's properties (suite section 2.1: "not a top-level object") stand at the top
    // level, so the incident has no incident-core extension at all: they are custom properties
    assertThat(normalised.json().path("extensions").has(CORE)).isFalse();
    assertThat(VALIDATOR.validate(normalised).warnings())
        .extracting(Finding::path)
        .contains("$.determination", "$.investigation_status", "$.extension_type");
    assertThat(errors)
        .extracting(Finding::path)
        .containsExactlyInAnyOrder(
            "$.name",
            "$.extensions['extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e']"
                + ".extension_type");

    // moved where section 2.1 puts them, the properties show one more defect, its determination
    // "confirmed" (not in incident-determination-enum, suite section 5.5; the normaliser maps the
    // 1.0 value), and the name is still missing: no repair can make the file an incident
    ObjectNode moved = original.json().deepCopy();
    ObjectNode core = JSON.createObjectNode();
    for (String p : List.copyOf(moved.propertyNames())) {
      if (!List.of("type", "id", "created", "modified", "spec_version", "extensions").contains(p)) {
        core.set(p, moved.remove(p));
      }
    }
    ((ObjectNode) moved.path("extensions")).set(CORE, core);
    assertThat(errors(CODEC.parseObject(moved.toString())))
        .extracting(Finding::citation)
        .contains("OASIS Incident Extension Suite section 5.5", "STIX 2.1 section 4.6");
    assertThat(errors(ImportNormaliser.normalise(CODEC.parseObject(moved.toString())).object()))
        .extracting(Finding::path)
        .contains("$.name");
  }

  private static StixObject carrying(String list, JsonNode step) throws Exception {
    ObjectNode incident = (ObjectNode) JSON.readTree(INCIDENT);
    ObjectNode entry = (ObjectNode) incident.path("extensions").path(CORE).path(list).get(0);
    entry.putArray("next_steps").add(step);
    return CODEC.parseObject(incident.toString());
  }

  private static List<Finding> errors(StixObject o) {
    return VALIDATOR.validate(o).errors();
  }
}
