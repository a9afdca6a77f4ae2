package dev.bulwark.node.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.Summary;
import dev.bulwark.readiness.coverage.Versions;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.support.ally.Allies;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic demo set: labelled synthetic, plausible (no ally ever declares more than its active
 * armed forces), covering every ally with forces, and stored once.
 */
class ReadinessDemoTest {
  @TempDir Path home;

  @Test
  void noAllyDeclaresMoreThanItsActiveForcesOnAnyDate() {
    Map<String, Integer> active = ReadinessDemo.activeForces();
    assertThat(active.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Allies.nato().all().stream().map(a -> a.iso3()).toList());
    List<Declaration> all = ReadinessDemo.declarations(active);
    assertThat(all).allSatisfy(d -> assertThat(d.unit()).startsWith("SYNTHETIC "));
    for (LocalDate day = LocalDate.of(2023, 6, 1);
        day.isBefore(LocalDate.of(2027, 1, 1));
        day = day.plusMonths(3)) {
      Map<String, Long> declared = new HashMap<>();
      for (Declaration d : Versions.validOn(all, day)) {
        declared.merge(d.nation(), (long) d.personnel(), Long::sum);
      }
      for (Map.Entry<String, Long> e : declared.entrySet()) {
        assertThat(e.getValue())
            .as(e.getKey() + " on " + day)
            .isLessThanOrEqualTo(active.get(e.getKey()));
      }
    }
    Summary s = ReadinessCalculator.nato().summary(all, LocalDate.of(2026, 6, 30));
    assertThat(s.tiers().get(0).declared()).isPositive();
    assertThat(s.tiers().get(2).declared()).isPositive();
    assertThat(s.tiers().get(0).ready()).isLessThan(s.tiers().get(0).declared());
    assertThat(s.coverage()).hasSizeGreaterThan(5);
  }

  @Test
  void loadsOnceIntoTheStore() {
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      List<String> first = ReadinessDemo.load(store, "EST");
      assertThat(first.get(0)).contains("SYNTHETIC");
      List<String> second = ReadinessDemo.load(store, "EST");
      assertThat(second.get(0)).contains("already held");
      DeclarationStore declarations =
          new DeclarationStore(
              store,
              new AccessPolicy(store),
              new StixValidator(),
              "EST",
              Set.of(),
              Clock.systemUTC());
      assertThat(declarations.visibleTo(Reader.of("EST")))
          .hasSize(ReadinessDemo.declarations(ReadinessDemo.activeForces()).size());
      assertThat(declarations.visibleTo(Reader.of("LVA")))
          .as("the demo's units are releasable to NATO")
          .isNotEmpty();
    }
  }
}
