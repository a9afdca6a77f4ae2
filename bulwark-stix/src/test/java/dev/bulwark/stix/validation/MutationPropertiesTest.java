package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.ObjectNode;

/**
 * Breaks real, valid objects (ATT&CK for ICS and the OASIS examples) in one way at a time and
 * checks that the validator reports exactly that rule at that path.
 */
class MutationPropertiesTest {

  private static final List<StixObject> REAL = load();
  private final StixValidator validator = new StixValidator();

  private static List<StixObject> load() {
    try {
      List<StixObject> all = new ArrayList<>(RealDataValidationTest.read("ics-attack-18.1.json"));
      all.addAll(RealDataValidationTest.read("oasis-examples/threat-reports/poisonivy.json"));
      all.addAll(RealDataValidationTest.read("oasis-examples/threat-reports/apt1.json"));
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A way to break an object: the rule and path it must then be reported under. */
  record Mutation(
      String name, String rule, String path, BiFunction<ObjectNode, StixObject, Boolean> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static boolean versioned(StixObject o) {
    return o.created().isPresent() && o.modified().isPresent();
  }

  @Provide
  Arbitrary<StixObject> realObjects() {
    return Arbitraries.of(REAL);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Arbitraries.of(
        new Mutation("drop id", Rules.REQUIRED_PROPERTY, "$.id", (j, o) -> j.remove("id") != null),
        new Mutation(
            "created not a timestamp",
            Rules.TIMESTAMP_FORMAT,
            "$.created",
            (j, o) -> {
              if (o.created().isEmpty()) {
                return false;
              }
              j.put("created", "2020-13-01T00:00:00.000Z");
              return true;
            }),
        new Mutation(
            "modified before created",
            Rules.MODIFIED_BEFORE_CREATED,
            "$.modified",
            (j, o) -> {
              if (!versioned(o)) {
                return false;
              }
              j.put("created", "2099-01-01T00:00:00.000Z");
              j.put("modified", "2098-12-31T23:59:59.999Z");
              return true;
            }),
        new Mutation(
            "id of another type",
            Rules.IDENTIFIER_TYPE,
            "$.id",
            (j, o) -> {
              if (o.type().equals("bundle") || !o.id().contains("--")) {
                return false;
              }
              String other = o.type().equals("tool") ? "malware" : "tool";
              j.put("id", other + o.id().substring(o.id().lastIndexOf("--")));
              return true;
            }),
        new Mutation(
            "reserved name",
            Rules.RESERVED_PROPERTY,
            "$.severity",
            (j, o) -> {
              j.put("severity", "high");
              return true;
            }),
        new Mutation(
            "bad custom name",
            Rules.CUSTOM_PROPERTY_NAME,
            "$['x-Bad Name']",
            (j, o) -> {
              j.put("x-Bad Name", 1);
              return true;
            }),
        new Mutation(
            "old spec version",
            Rules.SPEC_VERSION,
            "$.spec_version",
            (j, o) -> {
              if (o.specVersion().isEmpty()) {
                return false;
              }
              j.put("spec_version", "2.0");
              return true;
            }),
        new Mutation(
            "created_by_ref to a malware",
            Rules.REFERENCE_TYPE,
            "$.created_by_ref",
            (j, o) -> {
              if (!versioned(o) || o.type().startsWith("x-")) {
                return false;
              }
              j.put("created_by_ref", "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b");
              return true;
            }),
        new Mutation(
            "empty external_references",
            Rules.EMPTY_VALUE,
            "$.external_references",
            (j, o) -> {
              if (!j.has("external_references")) {
                return false;
              }
              j.putArray("external_references");
              return true;
            }),
        new Mutation(
            "created in seconds",
            Rules.TIMESTAMP_PRECISION,
            "$.created",
            (j, o) -> {
              if (o.created().isEmpty()) {
                return false;
              }
              j.put("created", "2000-01-01T00:00:00Z");
              return true;
            }));
  }

  @Property(tries = 400)
  void eachBreakageIsReportedUnderItsRule(
      @ForAll("realObjects") StixObject o, @ForAll("mutations") Mutation m) {
    assertThat(validator.validate(o).valid()).isTrue();
    ObjectNode json = o.json();
    if (!m.apply().apply(json, o)) {
      return; // the mutation does not apply to this kind of object
    }
    ValidationResult r = validator.validate(StixObject.of(json));
    assertThat(r.valid()).isFalse();
    assertThat(r.errors())
        .as(m + " on " + o.id() + ": " + r.errors())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(m.rule());
              assertThat(f.path()).isEqualTo(m.path());
            });
  }
}
