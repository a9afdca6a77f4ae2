package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus under {@code invalid/}: one object per file, each breaking one rule, with the finding
 * it must produce ({@code expect}: severity, rule, path), validated under the optional {@code
 * profile} ({@code stix-2.1} unless stated; the {@code interop-} rules need {@code interop}).
 */
class InvalidCorpusTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static List<String> cases() throws IOException {
    try (InputStream in = resource("INDEX")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachCaseIsReportedWithItsRuleAndPathAndNothingElse(String file) throws IOException {
    JsonNode doc;
    try (InputStream in = resource(file)) {
      doc = MAPPER.readTree(in);
    }
    JsonNode expect = doc.get("expect");
    Severity severity = Severity.valueOf(expect.get("severity").stringValue());
    String rule = expect.get("rule").stringValue();
    String path = expect.get("path").stringValue();
    ValidationProfile profile =
        ValidationProfile.fromName(doc.path("profile").asString("stix-2.1"));
    ValidationResult result =
        new StixValidator(profile).validate(StixObject.of((ObjectNode) doc.get("object")));

    assertThat(result.findings())
        .as(file + " -> " + result.findings())
        .anySatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(severity);
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.path()).isEqualTo(path);
              assertThat(f.section()).isNotBlank();
            });
    if (severity == Severity.ERROR) {
      assertThat(result.valid()).isFalse();
      assertThat(result.errors()).as(file).allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule));
    } else {
      assertThat(result.valid()).as(file + " " + result.errors()).isTrue();
    }
  }

  @Test
  void everyRuleHasAtLeastOneCase() throws Exception {
    Set<String> covered =
        cases().stream()
            .map(f -> f.substring(f.indexOf("--") + 2, f.length() - ".json".length()))
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> missing = new ArrayList<>();
    for (Field field : Rules.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String rule = (String) field.get(null);
        if (covered.stream().noneMatch(c -> c.equals(rule) || c.startsWith(rule + "--"))) {
          missing.add(rule);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static InputStream resource(String name) {
    InputStream in =
        InvalidCorpusTest.class.getResourceAsStream("/dev/bulwark/stix/invalid/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
