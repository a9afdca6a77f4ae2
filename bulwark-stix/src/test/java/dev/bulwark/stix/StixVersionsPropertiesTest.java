package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The laws of a new version: same id and created, later modified, no marking dropped. */
class StixVersionsPropertiesTest {

  private static final long MIN = 0L;
  // room below year 10000 for the age and the +1 ms of each version
  private static final long MAX = 253_402_000_000_000L;

  @Provide
  Arbitrary<List<String>> refs() {
    return Arbitraries.of(
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb")
        .list()
        .uniqueElements()
        .ofMaxSize(3);
  }

  private static StixObject version(
      String id, long created, long modified, List<String> refs, String name) {
    return StixBuilder.of("incident", id)
        .created(StixTimestamps.formatMillis(created))
        .modified(StixTimestamps.formatMillis(modified))
        .markings(refs)
        .put("name", name)
        .build();
  }

  @Property(tries = 300)
  void idAndCreatedAreKeptAndModifiedStrictlyIncreases(
      @ForAll @LongRange(min = MIN, max = MAX) long created,
      @ForAll @LongRange(min = 0, max = 10_000_000L) long age,
      @ForAll @LongRange(min = MIN, max = MAX) long now,
      @ForAll("refs") List<String> previousRefs,
      @ForAll("refs") List<String> proposedRefs) {
    StixObject previous =
        version(StixIds.random("incident"), created, created + age, previousRefs, "a");
    StixObject proposed =
        StixBuilder.of("incident", StixIds.random("incident"))
            .created("1999-01-01T00:00:00.000Z")
            .markings(proposedRefs)
            .put("name", "b")
            .build();

    StixObject next = StixVersions.newVersion(previous, proposed, now);

    assertThat(next.id()).isEqualTo(previous.id());
    assertThat(next.type()).isEqualTo(previous.type());
    assertThat(next.created()).isEqualTo(previous.created());
    assertThat(StixTimestamps.compare(next.modified().get(), previous.modified().get()))
        .isPositive();
    assertThat(StixTimestamps.compare(next.modified().get(), next.created().get()))
        .isGreaterThanOrEqualTo(0);
    assertThat(next.objectMarkingRefs()).containsAll(previousRefs).containsAll(proposedRefs);
    assertThat(next.string("name")).contains("b");
  }

  @Property(tries = 200)
  void aChainOfVersionsKeepsIncreasingWhateverTheClockDoes(
      @ForAll @LongRange(min = 1_000_000_000_000L, max = 2_000_000_000_000L) long created,
      @ForAll("clock") List<Long> clock) {
    StixObject v = version(StixIds.random("note"), created, created, List.of(), "0");
    for (long now : clock) {
      StixObject next = StixVersions.newVersion(v, v, now);
      assertThat(StixTimestamps.toMillis(next.modified().get()))
          .isGreaterThan(StixTimestamps.toMillis(v.modified().get()))
          .isGreaterThanOrEqualTo(now);
      v = next;
    }
  }

  @Provide
  Arbitrary<List<Long>> clock() {
    return Arbitraries.longs()
        .between(1_000_000_000_000L, 2_000_000_000_000L)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  @Property(tries = 200)
  void theMarkingRuleDecidesAndItsAnswerIsWritten(
      @ForAll("refs") List<String> previousRefs, @ForAll("refs") List<String> proposedRefs) {
    StixObject previous = version(StixIds.random("note"), 0, 0, previousRefs, "a");
    StixObject proposed = version(StixIds.random("note"), 0, 0, proposedRefs, "a");
    StixObject keepPrevious = StixVersions.newVersion(previous, proposed, 5, (p, q) -> p);
    assertThat(keepPrevious.objectMarkingRefs()).isEqualTo(previousRefs);
  }

  @Property(tries = 100)
  void propertyOrderIsTheVersionOrder(@ForAll @LongRange(min = MIN, max = MAX) long now) {
    StixObject previous =
        version(
            "note--" + "0".repeat(8) + "-0000-4000-8000-" + "0".repeat(12), 0, 0, List.of(), "x");
    StixObject next = StixVersions.newVersion(previous, previous, now);
    assertThat(next.toJson())
        .startsWith(
            "{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\""
                + previous.id()
                + "\",\"created\":\"1970-01-01T00:00:00.000Z\",\"modified\":\"");
  }
}
