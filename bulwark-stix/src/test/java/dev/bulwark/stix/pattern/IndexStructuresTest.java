package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index's building blocks: required literals, Aho–Corasick, and what gets keyed. */
class IndexStructuresTest {

  @Test
  void requiredLiteralsAreConservative() {
    assertThat(RequiredLiterals.ofLike("%.example.com")).isEqualTo(".example.com");
    assertThat(RequiredLiterals.ofLike("a%b_c")).isNull();
    assertThat(RequiredLiterals.ofRegex("^https?://evil\\.example/")).isEqualTo("://evil.example/");
    assertThat(RequiredLiterals.ofRegex("ab+cde")).isEqualTo("cde");
    assertThat(RequiredLiterals.ofRegex("abcd+")).isEqualTo("abcd");
    assertThat(RequiredLiterals.ofRegex("abc|xyz")).isNull();
    assertThat(RequiredLiterals.ofRegex("(?i)evil")).isNull();
    assertThat(RequiredLiterals.ofRegex("\\xd4\\xc3\\xb2")).isNull();
    assertThat(RequiredLiterals.ofRegex("evi[l1]domain")).isEqualTo("domain");
    assertThat(RequiredLiterals.ofRegex("(evil)?domain")).isEqualTo("domain");
    assertThat(RequiredLiterals.ofRegex("evilx{0,1}")).isEqualTo("evil");
  }

  @Test
  void ahoCorasickFindsEveryLiteralInOnePass() {
    AhoCorasick ac =
        AhoCorasick.build(
            Map.of(
                "he",
                new int[] {0},
                "she",
                new int[] {1},
                "his",
                new int[] {2},
                "hers",
                new int[] {3}));
    CandidateSet set = new CandidateSet(4);
    ac.scan("ushers", set);
    assertThat(set.toSortedArray()).containsExactly(0, 1, 3);
    CandidateSet none = new CandidateSet(4);
    ac.scan("xyz", none);
    assertThat(none.toSortedArray()).isEmpty();
  }

  @Test
  void keyedPatternsAreNotCheckedAgainstEveryObservation() {
    List<IndicatorEntry> entries = new ArrayList<>();
    String[] patterns = {
      "[ipv4-addr:value = '10.0.0.1']",
      "[ipv4-addr:value ISSUBSET '10.0.0.0/8']",
      "[domain-name:value LIKE '%.example.com']",
      "[url:value MATCHES '^https?://evil\\\\.example/']",
      "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e' OR file:hashes.'SHA-256' IN ('aa', 'bb')]",
      "[x-test:n > 5]"
    };
    for (int i = 0; i < patterns.length; i++) {
      entries.add(IndicatorEntry.of("indicator--" + i, patterns[i], Instant.EPOCH));
    }
    PatternIndex index = PatternIndex.build(entries);
    assertThat(index.size()).isEqualTo(6);
    assertThat(index.unindexedCount()).isEqualTo(1); // only the ordering comparison
    Observation obs =
        Observations.parse(
                """
                [{"type":"observed-data","id":"observed-data--1","number_observed":1,
                  "first_observed":"2020-01-01T00:00:00Z","last_observed":"2020-01-01T00:00:00Z",
                  "object_refs":["ipv4-addr--1","domain-name--1"]},
                 {"type":"ipv4-addr","id":"ipv4-addr--1","value":"10.1.2.3"},
                 {"type":"domain-name","id":"domain-name--1","value":"www.example.com"}]
                """)
            .get(0);
    assertThat(Arrays.stream(index.candidates(obs)).boxed().toList()).containsExactly(1, 2, 5);
    assertThat(index.match(obs))
        .extracting(IndexMatch::indicatorId)
        .containsExactly("indicator--1", "indicator--2");
  }
}
