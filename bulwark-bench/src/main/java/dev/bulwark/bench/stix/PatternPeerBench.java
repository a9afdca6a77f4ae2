package dev.bulwark.bench.stix;

import dev.bulwark.stix.pattern.Observation;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.Observations;
import dev.bulwark.stix.pattern.PatternEvaluationException;
import dev.bulwark.stix.pattern.PatternException;
import dev.bulwark.stix.pattern.PatternParser;
import dev.bulwark.stix.pattern.StixPattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bulwark side of the side-by-side with the reference matcher ({@code
 * bulwark-bench/pattern-peer/bench.sh}) on the same generated cases. What is timed matches the
 * reference's {@code match(pattern, observed_data)} call: each case's observations are loaded
 * beforehand in this side's native form (a {@code List<Observation>}, as the reference gets its
 * bundle as already-parsed Python dicts), and a case is parse + compile the pattern + evaluate it
 * against them. No parse result is kept from one case to the next. Also printed, untimed by the
 * script's ratio: each phase alone (parse; parse + compile; evaluate a precompiled pattern) and the
 * old measure that also read the bundle's JSON tree into {@code Observation}s per case. Rates per
 * CPU-second of this thread. Run: {@code java -cp ... dev.bulwark.bench.stix.PatternPeerBench
 * differential-cases.json [rounds]}.
 */
public final class PatternPeerBench {

  /** CPU time per round, so that a round's figure is not noise from one scheduler slice. */
  private static final long ROUND_NANOS = 1_000_000_000L;

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private static long sink;

  private PatternPeerBench() {}

  /** One unit of timed work: case i. */
  private interface Work {
    int run(int i);
  }

  public static void main(String[] args) throws Exception {
    JsonNode cases =
        JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0]))).get("cases");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> patterns = new ArrayList<>();
    List<JsonNode> bundles = new ArrayList<>();
    cases.forEach(
        c -> {
          patterns.add(c.get("pattern").stringValue());
          bundles.add(c.get("observations"));
        });
    int n = patterns.size();
    List<List<Observation>> observations = new ArrayList<>();
    int unreadable = 0;
    for (JsonNode b : bundles) {
      try {
        observations.add(Observations.fromJson(b));
      } catch (PatternEvaluationException e) {
        observations.add(null); // the reference raises inside match(): an error verdict
        unreadable++;
      }
    }
    System.out.printf("%,d cases, %,d bundles not readable as observations%n", n, unreadable);
    for (int r = 1; r <= rounds; r++) {
      report(r, "compile+evaluate", n, i -> verdict(patterns.get(i), observations.get(i)));
    }
    report(0, "phase parse only", n, i -> parseOnly(patterns.get(i)));
    report(0, "phase parse+compile", n, i -> compileOnly(patterns.get(i)));
    report(
        0,
        "old measure: parse+read bundle+evaluate",
        n,
        i -> verdictReading(patterns.get(i), bundles.get(i)));
    List<StixPattern> compiled = new ArrayList<>();
    List<List<Observation>> valid = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        StixPattern p = StixPattern.compile(patterns.get(i));
        if (observations.get(i) != null) {
          compiled.add(p);
          valid.add(observations.get(i));
        }
      } catch (PatternException e) {
        // invalid patterns are left out of the precompiled pass, as on the reference's side
      }
    }
    System.out.printf("%,d valid cases%n", compiled.size());
    for (int r = 1; r <= rounds; r++) {
      report(
          r, "precompiled evaluate", compiled.size(), i -> evaluate(compiled.get(i), valid.get(i)));
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** Runs whole passes over the cases until a round's CPU time is used, then prints the rate. */
  private static void report(int round, String what, int n, Work work) {
    long c0 = MX.getCurrentThreadCpuTime();
    long done = 0;
    long cpu;
    do {
      for (int i = 0; i < n; i++) {
        sink += work.run(i);
      }
      done += n;
      cpu = MX.getCurrentThreadCpuTime() - c0;
    } while (cpu < ROUND_NANOS);
    String label = round > 0 ? "round " + round + ": " + what : what;
    System.out.printf("%s %,.0f cases/CPU-s%n", label, done * 1e9 / cpu);
  }

  private static int verdict(String pattern, List<Observation> observations) {
    try {
      StixPattern p = StixPattern.compile(pattern);
      if (observations == null) {
        return 2;
      }
      return p.matches(observations) ? 1 : 0;
    } catch (PatternException | PatternEvaluationException e) {
      return 2;
    }
  }

  private static int evaluate(StixPattern p, List<Observation> observations) {
    try {
      return p.matches(observations) ? 1 : 0;
    } catch (PatternEvaluationException e) {
      return 2;
    }
  }

  private static int parseOnly(String pattern) {
    try {
      return PatternParser.parse(pattern) instanceof Simple ? 1 : 0;
    } catch (PatternException e) {
      return 2;
    }
  }

  private static int compileOnly(String pattern) {
    try {
      return StixPattern.compile(pattern).singleObservation() ? 1 : 0;
    } catch (PatternException e) {
      return 2;
    }
  }

  private static int verdictReading(String pattern, JsonNode bundle) {
    try {
      return StixPattern.compile(pattern).matches(Observations.fromJson(bundle)) ? 1 : 0;
    } catch (PatternException | PatternEvaluationException e) {
      return 2;
    }
  }
}
