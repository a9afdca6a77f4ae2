package dev.bulwark.bench.stix;

import dev.bulwark.stix.pattern.Observation;
import dev.bulwark.stix.pattern.Observations;
import dev.bulwark.stix.pattern.PatternEvaluationException;
import dev.bulwark.stix.pattern.PatternException;
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
 * bulwark-bench/pattern-peer/bench.sh}): the same generated cases, each evaluated as the
 * reference's {@code match()} does (parse the pattern, read the already-parsed observations bundle,
 * evaluate), and again with patterns compiled and observations read once. Rates per CPU-second of
 * this thread. Run: {@code java -cp ... dev.bulwark.bench.stix.PatternPeerBench
 * differential-cases.json [rounds]}.
 */
public final class PatternPeerBench {

  private PatternPeerBench() {}

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
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = 1; r <= rounds; r++) {
      int passes = 20;
      long c0 = mx.getCurrentThreadCpuTime();
      for (int p = 0; p < passes; p++) {
        for (int i = 0; i < patterns.size(); i++) {
          sink += verdict(patterns.get(i), bundles.get(i));
        }
      }
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      System.out.printf(
          "round %d: compile+evaluate %,.0f cases/CPU-s%n",
          r, passes * patterns.size() * 1e9 / cpu);
    }
    List<StixPattern> compiled = new ArrayList<>();
    List<List<Observation>> observations = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      try {
        compiled.add(StixPattern.compile(patterns.get(i)));
        observations.add(Observations.fromJson(bundles.get(i)));
      } catch (PatternException | PatternEvaluationException e) {
        // invalid cases are left out of the precompiled pass
      }
    }
    for (int r = 1; r <= rounds; r++) {
      int passes = 50;
      long c0 = mx.getCurrentThreadCpuTime();
      for (int p = 0; p < passes; p++) {
        for (int i = 0; i < compiled.size(); i++) {
          try {
            sink += compiled.get(i).matches(observations.get(i)) ? 1 : 0;
          } catch (PatternEvaluationException e) {
            sink += 2;
          }
        }
      }
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      System.out.printf(
          "round %d: precompiled evaluate %,.0f cases/CPU-s (%,d valid cases)%n",
          r, passes * compiled.size() * 1e9 / cpu, compiled.size());
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static int verdict(String pattern, JsonNode bundle) {
    try {
      return StixPattern.compile(pattern).matches(Observations.fromJson(bundle)) ? 1 : 0;
    } catch (PatternException | PatternEvaluationException e) {
      return 2;
    }
  }
}
