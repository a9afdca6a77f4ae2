package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Laws of the access rule over random marking sets, readers and origins. */
class ReleaseRulePropertiesTest {

  private static final List<String> NATIONS =
      List.of("FRA", "DEU", "POL", "USA", "UKR", "NOR", "AUT", "EST");
  private static final List<String> IDENTITIES =
      List.of(
          "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
          "identity--11b76a96-5d2b-45e0-8a5a-f6994f370731");

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
  Arbitrary<StixObject> tlps() {
    return Arbitraries.of(Tlp.values()).map(Tlp::definition);
  }

  @Provide
  Arbitrary<StixObject> releasabilities() {
    Arbitrary<Set<String>> nations =
        Arbitraries.of("FRA", "DEU", "POL", "USA", "UKR", "NATO", "EU").set().ofMaxSize(3);
    Arbitrary<Set<String>> recipients = Arbitraries.of(IDENTITIES).set().ofMaxSize(1);
    return Combinators.combine(nations, recipients)
        .filter((n, r) -> !n.isEmpty() || !r.isEmpty())
        .as(
            (n, r) ->
                ReleasabilityMarking.markingDefinition(
                    new Releasability(n, r), ReleaseRuleTest.CREATOR, ReleaseRuleTest.CREATED));
  }

  @Provide
  Arbitrary<List<StixObject>> markingSets() {
    return Arbitraries.oneOf(
            tlps(), releasabilities(), Arbitraries.just(ReleaseRuleTest.statement()))
        .list()
        .ofMaxSize(4);
  }

  private static boolean read(Reader r, String origin, List<StixObject> ms) {
    return ReleaseRule.mayRead(r, origin, ms, ReleaseRule.ORIGIN_ONLY);
  }

  private static boolean hasAccessMarking(List<StixObject> ms) {
    return ms.stream()
        .anyMatch(
            m -> Tlp.fromMarkingId(m.id()).isPresent() || ReleasabilityMarking.carriesExtension(m));
  }

  private static boolean has(List<StixObject> ms, Tlp t) {
    return ms.stream().anyMatch(m -> m.id().equals(t.markingDefinitionId()));
  }

  private static List<StixObject> plus(List<StixObject> ms, StixObject m) {
    List<StixObject> out = new ArrayList<>(ms);
    out.add(m);
    return out;
  }

  @Property(tries = 500)
  void addingATlpMarkingToAMarkedObjectNeverWidensAccess(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms,
      @ForAll("tlps") StixObject tlp) {
    if (hasAccessMarking(ms) && read(r, origin, plus(ms, tlp))) {
      assertThat(read(r, origin, ms)).isTrue();
    }
  }

  @Property(tries = 500)
  void addingAReleasabilityMarkingNeverWidensAccessOnceOneIsThere(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms,
      @ForAll("releasabilities") StixObject rel) {
    // The one widening the rule allows: the first releasability marking opens a TLP:AMBER object to
    // its nations, and the first one naming recipients opens a TLP:RED object to them. Everywhere
    // else another marking only narrows.
    boolean firstNations =
        has(ms, Tlp.AMBER) && ms.stream().noneMatch(ReleasabilityMarking::carriesExtension);
    boolean firstRecipients =
        has(ms, Tlp.RED)
            && ms.stream()
                .noneMatch(
                    m ->
                        ReleasabilityMarking.read(m)
                            .map(x -> !x.recipients().isEmpty())
                            .orElse(false));
    boolean firstList = firstNations || firstRecipients;
    if (hasAccessMarking(ms) && !firstList && read(r, origin, plus(ms, rel))) {
      assertThat(read(r, origin, ms)).isTrue();
    }
  }

  @Property(tries = 300)
  void orderAndRepetitionOfMarkingsDoNotMatter(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms) {
    List<StixObject> shuffled = new ArrayList<>(ms);
    Collections.reverse(shuffled);
    shuffled.addAll(ms);
    assertThat(read(r, origin, shuffled)).isEqualTo(read(r, origin, ms));
  }

  @Property(tries = 300)
  void theOriginReadsEverythingExceptRed(
      @ForAll("origins") String origin, @ForAll("markingSets") List<StixObject> ms) {
    if (!has(ms, Tlp.RED)) {
      assertThat(read(Reader.of(origin), origin, ms)).isTrue();
    }
  }

  @Property(tries = 300)
  void thePublicReadsOnlyClear(
      @ForAll("origins") String origin, @ForAll("markingSets") List<StixObject> ms) {
    boolean onlyClear =
        has(ms, Tlp.CLEAR)
            && ms.stream()
                .allMatch(
                    m ->
                        m.id().equals(Tlp.CLEAR.markingDefinitionId())
                            || "statement".equals(m.string("definition_type").orElse("")));
    assertThat(read(Reader.anonymous(), origin, ms)).isEqualTo(onlyClear);
  }

  @Property(tries = 300)
  void redIsReadOnlyByNamedRecipients(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms) {
    List<StixObject> red = plus(ms, Tlp.RED.definition());
    if (read(r, origin, red)) {
      assertThat(r.identityId()).isPresent();
      assertThat(red)
          .anyMatch(
              m ->
                  ReleasabilityMarking.read(m)
                      .map(x -> x.recipients().contains(r.identityId().get()))
                      .orElse(false));
    }
  }

  @Property(tries = 300)
  void anUnknownMarkingDeniesEveryone(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms) {
    assertThat(read(r, origin, plus(ms, ReleaseRuleTest.unknownMarking()))).isFalse();
    assertThat(
            ReleaseRule.mayRead(
                r,
                origin,
                List.of("marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"),
                id -> Optional.empty(),
                Set.of("NATO", "EU")))
        .isFalse();
  }

  // A releasability definition, read as an object, is also readable by those it names.

  private static boolean named(StixObject rel, Reader r) {
    Releasability x = ReleasabilityMarking.read(rel).orElseThrow();
    return r.authenticated()
        && (x.includesNation(r.nation())
            || r.identityId().map(x.recipients()::contains).orElse(false));
  }

  private static boolean readDefinition(
      Reader r, StixObject def, String origin, List<StixObject> ms) {
    return ReleaseRule.mayReadDefinition(r, def, origin, ms, ReleaseRule.ORIGIN_ONLY);
  }

  @Property(tries = 500)
  void aReleasabilityDefinitionIsReadableByEveryoneItNamesWhateverItsOwnMarkings(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("releasabilities") StixObject def,
      @ForAll("markingSets") List<StixObject> ms) {
    List<StixObject> strict =
        plus(plus(ms, Tlp.RED.definition()), ReleaseRuleTest.unknownMarking());
    if (named(def, r)) {
      assertThat(readDefinition(r, def, origin, strict)).isTrue();
      assertThat(readDefinition(r, def, origin, ms)).isTrue();
    }
  }

  @Property(tries = 500)
  void beingNamedIsTheOnlyWayADefinitionIsReadBeyondItsMarkings(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("releasabilities") StixObject def,
      @ForAll("markingSets") List<StixObject> ms) {
    if (readDefinition(r, def, origin, ms) && !read(r, origin, ms)) {
      assertThat(named(def, r)).isTrue();
    }
    if (!named(def, r)) {
      assertThat(readDefinition(r, def, origin, ms)).isEqualTo(read(r, origin, ms));
    }
  }

  @Property(tries = 300)
  void thePublicIsNeverNamedAndOtherDefinitionsNameNobody(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("markingSets") List<StixObject> ms,
      @ForAll("releasabilities") StixObject rel,
      @ForAll("tlps") StixObject tlp) {
    assertThat(readDefinition(Reader.anonymous(), rel, origin, ms))
        .isEqualTo(read(Reader.anonymous(), origin, ms));
    for (StixObject other :
        List.of(tlp, ReleaseRuleTest.statement(), ReleaseRuleTest.unknownMarking())) {
      assertThat(ReleaseRule.namedBy(other, r)).isFalse();
      assertThat(readDefinition(r, other, origin, ms)).isEqualTo(read(r, origin, ms));
    }
  }

  @Property(tries = 500)
  void beingNamedOpensTheDefinitionNeverWhatItMarks(
      @ForAll("readers") Reader r,
      @ForAll("origins") String origin,
      @ForAll("releasabilities") StixObject rel,
      @ForAll("markingSets") List<StixObject> ms) {
    // whatever the definition itself allows, an object it marks is decided by the access rule
    // alone:
    // AMBER+STRICT stays with the origin, RED with the recipients every list names
    if (!r.nation().equals(origin)) {
      assertThat(read(r, origin, plus(plus(ms, rel), Tlp.AMBER_STRICT.definition()))).isFalse();
    }
    boolean readsObject = read(r, origin, plus(ms, rel));
    if (readsObject) {
      assertThat(read(r, origin, ms) || named(rel, r) || r.nation().equals(origin)).isTrue();
    }
  }
}
