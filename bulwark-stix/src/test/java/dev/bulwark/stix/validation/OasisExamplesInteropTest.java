package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The OASIS examples (unchanged) under {@link ValidationProfile#INTEROP}: they are valid STIX 2.1
 * but most were not written to the interoperability profile. This records how many pass and which
 * profile rules the others break, so a change in the profile's behaviour shows up here.
 */
class OasisExamplesInteropTest {

  private static final StixValidator INTEROP = new StixValidator(ValidationProfile.INTEROP);

  @Test
  void howTheOasisExamplesFareUnderTheInteropProfile() throws IOException {
    Map<String, int[]> perFile = new TreeMap<>();
    Map<String, Integer> breaches = new TreeMap<>();
    for (String file : RealDataValidationTest.oasisFiles().toList()) {
      int[] counts =
          new int[3]; // objects, objects of profile types, of those: valid under the profile
      for (StixObject o : RealDataValidationTest.read(file)) {
        counts[0]++;
        ValidationResult r = INTEROP.validate(o);
        assertThat(r.errors()).as(o.id()).allMatch(Finding::interop);
        if (InteropProfile.REQUIRED.containsKey(o.type())) {
          counts[1]++;
          if (r.valid()) {
            counts[2]++;
          }
        } else {
          assertThat(r.findings()).noneMatch(Finding::interop);
        }
        for (Finding f : r.errors()) {
          breaches.merge(f.rule() + " " + o.type() + f.path().substring(1), 1, Integer::sum);
        }
      }
      perFile.put(file.substring(file.lastIndexOf('/') + 1), counts);
    }
    // objects, objects of the 19 profile types, of those: error-free under the profile
    assertThat(perFile)
        .containsExactly(
            Map.entry("apt1.json", new int[] {76, 72, 0}),
            Map.entry("indicator-for-c2-ip-address.json", new int[] {1, 1, 0}),
            Map.entry("indicator-to-campaign-relationship.json", new int[] {3, 3, 0}),
            Map.entry("indicators-for-C2-with-COA.json", new int[] {8, 7, 6}),
            Map.entry("infrastructure.json", new int[] {10, 8, 0}),
            Map.entry("interop-objectmarking-test.json", new int[] {1, 1, 1}),
            Map.entry("malicious-email-indicator-with-attachment.json", new int[] {6, 5, 4}),
            Map.entry("poisonivy.json", new int[] {155, 154, 2}));
    // 13 of the 251 objects of profile types pass; the others miss these properties (rule,
    // type.property, objects)
    assertThat(breaches)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("interop-required-property attack-pattern.created_by_ref", 10),
                    Map.entry("interop-required-property attack-pattern.external_references", 7),
                    Map.entry("interop-required-property attack-pattern.kill_chain_phases", 1),
                    Map.entry("interop-required-property campaign.created_by_ref", 4),
                    Map.entry("interop-required-property indicator.created_by_ref", 39),
                    Map.entry("interop-required-property infrastructure.created_by_ref", 2),
                    Map.entry("interop-required-property intrusion-set.created_by_ref", 1),
                    Map.entry("interop-required-property malware.architecture_execution_envs", 34),
                    Map.entry("interop-required-property malware.capabilities", 34),
                    Map.entry("interop-required-property malware.created_by_ref", 33),
                    Map.entry("interop-required-property malware.first_seen", 34),
                    Map.entry("interop-required-property malware.implementation_languages", 34),
                    Map.entry("interop-required-property malware.last_seen", 34),
                    Map.entry("interop-required-property relationship.created_by_ref", 125),
                    Map.entry("interop-required-property report.created_by_ref", 1),
                    Map.entry("interop-required-property threat-actor.created_by_ref", 5),
                    Map.entry("interop-required-property threat-actor.sophistication", 4),
                    Map.entry("interop-required-property tool.created_by_ref", 10),
                    Map.entry("interop-required-property vulnerability.created_by_ref", 6))));
  }
}
