package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.readiness.coverage.SummaryJson;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.declaration.DeclarationJson;
import dev.bulwark.readiness.stix.ForceDeclarationStix;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.support.ally.Allies;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The readiness part of the leak suite (issue 22): at every node the admin imports force
 * declarations of several nations (some releasable further), the node's author its own nation's,
 * and an attacker (a contributor of another nation) tries to declare for the node's nation. Every
 * unit name is a canary registered in the {@link Truth} with the markings the node puts on it
 * (TLP:AMBER, releasable to the declaring nation and whom the row names; origin the node), so the
 * suite's TAXII probes of {@code force-declarations} check them like any object. Here every
 * principal reads the readiness listing and summary: no canary it may not see, and its totals are
 * exactly the totals of what it may list (a total never reveals a unit it may not see). Thread-safe
 * after {@link #plant}.
 */
final class ReadinessLeaks {
  static final String AS_OF = "2026-06-30";
  private static final String HEADER =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from,releasable_to\n";

  private final World world;
  private final Truth truth;
  private final Verdicts verdicts;
  private final AtomicLong listed = new AtomicLong();

  ReadinessLeaks(World world, Truth truth, Verdicts verdicts) {
    this.world = world;
    this.truth = truth;
    this.verdicts = verdicts;
  }

  /** Imports the declarations at every node and registers each unit as a secret. */
  void plant(List<String> notes) {
    for (String node : World.NODES) {
      StringBuilder adminRows = new StringBuilder(HEADER);
      adminRows.append(row(node, node, "land", 4000, 7, "", "2025-01-01"));
      adminRows.append(row(node, "USA", "air", 1200, 3, "DEU", "2025-01-01"));
      adminRows.append(row(node, "POL", "land", 9000, 20, "", "2025-01-01"));
      adminRows.append(row(node, World.otherNode(node), "maritime", 300, 12, "NATO", "2025-01-01"));
      Who admin = world.who(node, "admin-" + node.toLowerCase());
      Api.Answer a = admin.api().post("/api/readiness/import", "text/csv", adminRows.toString());
      notes.add(admin + " imports 4 declarations: HTTP " + a.status());
      Who author = world.who(node, "author-" + node.toLowerCase());
      String own = HEADER + row(node, node, "air", 600, 2, "", "2026-01-01");
      notes.add(
          author
              + " declares for its nation: HTTP "
              + author.api().post("/api/readiness/import", "text/csv", own).status());
      Who mallory = world.who(node, "mallory-" + World.otherNode(node).toLowerCase());
      String forged = HEADER + row(null, node, "land", 99_000, 1, "", "2026-01-01");
      Api.Answer m = mallory.api().post("/api/readiness/import", "text/csv", forged);
      verdicts.check(
          m.status() == 403,
          Kind.TAMPER,
          "a contributor declares another nation's forces",
          mallory.toString(),
          "/api/readiness/import",
          "-",
          "answered " + m.status() + " instead of 403");
    }
  }

  /**
   * One row; registers its unit name as a canary when {@code node} stores it (null: a row that must
   * be refused, its canary registered as readable by nobody but the node's nation).
   */
  private String row(
      String node,
      String nation,
      String domain,
      int personnel,
      int ntm,
      String releasableTo,
      String validFrom) {
    String canary = Truth.canary();
    String unit = "Unit " + canary;
    String origin = node == null ? nation : node;
    Set<String> nations = new TreeSet<>();
    nations.add(nation);
    if (!releasableTo.isEmpty()) {
      nations.add(releasableTo);
    }
    StixObject marking =
        ReleasabilityMarking.markingDefinition(
            new Releasability(nations, Set.of()),
            ReleasabilityMarking.BULWARK_IDENTITY_ID,
            "2026-12-07T00:00:00.000Z");
    truth.add(
        new Truth.Secret(
            canary,
            "force declaration of " + nation + (node == null ? " (refused)" : " at " + node),
            ForceDeclarationStix.id(nation, unit),
            origin,
            origin,
            node == null
                ? List.of(Tlp.AMBER_STRICT.definition())
                : List.of(Tlp.AMBER.definition(), marking),
            List.of()));
    return String.join(
            ",",
            nation,
            unit,
            domain,
            "unit type",
            Integer.toString(personnel),
            Integer.toString(ntm),
            "north",
            "certified",
            "2",
            validFrom,
            releasableTo)
        + "\n";
  }

  /** One principal reads the listing and the summary of one node. */
  void probe(Probes probes, Who w) {
    String listPath = "/api/readiness/declarations?versions=all";
    Api.Answer list = w.api().get(listPath, "application/json");
    probes.scan(w, listPath, list);
    String sumPath = "/api/readiness/summary?as_of=" + AS_OF;
    Api.Answer sum = w.api().get(sumPath, "application/json");
    probes.scan(w, sumPath, sum);
    if (list.status() != 200 || sum.status() != 200) {
      verdicts.check(
          list.status() == sum.status(),
          Kind.ORACLE,
          "readiness listing and summary answer alike",
          w.toString(),
          sumPath,
          "-",
          "listing " + list.status() + ", summary " + sum.status());
      return;
    }
    DeclarationCsv csv = new DeclarationCsv(Allies.nato());
    List<Declaration> listed = new ArrayList<>();
    JsonNode all = Corpus.JSON.readTree(list.body());
    for (int i = 0; i < all.size(); i++) {
      listed.add(csv.parse(i + 1, DeclarationJson.columns(all.get(i))).declaration());
    }
    this.listed.addAndGet(listed.size());
    String expected =
        SummaryJson.write(ReadinessCalculator.nato().summary(listed, LocalDate.parse(AS_OF)))
            .toString();
    verdicts.check(
        expected.equals(Corpus.JSON.readTree(sum.body()).toString()),
        Kind.ORACLE,
        "a reader's readiness totals are the totals of what it may list",
        w.toString(),
        sumPath,
        "-",
        "the summary differs from the one over the " + listed.size() + " listed versions");
  }

  /** How many declaration versions the listings showed in all (the probes are not vacuous). */
  long listed() {
    return listed.get();
  }

  /** The public reads nothing of readiness. */
  void anonymous(String node) {
    for (String path :
        List.of("/api/readiness/summary", "/api/readiness/declarations?versions=all")) {
      Api.Answer a = Api.anonymous(world.port(node)).get(path, "application/json");
      verdicts.check(
          a.status() == 401,
          Kind.LEAK,
          "readiness needs credentials",
          "anonymous",
          path,
          "-",
          "answered " + a.status());
    }
  }
}
