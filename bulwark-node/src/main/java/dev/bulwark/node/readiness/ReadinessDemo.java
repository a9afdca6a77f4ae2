package dev.bulwark.node.readiness;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Declaration.SubRatings;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.declaration.Domain;
import dev.bulwark.readiness.declaration.Status;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.validation.StixValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * The readiness part of {@code bulwark demo}: a SYNTHETIC set of force declarations for every ally
 * (every unit is named {@code SYNTHETIC …}; none is real), three yearly versions each from 2024 to
 * 2026, so that the console's Readiness page has a curve, coverage, fair shares and a trend. Each
 * ally declares at most about a sixth of its active armed forces ({@code
 * classpath:demo/readiness/active_forces.csv}, IISS Military Balance 2024; see its SOURCES.md), so
 * no nation declares more than it has. Fixed seed: every demo shows the same. Stateless.
 */
public final class ReadinessDemo {
  static final String ACTIVE_FORCES = "/demo/readiness/active_forces.csv";
  private static final List<LocalDate> VERSIONS =
      List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
  private static final double SHARE = 0.16;
  private static final double GROWTH = 1.12;

  private ReadinessDemo() {}

  /**
   * Stores the synthetic declarations in the node's store as {@code nation}; one line of report.
   */
  public static List<String> load(ObjectStore store, String nation) {
    DeclarationStore declarations =
        new DeclarationStore(
            store,
            new AccessPolicy(store),
            new StixValidator(),
            nation,
            Set.of(),
            Clock.systemUTC());
    List<DeclarationCsv.Row> rows = new ArrayList<>();
    int line = 1;
    for (Declaration d : declarations(activeForces())) {
      rows.add(new DeclarationCsv.Row(++line, d, Set.of("NATO")));
    }
    if (!declarations.visibleTo(Reader.of(nation)).isEmpty()) {
      return List.of("  readiness: declarations already held, nothing added");
    }
    declarations.store(rows, "bulwark-demo");
    return List.of(
        "  readiness: "
            + rows.size()
            + " SYNTHETIC force declarations (versions 2024-2026) in "
            + DeclarationStore.COLLECTION);
  }

  /** Each ally's active armed forces, by ISO3 code. */
  static Map<String, Integer> activeForces() {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (InputStream in = ReadinessDemo.class.getResourceAsStream(ACTIVE_FORCES)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ACTIVE_FORCES);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        String[] f = l.split(",");
        out.put(f[0], Integer.parseInt(f[1].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The synthetic declarations: every version of every unit, oldest first. */
  static List<Declaration> declarations(Map<String, Integer> active) {
    Random random = new Random(22);
    List<Declaration> out = new ArrayList<>();
    for (int v = 0; v < VERSIONS.size(); v++) {
      Random units = new Random(22);
      for (Map.Entry<String, Integer> e : active.entrySet()) {
        long budget = Math.round(e.getValue() * SHARE * Math.pow(GROWTH, v - 2.0));
        int n = 0;
        while (budget >= 150) {
          Domain domain = domain(units.nextInt(100));
          int cap = domain == Domain.CYBER || domain == Domain.SPACE ? 300 : 4500;
          int size =
              (int) Math.min(budget, 150 + units.nextInt(Math.max(1, (int) Math.min(cap, budget))));
          out.add(unit(e.getKey(), ++n, domain, size, units, random, VERSIONS.get(v)));
          budget -= size;
        }
      }
    }
    return out;
  }

  /** Land 60 %, air and maritime 15 % each, special operations 5 %, cyber 3 %, space 2 %. */
  private static Domain domain(int percentile) {
    if (percentile < 60) {
      return Domain.LAND;
    }
    if (percentile < 75) {
      return Domain.AIR;
    }
    if (percentile < 90) {
      return Domain.MARITIME;
    }
    if (percentile < 95) {
      return Domain.SPECIAL_OPERATIONS;
    }
    return percentile < 98 ? Domain.CYBER : Domain.SPACE;
  }

  private static Declaration unit(
      String nation,
      int n,
      Domain domain,
      int size,
      Random units,
      Random random,
      LocalDate validFrom) {
    int ntm = new int[] {2, 5, 10, 15, 25, 30, 45, 60, 90, 120, 180, 240}[units.nextInt(12)];
    String plan =
        new String[] {"north", "centre", "south"}[Math.floorMod(nation.hashCode() + n, 3)];
    int c = 1 + random.nextInt(4);
    Status status = Status.values()[random.nextInt(Status.values().length)];
    return new Declaration(
        nation,
        "SYNTHETIC " + domain.code() + " unit " + n + " (" + nation + ")",
        domain,
        "synthetic " + domain.code() + " formation",
        size,
        Map.of(),
        ntm,
        OptionalInt.empty(),
        plan,
        status,
        c,
        new SubRatings(
            OptionalInt.of(c), OptionalInt.of(Math.min(5, c + random.nextInt(2))),
            OptionalInt.of(c), OptionalInt.of(Math.max(1, c - random.nextInt(2)))),
        validFrom);
  }
}
