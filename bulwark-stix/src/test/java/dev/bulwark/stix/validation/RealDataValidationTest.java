package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RealDataValidationTest {

  private static final StixValidator VALIDATOR = new StixValidator();

  static Stream<String> oasisFiles() {
    return Stream.of(
        "oasis-examples/indicator-for-c2-ip-address.json",
        "oasis-examples/indicator-to-campaign-relationship.json",
        "oasis-examples/indicators-for-C2-with-COA.json",
        "oasis-examples/infrastructure.json",
        "oasis-examples/interop-objectmarking-test.json",
        "oasis-examples/malicious-email-indicator-with-attachment.json",
        "oasis-examples/threat-reports/apt1.json",
        "oasis-examples/threat-reports/poisonivy.json");
  }

  @ParameterizedTest
  @MethodSource("oasisFiles")
  void everyOasisObjectIsValid(String file) throws IOException {
    List<StixObject> objects = read(file);
    assertThat(objects).isNotEmpty();
    assertThat(errors(objects)).isEmpty();
  }

  @Test
  void attackForIcsValidatesAllItsObjects() throws IOException {
    List<StixObject> objects = read("ics-attack-18.1.json");
    assertThat(objects).hasSize(1826);
    assertThat(errors(objects)).isEmpty();
    assertThat(objects).anyMatch(o -> o.type().startsWith("x-mitre-"));
  }

  @Test
  void oneValidatorServesManyThreadsWithTheSameResults() throws Exception {
    List<StixObject> objects = read("ics-attack-18.1.json");
    List<ValidationResult> expected = objects.stream().map(VALIDATOR::validate).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ValidationResult>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> objects.stream().map(VALIDATOR::validate).toList()));
      }
      for (Future<List<ValidationResult>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static List<StixObject> read(String file) throws IOException {
    List<StixObject> objects = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (InputStream in =
        RealDataValidationTest.class.getResourceAsStream("/dev/bulwark/stix/data/" + file)) {
      assertThat(in).as(file).isNotNull();
      new StixCodec()
          .read(
              in,
              new StixReadListener() {
                @Override
                public void object(StixObject object, String location) {
                  objects.add(object);
                }

                @Override
                public void malformed(String location, String message) {
                  problems.add(location + ": " + message);
                }
              });
    }
    assertThat(problems).isEmpty();
    return objects;
  }

  private static List<String> errors(List<StixObject> objects) {
    List<String> out = new ArrayList<>();
    for (StixObject o : objects) {
      for (Finding f : VALIDATOR.validate(o).errors()) {
        out.add(o.id() + " " + f);
      }
    }
    return out;
  }
}
