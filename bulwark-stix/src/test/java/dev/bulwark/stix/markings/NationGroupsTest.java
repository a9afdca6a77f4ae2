package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NationGroupsTest {

  @Test
  void natoHasItsThirtyTwoAllies() {
    assertThat(NationGroups.expand("NATO"))
        .hasSize(32)
        .contains("FIN", "SWE", "USA", "TUR", "MKD", "MNE")
        .doesNotContain("UKR", "AUT", "IRL");
  }

  @Test
  void euHasItsTwentySevenMembers() {
    assertThat(NationGroups.expand("eu"))
        .hasSize(27)
        .contains("AUT", "IRL", "CYP", "MLT", "DEU")
        .doesNotContain("GBR", "NOR", "USA");
  }

  @Test
  void everyGroupMemberIsAnIsoCode() {
    for (String group : NationGroups.groupNames()) {
      for (String member : NationGroups.expand(group)) {
        assertThat(NationGroups.isKnown(member)).as(group + " " + member).isTrue();
        assertThat(NationGroups.expand(member)).containsExactly(member);
      }
    }
  }

  @Test
  void knowsIsoAlpha3CodesOnly() {
    assertThat(NationGroups.isKnown("UKR")).isTrue();
    assertThat(NationGroups.isKnown("deu")).isTrue();
    assertThat(NationGroups.isKnown("DE")).isFalse();
    assertThat(NationGroups.isKnown("XXX")).isFalse();
    assertThat(NationGroups.expand("XXX")).isEmpty();
    assertThat(NationGroups.expand("ukr")).containsExactly("UKR");
  }
}
