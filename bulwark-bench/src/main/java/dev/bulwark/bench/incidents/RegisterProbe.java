package dev.bulwark.bench.incidents;

import com.sun.management.OperatingSystemMXBean;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.campaign.CampaignSuggester;
import dev.bulwark.incidents.campaign.Suggestion;
import dev.bulwark.incidents.campaign.SyntheticRegister;
import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.incidents.migration.Surge;
import dev.bulwark.incidents.migration.SurgeDetector;
import dev.bulwark.incidents.migration.SyntheticCrossings;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs campaign suggestion over a synthetic register and surge detection over synthetic crossing
 * counts several times and prints wall and process CPU time per round (which says more than wall
 * time on a shared machine). Usage: {@code RegisterProbe [incidents] [points] [years] [rounds]}.
 * Not thread-safe.
 */
public final class RegisterProbe {
  private RegisterProbe() {}

  /** {@code points} crossing points over {@code years} years, a quarter of them surging once. */
  static List<CrossingCount> crossings(int points, int years) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      names.add("point-" + i);
    }
    LocalDate to = LocalDate.parse("2025-12-31");
    return SyntheticCrossings.series(
        names,
        names.subList(0, points / 4),
        to.minusYears(years).plusDays(1),
        to,
        LocalDate.parse("2023-11-10"),
        20,
        42);
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int points = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int years = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Incident> register = SyntheticRegister.incidents(n, 42);
    List<CrossingCount> counts = crossings(points, years);
    System.out.printf(
        "%d incidents; %d count rows (%d points x %d years)%n", n, counts.size(), points, years);
    for (int i = 0; i < rounds; i++) {
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      List<Suggestion> s = new CampaignSuggester().suggest(register);
      long wall1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      List<Surge> surges = new SurgeDetector().detect(counts);
      System.out.printf(
          "round %d: campaign suggest %d suggestions wall %d ms CPU %d ms; surges %d wall %d ms CPU %d ms%n",
          i + 1,
          s.size(),
          (wall1 - wall) / 1_000_000,
          (cpu1 - cpu) / 1_000_000,
          surges.size(),
          (System.nanoTime() - wall1) / 1_000_000,
          (os.getProcessCpuTime() - cpu1) / 1_000_000);
    }
  }
}
