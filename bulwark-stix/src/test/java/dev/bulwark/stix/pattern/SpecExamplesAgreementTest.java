package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The STIX 2.1 specification's pattern examples, against a bundle in which each can match (recorded
 * with the reference matcher's verdicts by {@code bulwark-bench/pattern-peer/gen_cases.py}): every
 * verdict agrees. All match but the IPv6 ISSUBSET example, which the reference matcher (IPv4 only)
 * rejects as an error, as this engine does.
 */
class SpecExamplesAgreementTest {

  @Test
  void everySpecExampleAgreesWithTheReferenceMatcher() throws Exception {
    JsonNode data = ReferenceTestsAgreementTest.load("spec-examples.json");
    List<Observation> obs = Observations.fromJson(data.get("observations"));
    List<String> bad = new ArrayList<>();
    int matched = 0;
    for (JsonNode c : data.get("cases")) {
      String pattern = c.get("pattern").stringValue();
      String ours = ReferenceTestsAgreementTest.verdict(pattern, data.get("observations"));
      if (!ours.equals(c.get("result").stringValue())) {
        bad.add(pattern + ": reference " + c.get("result").stringValue() + ", ours " + ours);
      }
      matched += ours.equals("match") ? 1 : 0;
    }
    assertThat(bad).isEmpty();
    assertThat(data.get("cases").size()).isEqualTo(23);
    assertThat(matched).isEqualTo(22);
    assertThat(obs).hasSizeGreaterThan(20);
  }
}
