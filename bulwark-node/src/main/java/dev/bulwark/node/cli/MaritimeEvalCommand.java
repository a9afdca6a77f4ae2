package dev.bulwark.node.cli;

import dev.bulwark.maritime.eval.Evaluation;
import dev.bulwark.maritime.eval.LongTracks;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark maritime eval [--infra FILE]}: replays the scenarios mixed into the real captures
 * shipped with Bulwark and prints, per detector, detections, minutes from onset to alert and alerts
 * per 1,000 vessel-hours of real traffic. Exit 0 when every scenario was alerted within 10 minutes
 * and no high alert fell on real traffic, 1 otherwise, 2 unreadable layer. Not thread-safe.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate the detectors: scenarios mixed into real captures (Danish 5-min network capture, "
            + "Kattegat drifter, Solent 84-min CSV).",
    footer =
        "Exit status: 0 pass, 1 a scenario missed or a high alert on real traffic, 2 unreadable layer.")
final class MaritimeEvalCommand implements Callable<Integer> {

  @Option(
      names = "--infra",
      paramLabel = "FILE",
      description =
          "GeoJSON layer (default: the shipped schematic Baltic layer; "
              + "the scenarios need its Estlink 2, BCS, C-Lion1 and Balticconnector).")
  Path infra;

  @Override
  public Integer call() {
    InfrastructureLayer layer;
    try {
      layer = MaritimeInfra.load(infra, System.err);
    } catch (MaritimeInfra.Failure f) {
      System.err.println(f.getMessage());
      return f.exitCode;
    }
    long t = System.nanoTime();
    Evaluation.Result r;
    try {
      r = Evaluation.run(layer);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("cannot evaluate on this layer: " + e.getMessage());
      return 1;
    }
    System.out.print(Evaluation.format(r));
    System.out.print(LongTracks.format(LongTracks.run(layer)));
    System.err.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t) / 1e9);
    return r.passed() ? 0 : 1;
  }
}
