package dev.bulwark.misp.audience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.misp.model.MispTag;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Laws of the MISP audience mapping, judged by the project's own {@link ReleaseRule} over random
 * distributions, sharing groups, tags and readers: narrowing never widens, an unmapped organisation
 * never grants, untagged is never CLEAR, distribution 0 stays home, and export never names a reader
 * outside the audience nor widens it on the way back.
 */
class AudiencePropertiesTest {
  private static final String OWN = "EST";
  private static final List<String> NATIONS =
      List.of("EST", "LVA", "LTU", "FIN", "POL", "DEU", "FRA", "USA");
  private static final List<MispOrg> ORGS =
      List.of(
          new MispOrg("11111111-1111-4111-8111-111111111111", "cert-fi"),
          new MispOrg("22222222-2222-4222-8222-222222222222", "cert-pl"),
          new MispOrg("44444444-4444-4444-8444-444444444444", "cert-de"),
          new MispOrg("33333333-3333-4333-8333-333333333333", "unmapped-1"),
          new MispOrg("55555555-5555-4555-8555-555555555555", "unmapped-2"));
  private static final AudienceSettings SETTINGS =
      new AudienceSettings(
          OWN,
          Set.of("LVA", "LTU"),
          Map.of(ORGS.get(0).uuid(), "FIN", ORGS.get(1).uuid(), "POL", ORGS.get(2).uuid(), "DEU"));
  private static final AudienceResolver RESOLVER = new AudienceResolver(SETTINGS);

  /** One MISP audience: distribution, group, tags. */
  record Spec(Distribution d, Optional<MispSharingGroup> sg, List<MispTag> tags) {}

  @Provide
  Arbitrary<Spec> specs() {
    Arbitrary<Distribution> d = Arbitraries.of(Distribution.values());
    Arbitrary<Optional<MispSharingGroup>> sg =
        Arbitraries.of(ORGS)
            .list()
            .ofMaxSize(4)
            .uniqueElements()
            .map(os -> new MispSharingGroup("1", "66666666-6666-4666-8666-666666666666", "g", os))
            .optional(0.8);
    Arbitrary<List<MispTag>> tags =
        Arbitraries.of(
                "tlp:clear",
                "tlp:white",
                "tlp:green",
                "tlp:amber",
                "tlp:amber+strict",
                "tlp:red",
                "tlp:ex:chr",
                "kill-chain:delivery")
            .map(t -> new MispTag(t, false))
            .list()
            .ofMaxSize(2);
    return Combinators.combine(d, sg, tags).as(Spec::new);
  }

  @Provide
  Arbitrary<Reader> readers() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.of(NATIONS).map(Reader::of)),
        Tuple.of(1, Arbitraries.just(Reader.anonymous())));
  }

  private static Audience of(Spec s, Audience parent) {
    return RESOLVER.of(s.d(), s.sg(), s.tags(), parent, n -> {});
  }

  private static Audience event(Spec s) {
    Spec e = s.d() == Distribution.INHERIT ? new Spec(Distribution.ALL, s.sg(), s.tags()) : s;
    return of(e, null);
  }

  static boolean mayRead(Reader r, Audience a) {
    List<StixObject> defs =
        a.markingDefinitions(
            OWN, ReleasabilityMarking.BULWARK_IDENTITY_ID, "2026-12-07T00:00:00.000Z");
    return ReleaseRule.mayRead(r, OWN, defs, Set.of("USA", "FRA"));
  }

  @Property
  void narrowingNeverWidens(
      @ForAll("specs") Spec ev, @ForAll("specs") Spec attr, @ForAll("readers") Reader r) {
    Audience parent = event(ev);
    Audience child = of(attr, parent);
    if (mayRead(r, child)) {
      assertThat(mayRead(r, parent)).isTrue();
    }
  }

  @Property
  void anUnmappedOrganisationNeverGrants(@ForAll("specs") Spec s, @ForAll("readers") Reader r) {
    if (s.sg().isEmpty()) {
      return;
    }
    List<MispOrg> more = new ArrayList<>(s.sg().get().organisations());
    ORGS.stream()
        .filter(o -> o.name().startsWith("unmapped"))
        .filter(o -> !more.contains(o))
        .forEach(more::add);
    MispSharingGroup wider = new MispSharingGroup("1", s.sg().get().uuid(), "g", more);
    Spec w = new Spec(s.d(), Optional.of(wider), s.tags());
    assertThat(mayRead(r, event(w))).isEqualTo(mayRead(r, event(s)));
  }

  @Property
  void untaggedIsNeverClear(@ForAll("specs") Spec s) {
    Spec untagged = new Spec(s.d(), s.sg(), List.of(new MispTag("kill-chain:delivery", false)));
    Audience a = event(untagged);
    assertThat(a.tlp()).isNotEqualTo(Optional.of(Tlp.CLEAR));
    assertThat(mayRead(Reader.anonymous(), a)).isFalse();
  }

  @Property
  void distributionZeroStaysHome(@ForAll("specs") Spec s, @ForAll("readers") Reader r) {
    Audience a = event(new Spec(Distribution.ORGANISATION, s.sg(), s.tags()));
    if (mayRead(r, a)) {
      assertThat(r.nation()).isEqualTo(OWN);
    }
  }

  @Property
  void exportNeverLeaksNorWidensOnTheWayBack(
      @ForAll("specs") Spec s, @ForAll("readers") Reader target, @ForAll("readers") Reader r) {
    if (!target.authenticated()) {
      return;
    }
    Audience a = event(s);
    List<StixObject> defs =
        a.markingDefinitions(
            OWN, ReleasabilityMarking.BULWARK_IDENTITY_ID, "2026-12-07T00:00:00.000Z");
    Optional<MispAudience> m = RESOLVER.toMisp(defs, OWN, target.nation(), w -> {});
    if (m.isEmpty()) {
      return;
    }
    assertThat(mayRead(target, a)).as("the export's reader may read it").isTrue();
    List<MispTag> tags =
        m.get().tlp().map(t -> List.of(new MispTag(TlpTags.tag(t), false))).orElse(List.of());
    Audience back =
        RESOLVER.of(m.get().distribution(), m.get().sharingGroup(), tags, null, n -> {});
    if (mayRead(r, back)) {
      assertThat(mayRead(r, a)).as("re-imported no wider: " + a + " -> " + back).isTrue();
    }
  }
}
