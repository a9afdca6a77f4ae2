package dev.bulwark.node.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.bulwark.node.architecture.BoundaryRules.KnownViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main code of every module keeps the boundaries of DESIGN.md ({@link BoundaryRules}). The node
 * has every library on its class path, so this one test sees them all; that each rule fails on a
 * violation is shown in {@link BoundaryRulesCatchViolationsTest}.
 */
class BoundaryTest {
  static final String NODE = BoundaryRules.ROOT + ".node";
  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BoundaryRules.ROOT);
  }

  @Test
  void librariesNeverImportSpringJdbcOrHttp() {
    assertThatCode(
            () ->
                BoundaryRules.librariesNeverImportSpringJdbcOrHttp(BoundaryRules.ROOT).check(main))
        .doesNotThrowAnyException();
  }

  @Test
  void moduleDependenciesPointOneWay() {
    assertThatCode(
            () -> BoundaryRules.moduleDependenciesPointOneWay(BoundaryRules.ROOT).check(main))
        .doesNotThrowAnyException();
  }

  @Test
  void nodeFeaturesUseOnlyTheirAllowedNeighbours() {
    assertThatCode(
            () ->
                BoundaryRules.nodeFeaturesUseOnlyTheirAllowedNeighbours(
                        NODE, BoundaryRules.KNOWN_VIOLATIONS)
                    .check(main))
        .doesNotThrowAnyException();
  }

  @Test
  void nodeFeaturesAreFreeOfCycles() {
    assertThatCode(
            () ->
                BoundaryRules.nodeFeaturesAreFreeOfCycles(NODE, BoundaryRules.KNOWN_VIOLATIONS)
                    .check(main))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheNodeApplicationStartsSpring() {
    assertThatCode(() -> BoundaryRules.onlyTheNodeApplicationStartsSpring(NODE).check(main))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyServeAndDemoBootTheNode() {
    assertThatCode(() -> BoundaryRules.onlyServeAndDemoBootTheNode(NODE).check(main))
        .doesNotThrowAnyException();
  }

  /**
   * A listed exception whose dependency is gone must leave the list, so that the list only shrinks.
   * An entry whose class no longer exists (moved or split) can match nothing and is only reported.
   */
  @Test
  void everyKnownViolationIsStillThere() {
    for (KnownViolation k : BoundaryRules.KNOWN_VIOLATIONS) {
      if (!main.contain(k.origin()) || !main.contain(k.target())) {
        System.out.printf(
            "BoundaryRules.KNOWN_VIOLATIONS: %s -> %s names a class that is gone; remove it%n",
            k.origin(), k.target());
        continue;
      }
      boolean present =
          main.get(k.origin()).getDirectDependenciesFromSelf().stream()
              .map(d -> d.getTargetClass().getBaseComponentType())
              .map(JavaClass::getName)
              .anyMatch(k.target()::equals);
      assertThat(present)
          .as(
              "%s no longer uses %s: remove it from BoundaryRules.KNOWN_VIOLATIONS",
              k.origin(), k.target())
          .isTrue();
    }
  }
}
