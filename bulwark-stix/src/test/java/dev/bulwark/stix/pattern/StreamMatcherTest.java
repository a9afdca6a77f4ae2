package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Streams of observations: multi-observation patterns, validity, revocation, live reload. */
class StreamMatcherTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long T0 = PatternIndex.micros(Instant.parse("2020-01-01T00:00:00Z"));

  private static Observation ip(int n, String value, int seconds) {
    JsonNode o =
        JSON.readTree(
            "{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--" + n + "\",\"value\":\"" + value + "\"}");
    return Observation.at(
        "observed-data--" + n, T0 + seconds * 1_000_000L, Map.of("ipv4-addr--" + n, o));
  }

  @Test
  void followedByWithinAcrossAStreamIsReportedOnce() {
    LiveIndex live =
        new LiveIndex(
            PatternIndex.build(
                List.of(
                    IndicatorEntry.of(
                        "indicator--seq",
                        "([ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.2'])"
                            + " WITHIN 60 SECONDS",
                        Instant.EPOCH),
                    IndicatorEntry.of(
                        "indicator--one", "[ipv4-addr:value = '10.0.0.2']", Instant.EPOCH))));
    StreamMatcher m = new StreamMatcher(live, 16);
    assertThat(m.accept(ip(1, "10.0.0.1", 0))).isEmpty();
    assertThat(m.accept(ip(2, "10.0.0.9", 10))).isEmpty();
    List<IndexMatch> hits = m.accept(ip(3, "10.0.0.2", 30));
    assertThat(hits)
        .extracting(IndexMatch::indicatorId)
        .containsExactlyInAnyOrder("indicator--seq", "indicator--one");
    IndexMatch seq =
        hits.stream()
            .filter(h -> h.indicatorId().equals("indicator--seq"))
            .findFirst()
            .orElseThrow();
    assertThat(seq.observationIds()).containsExactly("observed-data--1", "observed-data--3");
    assertThat(seq.firstObserved()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(seq.lastObserved()).isEqualTo(Instant.parse("2020-01-01T00:00:30Z"));
    // reported once: the same right side again does not repeat the sequence match
    assertThat(m.accept(ip(4, "10.0.0.2", 40)))
        .extracting(IndexMatch::indicatorId)
        .containsExactly("indicator--one");
    // too late for the window; the old left side is dropped once the window has passed
    assertThat(m.accept(ip(5, "10.0.0.1", 101))).isEmpty();
    assertThat(m.pendingObservations()).isEqualTo(1);
    assertThat(m.accept(ip(6, "10.0.0.2", 200)))
        .extracting(IndexMatch::indicatorId)
        .containsExactly("indicator--one");
    assertThat(m.pendingObservations()).isLessThanOrEqualTo(16);
  }

  @Test
  void validityAndRevocationAreHonoured() {
    Instant from = Instant.parse("2020-01-01T00:00:10Z");
    Instant until = Instant.parse("2020-01-01T00:00:20Z");
    PatternIndex index =
        PatternIndex.build(
            List.of(
                new IndicatorEntry(
                    "indicator--window", "[ipv4-addr:value = '10.0.0.1']", from, until, false),
                new IndicatorEntry(
                    "indicator--revoked",
                    "[ipv4-addr:value = '10.0.0.1']",
                    Instant.EPOCH,
                    null,
                    true),
                IndicatorEntry.of("indicator--bad", "[ipv4-addr:value = ", Instant.EPOCH)));
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.errors())
        .extracting(IndexError::indicatorId)
        .containsExactly("indicator--bad");
    assertThat(index.match(ip(1, "10.0.0.1", 5))).isEmpty();
    assertThat(index.match(ip(2, "10.0.0.1", 10))).hasSize(1);
    assertThat(index.match(ip(3, "10.0.0.1", 19))).hasSize(1);
    assertThat(index.match(ip(4, "10.0.0.1", 20))).isEmpty();
  }

  @Test
  void reloadSwapsTheIndexWhileAnotherThreadMatches() throws Exception {
    LiveIndex live =
        new LiveIndex(
            PatternIndex.build(
                List.of(
                    IndicatorEntry.of(
                        "indicator--a", "[ipv4-addr:value = '10.0.0.1']", Instant.EPOCH))));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<String> seen = new ArrayList<>();
    Thread matcher =
        new Thread(
            () -> {
              try {
                while (!stop.get()) {
                  for (IndexMatch h : live.match(ip(1, "10.0.0.1", 0))) {
                    synchronized (seen) {
                      if (!seen.contains(h.indicatorId())) {
                        seen.add(h.indicatorId());
                      }
                    }
                  }
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    matcher.start();
    waitUntilSeen(seen, "indicator--a");
    for (int i = 0; i < 20; i++) {
      live.reload(
          List.of(
              IndicatorEntry.of(
                  "indicator--" + (i % 2 == 0 ? "b" : "a"),
                  "[ipv4-addr:value = '10.0.0.1']",
                  Instant.EPOCH)));
    }
    live.reload(
        List.of(
            IndicatorEntry.of("indicator--b", "[ipv4-addr:value = '10.0.0.1']", Instant.EPOCH)));
    waitUntilSeen(seen, "indicator--b");
    stop.set(true);
    matcher.join();
    assertThat(failure.get()).isNull();
    assertThat(live.match(ip(1, "10.0.0.1", 0)))
        .extracting(IndexMatch::indicatorId)
        .containsExactly("indicator--b");
    assertThat(seen).contains("indicator--a", "indicator--b");
  }

  private static void waitUntilSeen(List<String> seen, String id) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (seen) {
        if (seen.contains(id)) {
          return;
        }
      }
      Thread.sleep(1);
    }
  }
}
