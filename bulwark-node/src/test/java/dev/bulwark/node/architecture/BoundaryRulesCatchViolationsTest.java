package dev.bulwark.node.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.bulwark.node.BulwarkNodeApplication;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * Each rule of {@link BoundaryRules} fails on a deliberate violation (the {@code fixture} package,
 * a miniature of the layout), so a rule that checks nothing would be noticed.
 */
class BoundaryRulesCatchViolationsTest {
  static final String FIXTURE = "dev.bulwark.node.architecture.fixture";
  static JavaClasses fixture;

  @BeforeAll
  static void importFixture() {
    fixture = new ClassFileImporter().importPackages(FIXTURE);
  }

  @Test
  void aLibraryImportingJdbcFails() {
    assertFails(
        BoundaryRules.librariesNeverImportSpringJdbcOrHttp(FIXTURE),
        "Libraries (stix, ais, maritime, support, incidents) never import Spring, JDBC or HTTP",
        "JdbcInStix.connection> has type <" + Connection.class.getName() + ">");
  }

  @Test
  void aLibraryReachingUpFails() {
    assertFails(
        BoundaryRules.moduleDependenciesPointOneWay(FIXTURE),
        "Module dependencies point one way",
        "AisUsesMaritime.track> has type <" + FIXTURE + ".maritime.MaritimeTrack>",
        "SupportUsesNode.shelf> has type <" + FIXTURE + ".node.store.Shelf>");
  }

  @Test
  void aFeatureReachingIntoAnotherFails() {
    assertFails(
        BoundaryRules.nodeFeaturesUseOnlyTheirAllowedNeighbours(FIXTURE + ".node", List.of()),
        "feature taxii.server may use only",
        "not maritime",
        "feature store may use only [] , not cli".replace(" ,", ","),
        "package " + FIXTURE + ".node.unlisted is no feature of BoundaryRules.FEATURES");
  }

  @Test
  void aKnownViolationIsLetThroughOneByOne() {
    var known =
        List.of(
            new BoundaryRules.KnownViolation(
                FIXTURE + ".node.taxii.server.ServerReachesMaritime",
                FIXTURE + ".node.maritime.Watch",
                "test"));
    assertThatThrownBy(
            () ->
                BoundaryRules.nodeFeaturesUseOnlyTheirAllowedNeighbours(FIXTURE + ".node", known)
                    .check(fixture))
        .hasMessageNotContaining("ServerReachesMaritime.watch")
        .hasMessageContaining("not taxii.server");
  }

  @Test
  void aCycleBetweenFeaturesFails() {
    assertFails(
        BoundaryRules.nodeFeaturesAreFreeOfCycles(FIXTURE + ".node", List.of()),
        "Node features depend on each other without cycles",
        "Cycle detected");
  }

  @Test
  void startingSpringOutsideTheApplicationFails() {
    assertFails(
        BoundaryRules.onlyTheNodeApplicationStartsSpring(BoundaryTest.NODE),
        "No class but BulwarkNodeApplication starts Spring",
        "StartsSpring.start()> calls method <" + SpringApplication.class.getName() + ".run");
  }

  @Test
  void bootingTheNodeOutsideServeAndDemoFails() {
    assertFails(
        BoundaryRules.onlyServeAndDemoBootTheNode(BoundaryTest.NODE),
        "Only the serve and demo commands boot the node",
        "BootsNode.boot()> calls method <" + BulwarkNodeApplication.class.getName() + ".start");
  }

  private static void assertFails(ArchRule rule, String... messageParts) {
    assertThatThrownBy(() -> rule.check(fixture))
        .isInstanceOf(AssertionError.class)
        .satisfies(e -> System.out.println(e.getMessage()))
        .hasMessageContainingAll(messageParts);
  }
}
