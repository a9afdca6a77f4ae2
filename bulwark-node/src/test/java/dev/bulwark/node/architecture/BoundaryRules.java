package dev.bulwark.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boundaries of {@code DESIGN.md}, checked by the build in {@link BoundaryTest}: the libraries
 * stay plain Java, module dependencies point one way, node features use only the features the
 * design allows them, and only {@code bulwark serve} and {@code bulwark demo} start Spring.
 *
 * <p>Each rule is made from a root package so that {@link BoundaryRulesCatchViolationsTest} can
 * apply the very same rule to a miniature of the layout with one violation in each place (the
 * {@code fixture} package), and show that it fails. The rules are written by package, never by
 * class name (except the two commands that boot the node), so that splitting or adding classes
 * inside a feature does not touch them. Stateless.
 */
final class BoundaryRules {
  private BoundaryRules() {}

  /** The root of the modules' packages: {@code dev.bulwark.stix}, {@code dev.bulwark.node}, ... */
  static final String ROOT = "dev.bulwark";

  /** The packages a library may never depend on: Spring, JDBC, HTTP clients and servers. */
  static final List<String> SERVER_PACKAGES =
      List.of(
          "org.springframework..",
          "java.sql..",
          "javax.sql..",
          "java.net.http..",
          "jakarta.servlet..",
          "javax.servlet..",
          "com.sun.net.httpserver..",
          "org.apache.hc..",
          "org.apache.http..",
          "org.flywaydb..");

  /**
   * The node's features and, for each, the other features it may use. Everything a feature uses
   * from another goes through that feature's public types; this table says which features may be
   * reached at all. {@code cli} may use everything and nobody uses {@code cli}; {@code application}
   * is the root package ({@code BulwarkNodeApplication}). A new node package must be added here
   * with its allowed neighbours (the rule fails on a package that is not in the table).
   */
  static final Map<String, Set<String>> FEATURES =
      Map.ofEntries(
          Map.entry("application", Set.of()),
          Map.entry("store", Set.of()),
          Map.entry("audit", Set.of()),
          Map.entry("security", Set.of("store")),
          Map.entry("taxii.client", Set.of("store")),
          Map.entry("taxii.server", Set.of("store", "security", "audit")),
          Map.entry("federation", Set.of("taxii.client", "store", "security", "audit")),
          Map.entry("maritime", Set.of("store", "security", "audit")),
          Map.entry("support", Set.of("store", "security", "audit")),
          Map.entry("incidents", Set.of("store", "security", "audit")),
          Map.entry("cyber", Set.of("store", "security", "audit")),
          Map.entry("readiness", Set.of("store", "security", "audit")),
          Map.entry("misp", Set.of("store", "security", "audit", "taxii.server", "federation")),
          Map.entry("web", Set.of("store", "security")),
          Map.entry(
              "workbench", Set.of("store", "security", "audit", "taxii.server", "federation")),
          Map.entry("demo", Set.of("store", "security", "incidents", "readiness", "misp")),
          Map.entry(
              "cli",
              Set.of(
                  "application",
                  "store",
                  "audit",
                  "security",
                  "taxii.client",
                  "taxii.server",
                  "federation",
                  "maritime",
                  "support",
                  "incidents",
                  "cyber",
                  "readiness",
                  "misp",
                  "web",
                  "workbench",
                  "demo")));

  /**
   * A class-to-class dependency that breaks {@link #FEATURES} today and is to be removed: listed
   * one by one, with the reason, so that the rule does not hide any other.
   */
  record KnownViolation(String origin, String target, String why) {}

  /**
   * The feature edges against the design in the code today: none. Issue 15 found two (the TAXII
   * configuration reading support's node identity, maritime reading the TAXII properties) and moved
   * the node identities into the libraries and the node-owned list into security. {@link
   * BoundaryTest} fails when the dependency of one of them is gone, so that this list only shrinks.
   */
  static final List<KnownViolation> KNOWN_VIOLATIONS = List.of();

  /** Libraries never import Spring, JDBC or HTTP. */
  static ArchRule librariesNeverImportSpringJdbcOrHttp(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(libraryPackages(root))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVER_PACKAGES.toArray(String[]::new))
        .as("Libraries (stix, ais, maritime, support, incidents) never import Spring, JDBC or HTTP")
        .because(
            "the same codec or detector runs in the node, a batch CLI, a benchmark and a stream"
                + " job (DESIGN.md)");
  }

  /**
   * Module dependencies point one way: node → maritime → ais, maritime → stix, support → stix, node
   * → stix, node → support; no library depends on the node, stix and ais on no other module.
   */
  static ArchRule moduleDependenciesPointOneWay(String root) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("stix")
        .definedBy(root + ".stix..")
        .layer("ais")
        .definedBy(root + ".ais..")
        .layer("maritime")
        .definedBy(root + ".maritime..")
        .layer("support")
        .definedBy(root + ".support..")
        .layer("incidents")
        .definedBy(root + ".incidents..")
        .optionalLayer("cyber")
        .definedBy(root + ".cyber..")
        .layer("readiness")
        .definedBy(root + ".readiness..")
        .optionalLayer("misp")
        .definedBy(root + ".misp..")
        .layer("node")
        .definedBy(root + ".node..")
        .whereLayer("stix")
        .mayNotAccessAnyLayer()
        .whereLayer("ais")
        .mayNotAccessAnyLayer()
        .whereLayer("support")
        .mayOnlyAccessLayers("stix")
        .whereLayer("incidents")
        .mayOnlyAccessLayers("stix")
        .whereLayer("readiness")
        .mayOnlyAccessLayers("support", "stix")
        .whereLayer("maritime")
        .mayOnlyAccessLayers("ais", "stix")
        .whereLayer("cyber")
        .mayOnlyAccessLayers("stix")
        .whereLayer("misp")
        .mayOnlyAccessLayers("stix")
        .whereLayer("node")
        .mayNotBeAccessedByAnyLayer()
        .as(
            "Module dependencies point one way: node → maritime → ais, maritime → stix,"
                + " support → stix, incidents → stix, cyber → stix, readiness → support and stix,"
                + " misp → stix, node → stix, node → support, node → incidents, node → cyber, node → readiness,"
                + " and no library depends on the node");
  }

  /** Node features use only the features the design allows them ({@link #FEATURES}). */
  static ArchRule nodeFeaturesUseOnlyTheirAllowedNeighbours(
      String nodeRoot, List<KnownViolation> known) {
    return classes()
        .that()
        .resideInAPackage(nodeRoot + "..")
        .should(useOnlyAllowedFeatures(nodeRoot, known))
        .as(
            "Node features use only the features the design allows them"
                + " (BoundaryRules.FEATURES; nobody uses cli)");
  }

  /** Node features depend on each other without cycles. */
  static ArchRule nodeFeaturesAreFreeOfCycles(String nodeRoot, List<KnownViolation> known) {
    var rule =
        slices()
            .assignedFrom(features(nodeRoot))
            .should()
            .beFreeOfCycles()
            .as("Node features depend on each other without cycles");
    for (KnownViolation k : known) {
      rule = rule.ignoreDependency(k.origin(), k.target());
    }
    return rule;
  }

  /** Only BulwarkNodeApplication starts Spring. */
  static ArchRule onlyTheNodeApplicationStartsSpring(String nodeRoot) {
    String application = nodeRoot + ".BulwarkNodeApplication";
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(application)
        .should()
        .callMethodWhere(startsSpring())
        .orShould()
        .callConstructorWhere(startsSpring())
        .as("No class but BulwarkNodeApplication starts Spring")
        .because("only serve and demo boot the node; every other command runs on the libraries");
  }

  /** Only {@code bulwark serve} and {@code bulwark demo} boot the node. */
  static ArchRule onlyServeAndDemoBootTheNode(String nodeRoot) {
    String application = nodeRoot + ".BulwarkNodeApplication";
    // (the Kafka worker, `cyber worker`, runs on Kafka alone: it must not boot the node either)
    Set<String> commands = Set.of(nodeRoot + ".cli.ServeCommand", nodeRoot + ".cli.DemoCommand");
    return noClasses()
        .that(
            DescribedPredicate.describe(
                "are not ServeCommand or DemoCommand", c -> !commands.contains(topLevelName(c))))
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "BulwarkNodeApplication.start",
                call ->
                    call.getTargetOwner().getName().equals(application)
                        && call.getName().equals("start")))
        .as("Only the serve and demo commands boot the node")
        .because("the other commands answer in well under a second without Spring (DESIGN.md)");
  }

  /** The feature of a node package: the first package below the node root, taxii split in two. */
  static Optional<String> featureOf(String nodeRoot, String packageName) {
    if (packageName.equals(nodeRoot)) {
      return Optional.of("application");
    }
    if (!packageName.startsWith(nodeRoot + ".")) {
      return Optional.empty();
    }
    String rest = packageName.substring(nodeRoot.length() + 1);
    for (String twoLevel : List.of("taxii.server", "taxii.client")) {
      if (rest.equals(twoLevel) || rest.startsWith(twoLevel + ".")) {
        return Optional.of(twoLevel);
      }
    }
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  private static String[] libraryPackages(String root) {
    return new String[] {
      root + ".stix..",
      root + ".ais..",
      root + ".maritime..",
      root + ".support..",
      root + ".incidents..",
      root + ".cyber..",
      root + ".readiness..",
      root + ".misp.."
    };
  }

  private static DescribedPredicate<JavaAccess<?>> startsSpring() {
    return DescribedPredicate.describe(
        "SpringApplication.run, new SpringApplication or SpringApplicationBuilder",
        access -> {
          String owner = access.getTargetOwner().getName();
          return owner.equals("org.springframework.boot.builder.SpringApplicationBuilder")
              || owner.equals("org.springframework.boot.SpringApplication")
                  && (access.getName().equals("run") || access.getName().equals("<init>"));
        });
  }

  private static ArchCondition<JavaClass> useOnlyAllowedFeatures(
      String nodeRoot, List<KnownViolation> known) {
    return new ArchCondition<>("use only the features the design allows them") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = featureOf(nodeRoot, origin.getPackageName()).orElseThrow();
        Set<String> allowed = FEATURES.get(from);
        if (allowed == null) {
          events.add(
              SimpleConditionEvent.violated(
                  origin,
                  "package "
                      + origin.getPackageName()
                      + " is no feature of BoundaryRules.FEATURES: add it with the features it"
                      + " may use ("
                      + origin.getName()
                      + ")"));
          return;
        }
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          Optional<String> to = featureOf(nodeRoot, target.getPackageName());
          if (to.isEmpty() || to.get().equals(from) || allowed.contains(to.get())) {
            continue;
          }
          if (isKnown(known, origin, target)) {
            continue;
          }
          events.add(
              SimpleConditionEvent.violated(
                  d,
                  "feature "
                      + from
                      + " may use only "
                      + allowed
                      + ", not "
                      + to.get()
                      + ": "
                      + d.getDescription()));
        }
      }
    };
  }

  static boolean isKnown(List<KnownViolation> known, JavaClass origin, JavaClass target) {
    String o = topLevelName(origin);
    String t = topLevelName(target);
    return known.stream().anyMatch(k -> k.origin().equals(o) && k.target().equals(t));
  }

  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int dollar = name.indexOf('$');
    return dollar < 0 ? name : name.substring(0, dollar);
  }

  private static SliceAssignment features(String nodeRoot) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        return featureOf(nodeRoot, c.getPackageName())
            .map(SliceIdentifier::of)
            .orElse(SliceIdentifier.ignore());
      }

      @Override
      public String getDescription() {
        return "node features (the first package below " + nodeRoot + ", taxii split in two)";
      }
    };
  }
}
