package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispOrg;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The MISP link settings' parser ({@code bulwark.misp.link-nations}, {@code
 * bulwark.misp.org-nations}): any text either parses or is refused with an {@link
 * IllegalArgumentException} naming the setting (never another failure), and a well-formed map
 * resolves each organisation, by uuid in any case or by exact name, to its nation.
 */
class MispLinkSettingsPropertiesTest {
  private static final List<String> NATIONS = List.of("EST", "FIN", "LVA", "LTU", "DEU", "POL");

  @Property(tries = 500)
  void anyTextParsesOrIsRefusedNamingTheSetting(
      @ForAll("text") String links, @ForAll("text") String orgs) {
    try {
      AudienceSettings s = MispLinkSettings.of("EST", links, orgs);
      assertThat(s.ownNation()).isEqualTo("EST");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).containsAnyOf("bulwark.misp.", "nation", "alpha-3", "unknown");
    }
  }

  @Property(tries = 200)
  void aWellFormedMapResolvesEveryOrganisation(
      @ForAll("orgs") Map<String, String> byName, @ForAll boolean upperCaseUuids) {
    StringBuilder text = new StringBuilder();
    byName.forEach(
        (name, nation) -> {
          String uuid = MispFixtures.uuid("org " + name);
          text.append(upperCaseUuids ? uuid.toUpperCase() : uuid).append('=').append(nation);
          text.append(';').append(name).append('=').append(nation.toLowerCase()).append(';');
        });
    AudienceSettings s = MispLinkSettings.of("EST", "FIN, LVA", text.toString());
    assertThat(s.linkNations()).containsExactlyInAnyOrder("FIN", "LVA");
    byName.forEach(
        (name, nation) -> {
          assertThat(s.nationOf(new MispOrg(MispFixtures.uuid("org " + name), "")))
              .contains(nation);
          assertThat(s.nationOf(new MispOrg("", name))).contains(nation);
        });
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("=;, ESTFINxyz-0123456789abcdef").ofMaxLength(60));
  }

  @Provide
  Arbitrary<Map<String, String>> orgs() {
    return Arbitraries.maps(
            Arbitraries.strings()
                .withChars("ABCDEFGHIJ-. ")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(n -> !n.isBlank() && n.equals(n.trim())),
            Arbitraries.of(NATIONS))
        .ofMaxSize(6);
  }
}
