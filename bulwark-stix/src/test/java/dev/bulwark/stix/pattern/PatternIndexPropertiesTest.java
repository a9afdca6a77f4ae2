package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * The index never changes a result: for generated indicator sets (patterns of the differential
 * corpus plus keyed ones: exact values, IN sets, CIDR blocks, with validity windows) and generated
 * observations, {@link PatternIndex#match} returns exactly the indicators whose pattern a
 * brute-force evaluation matches on that observation and that are valid at its time.
 */
class PatternIndexPropertiesTest {

  private static final List<String> PATTERNS = new ArrayList<>();
  private static final List<Observation> OBSERVATIONS = new ArrayList<>();

  static {
    try {
      JsonNode cases = ReferenceTestsAgreementTest.load("differential-cases.json").get("cases");
      for (JsonNode c : cases) {
        PATTERNS.add(c.get("pattern").stringValue());
        OBSERVATIONS.addAll(Observations.fromJson(c.get("observations")));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (String ip : List.of("10.0.0.1", "192.168.1.7", "198.51.100.3", "203.0.113.9")) {
      PATTERNS.add("[ipv4-addr:value = '" + ip + "']");
      PATTERNS.add("[network-traffic:dst_ref.value = '" + ip + "']");
    }
    for (String cidr : List.of("10.0.0.0/8", "192.168.0.0/16", "198.51.100.0/25", "0.0.0.0/1")) {
      PATTERNS.add("[ipv4-addr:value ISSUBSET '" + cidr + "']");
      PATTERNS.add("[network-traffic:src_ref.value ISSUBSET '" + cidr + "']");
    }
    PATTERNS.add("[domain-name:value IN ('example.com', 'a.b.c.org')]");
    PATTERNS.add("[domain-name:value LIKE '%.example.com']");
    PATTERNS.add("[domain-name:value LIKE 'evil.%']");
    PATTERNS.add("[domain-name:value MATCHES '^(www|evil)\\.example\\.(com|net)$']");
    PATTERNS.add("[file:name MATCHES 'caf\u00e9\\.t+xt']");
    PATTERNS.add("[x-test:str LIKE 'cafe\u0301%']");
    PATTERNS.add("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']");
    PATTERNS.add("[x-test:int = 5.0 OR x-test:float = 12.658]");
    PATTERNS.add("[network-traffic:dst_port = 443 AND network-traffic:protocols[*] = 'tcp']");
  }

  record Indicator(String pattern, int from, int until) {}

  @Provide
  Arbitrary<List<Indicator>> indicators() {
    Arbitrary<Indicator> one =
        Combinators.combine(
                Arbitraries.of(PATTERNS),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5))
            .as(Indicator::new);
    return one.list().ofMinSize(1).ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Observation>> observations() {
    return Arbitraries.of(OBSERVATIONS).list().ofMinSize(1).ofMaxSize(30);
  }

  private static Instant time(int i) {
    return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(30L * i * i);
  }

  @Property(tries = 200)
  void indexMatchesEqualBruteForce(
      @ForAll("indicators") List<Indicator> indicators,
      @ForAll("observations") List<Observation> observations) {
    List<IndicatorEntry> entries = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      Indicator in = indicators.get(i);
      entries.add(
          new IndicatorEntry(
              "indicator--" + i,
              in.pattern(),
              time(in.from()),
              in.until() == 5 ? null : time(in.until()),
              false));
    }
    PatternIndex index = PatternIndex.build(entries);
    for (Observation obs : observations) {
      Set<String> expected = new TreeSet<>();
      for (IndicatorEntry e : entries) {
        if (validAt(e, obs) && bruteForce(e.pattern(), obs)) {
          expected.add(e.id());
        }
      }
      Set<String> actual = new TreeSet<>();
      index.match(obs).forEach(m -> actual.add(m.indicatorId()));
      assertThat(actual).as(obs.id()).isEqualTo(expected);
    }
  }

  private static boolean validAt(IndicatorEntry e, Observation obs) {
    long from = PatternIndex.micros(e.validFrom());
    long until = e.validUntil() == null ? Long.MAX_VALUE : PatternIndex.micros(e.validUntil());
    return obs.lastMicros() >= from && obs.firstMicros() < until;
  }

  private static boolean bruteForce(String pattern, Observation obs) {
    try {
      return StixPattern.compile(pattern).matches(obs);
    } catch (PatternException | PatternEvaluationException e) {
      return false;
    }
  }
}
