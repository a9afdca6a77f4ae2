package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * "A version never widens": the new version's readers are always among the previous version's
 * readers.
 */
class VersionRulePropertiesTest {

  private static final List<String> NATIONS =
      List.of("FIN", "EST", "DEU", "USA", "UKR", "AUT", "JPN");
  private static final List<String> IDENTITIES =
      List.of(
          "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
          "identity--11b76a96-5d2b-45e0-8a5a-f6994f370731");
  private static final String NOT_HELD = "marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";

  /**
   * Every reader there is, as far as nations go: every ISO code, with and without each identity.
   */
  private static final List<Reader> EVERY_READER = everyReader();

  private static List<Reader> everyReader() {
    List<Reader> out = new ArrayList<>();
    out.add(Reader.anonymous());
    for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)) {
      out.add(Reader.of(code));
      for (String id : IDENTITIES) {
        out.add(new Reader(code, Optional.of(id)));
      }
    }
    return out;
  }

  @Provide
  Arbitrary<Reader> readers() {
    Arbitrary<Reader> known =
        Combinators.combine(Arbitraries.of(NATIONS), Arbitraries.of(IDENTITIES).optional())
            .as(Reader::new);
    return Arbitraries.frequencyOf(
        Tuple.of(9, known), Tuple.of(1, Arbitraries.just(Reader.anonymous())));
  }

  @Provide
  Arbitrary<String> origins() {
    return Arbitraries.of(NATIONS);
  }

  @Provide
  Arbitrary<Set<String>> defaults() {
    return Arbitraries.of("DEU", "NATO", "EU", "UKR").set().ofMaxSize(2);
  }

  @Provide
  Arbitrary<StixObject> releasabilities() {
    Arbitrary<Set<String>> nations =
        Arbitraries.of("FIN", "DEU", "USA", "UKR", "NATO", "EU", "FVEY").set().ofMaxSize(3);
    Arbitrary<Set<String>> recipients = Arbitraries.of(IDENTITIES).set().ofMaxSize(2);
    return Combinators.combine(nations, recipients)
        .filter((n, r) -> !n.isEmpty() || !r.isEmpty())
        .as(
            (n, r) ->
                ReleasabilityMarking.markingDefinition(
                    new Releasability(n, r), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED));
  }

  @Provide
  Arbitrary<List<StixObject>> markingSets() {
    Arbitrary<StixObject> one =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(Tlp.values()).map(Tlp::definition)),
            Tuple.of(4, releasabilities()),
            Tuple.of(1, Arbitraries.just(ReleaseRuleTest.statement())),
            Tuple.of(1, Arbitraries.just(ReleaseRuleTest.unknownMarking())));
    return one.list().ofMaxSize(3);
  }

  private static List<String> refs(List<StixObject> ms) {
    return ms.stream().map(StixObject::id).toList();
  }

  /** Resolves the markings of both sets; {@link #NOT_HELD} resolves to nothing. */
  private static Function<String, Optional<StixObject>> resolver(
      List<StixObject> a, List<StixObject> b) {
    Map<String, StixObject> byId = new HashMap<>();
    a.forEach(m -> byId.put(m.id(), m));
    b.forEach(m -> byId.put(m.id(), m));
    return id -> Optional.ofNullable(byId.get(id));
  }

  private static boolean read(
      Reader r,
      String origin,
      List<String> refs,
      Function<String, Optional<StixObject>> resolve,
      Set<String> defaults) {
    return ReleaseRule.mayRead(r, origin, refs, resolve, defaults);
  }

  @Property(tries = 1000)
  void theNewVersionsReadersAreAlwaysAmongThePreviousVersionsReaders(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("defaults") Set<String> defaults,
      @ForAll("markingSets") List<StixObject> previous,
      @ForAll("markingSets") List<StixObject> proposed) {
    Function<String, Optional<StixObject>> resolve = resolver(previous, proposed);
    List<String> next =
        VersionRule.nextMarkings(origin, refs(previous), refs(proposed), resolve, defaults);
    if (read(r, origin, next, resolve, defaults)) {
      assertThat(read(r, origin, refs(previous), resolve, defaults)).isTrue();
    }
  }

  @Property(tries = 300)
  void theNewVersionTakesEitherTheProposedMarkingsOrKeepsThePreviousOnes(
      @ForAll("origins") String origin,
      @ForAll("defaults") Set<String> defaults,
      @ForAll("markingSets") List<StixObject> previous,
      @ForAll("markingSets") List<StixObject> proposed) {
    List<String> next =
        VersionRule.nextMarkings(
            origin, refs(previous), refs(proposed), resolver(previous, proposed), defaults);
    assertThat(next).isIn(refs(previous), refs(proposed));
  }

  @Property(tries = 300)
  void theProposedMarkingsAreTakenExactlyWhenNoReaderAnywhereGainsAccess(
      @ForAll("origins") String origin,
      @ForAll("defaults") Set<String> defaults,
      @ForAll("markingSets") List<StixObject> previous,
      @ForAll("markingSets") List<StixObject> proposed) {
    Function<String, Optional<StixObject>> resolve = resolver(previous, proposed);
    boolean someoneGains =
        EVERY_READER.stream()
            .anyMatch(
                r ->
                    read(r, origin, refs(proposed), resolve, defaults)
                        && !read(r, origin, refs(previous), resolve, defaults));
    assertThat(VersionRule.neverWidens(origin, refs(previous), refs(proposed), resolve, defaults))
        .isEqualTo(!someoneGains);
  }

  @Property(tries = 200)
  void keepingTheSameMarkingsIsAlwaysAllowed(
      @ForAll("origins") String origin,
      @ForAll("defaults") Set<String> defaults,
      @ForAll("markingSets") List<StixObject> ms) {
    assertThat(VersionRule.nextMarkings(origin, refs(ms), refs(ms), resolver(ms, ms), defaults))
        .isEqualTo(refs(ms));
  }

  @Example
  void aFinnishAmberStrictIncidentAcknowledgedByAnEstonianNodeKeepsItsMarkings() {
    // finding 2: the node's own TLP:AMBER + releasable to NATO on an acknowledgement laundered
    // FIN's text
    StixObject nato =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("NATO"), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED);
    List<String> previous = List.of(Tlp.AMBER_STRICT.markingDefinitionId());
    List<String> node = List.of(Tlp.AMBER.markingDefinitionId(), nato.id());
    assertThat(
            VersionRule.nextMarkings(
                "FIN", previous, node, resolver(List.of(nato), List.of()), Set.of()))
        .isEqualTo(previous);
  }

  @Example
  void aRedIncidentNeverBecomesAmber() {
    StixObject nato =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("NATO"), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED);
    List<String> previous = List.of(Tlp.RED.markingDefinitionId());
    List<String> node = List.of(Tlp.AMBER.markingDefinitionId(), nato.id());
    assertThat(
            VersionRule.nextMarkings(
                "EST", previous, node, resolver(List.of(nato), List.of()), Set.of()))
        .isEqualTo(previous);
  }

  @Example
  void aNarrowerProposalIsTaken() {
    StixObject nato =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("NATO"), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED);
    StixObject fin =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("FIN"), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED);
    List<String> previous = List.of(Tlp.AMBER.markingDefinitionId(), nato.id());
    List<String> narrower = List.of(Tlp.AMBER.markingDefinitionId(), fin.id());
    assertThat(
            VersionRule.nextMarkings(
                "EST", previous, narrower, resolver(List.of(nato, fin), List.of()), Set.of()))
        .isEqualTo(narrower);
    assertThat(
            VersionRule.nextMarkings(
                "EST", narrower, previous, resolver(List.of(nato, fin), List.of()), Set.of()))
        .isEqualTo(narrower);
  }

  @Example
  void aPreviousVersionWhoseMarkingCannotBeResolvedKeepsIt() {
    List<String> previous = List.of(NOT_HELD);
    List<String> clear = List.of(Tlp.CLEAR.markingDefinitionId());
    assertThat(VersionRule.nextMarkings("EST", previous, clear, id -> Optional.empty(), Set.of()))
        .isEqualTo(previous);
  }

  @Example
  void addingAFirstReleasabilityListToAmberWidensAndIsRefused() {
    StixObject deu =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("DEU"), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED);
    List<String> previous = List.of(Tlp.AMBER.markingDefinitionId());
    List<String> plusList = List.of(Tlp.AMBER.markingDefinitionId(), deu.id());
    assertThat(
            VersionRule.neverWidens(
                "EST", previous, plusList, resolver(List.of(deu), List.of()), Set.of()))
        .isFalse();
  }
}
