package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.cli.BulwarkMain;
import dev.bulwark.node.federation.NodeProcess;
import dev.bulwark.node.misp.MispFixtures.Org;
import dev.bulwark.node.misp.MispFixtures.Spec;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two node processes: EST holds MISP events of every distribution (imported with {@code bulwark
 * misp import}); FIN pulls EST's {@code /misp/feeds/misp/} as a {@code misp-feed} peer, with the
 * token EST issued to FIN's node. FIN ends with exactly the events FIN may read (community and
 * all), under their original MISP uuids, of origin EST, and not one value, uuid or sharing-group
 * member of the events it may not read (EST's own, the group of Latvia's organisation).
 */
class MispFeedIT {
  static final Org EST = Org.named("CERT-EE");
  static final Org LVA = Org.named("CERT.LV");
  static final Org FI = Org.named("NCSC-FI");
  static final Org DE = Org.named("BSI");
  static final long T0 = 1_765_000_000L;

  private final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  @Test
  void aNodePullsAnothersMispFeedAndNothingBeyondItsNationCrosses() throws Exception {
    Path root = TempDirs.create("bulwark-misp-feed-");
    NodeProcess est = new NodeProcess("EST", root.resolve("EST"), NodeProcess.freePort());
    NodeProcess fin = new NodeProcess("FIN", root.resolve("FIN"), NodeProcess.freePort());
    nodes.add(est);
    nodes.add(fin);
    String orgs =
        "bulwark.misp.org-nations="
            + EST.name()
            + "=EST;"
            + LVA.uuid()
            + "=LVA;"
            + FI.uuid()
            + "=FIN;"
            + DE.uuid()
            + "=DEU\n";
    Files.createDirectories(est.home);
    Files.writeString(
        est.home.resolve("bulwark.properties"),
        "bulwark.nation=EST\nbulwark.misp.link-nations=FIN\n" + orgs);
    Files.createDirectories(fin.home);
    Files.writeString(fin.home.resolve("bulwark.properties"), "bulwark.nation=FIN\n" + orgs);

    Spec own = new Spec("own", EST, 0, List.of(), "amber", 4, T0);
    Spec community = new Spec("community", EST, 1, List.of(), "green", 4, T0);
    Spec group = new Spec("group", EST, 4, List.of(LVA), "amber", 4, T0);
    Spec all = new Spec("all", EST, 3, List.of(), "green", 4, T0);
    Path events = root.resolve("events.json");
    // EST's administrator imported events of other nations' organisations (trusted locally); as
    // FIN's peer, EST is trusted for EST's events only: FIN's own and DEU's are refused there
    Spec forgedOwn = new Spec("forged-fin", FI, 3, List.of(), "green", 4, T0);
    Spec forgedThird = new Spec("forged-deu", DE, 3, List.of(), "green", 4, T0);
    Files.writeString(
        events,
        MispFixtures.collection(List.of(own, community, group, all, forgedOwn, forgedThird)));
    System.setProperty("bulwark.home", est.home.toString());
    try {
      assertThat(BulwarkMain.execute("misp", "import", events.toString(), "--collection", "misp"))
          .isIn(0, 1);
    } finally {
      System.clearProperty("bulwark.home");
    }
    String token;
    try (HikariDataSource ds = open(est)) {
      token =
          new PrincipalStore(ds, Clock.systemUTC())
              .add("node-fin", "FIN", Set.of(Role.PEER), Optional.empty(), 0, Optional.empty())
              .token();
    }
    try (HikariDataSource ds = open(fin)) {
      new MispPeerStore(ds)
          .put(
              new MispPeer(
                  "est",
                  MispPeer.Type.FEED,
                  "EST",
                  URI.create("http://127.0.0.1:" + est.port + "/misp/feeds/misp/"),
                  token,
                  "from-est",
                  "",
                  Duration.ofMillis(500)));
    }
    est.start();
    fin.start();
    est.awaitUp(Duration.ofMinutes(3));
    fin.awaitUp(Duration.ofMinutes(3));

    Set<String> expected = Set.of(MispFixtures.eventUuid(community), MispFixtures.eventUuid(all));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Set<String> held = Set.of();
    while (System.nanoTime() < deadline) {
      try (HikariDataSource ds = open(fin)) {
        held = new MispStore(ds).held("from-est").keySet();
      }
      if (held.containsAll(expected)) {
        break;
      }
      Thread.sleep(500);
    }
    Thread.sleep(2_000); // a further pull finds nothing new
    fin.stop();
    est.stop();

    List<StoredObject> objects;
    Set<String> refused;
    try (HikariDataSource ds = open(fin)) {
      held = new MispStore(ds).held("from-est").keySet();
      refused =
          new MispRefusals(ds)
              .of("from-est").stream()
                  .map(MispRefusals.Refusal::eventUuid)
                  .collect(Collectors.toSet());
      objects =
          new ObjectStore(ds, Clock.systemUTC())
              .page(ObjectQuery.all("from-est", 10_000), ReadFilter.SYSTEM)
              .items();
    }
    assertThat(held).as(fin.log()).isEqualTo(expected);
    assertThat(refused)
        .as("the forged origins are refused, by uuid")
        .containsExactlyInAnyOrder(
            MispFixtures.eventUuid(forgedOwn), MispFixtures.eventUuid(forgedThird));
    StringBuilder text = new StringBuilder();
    objects.forEach(o -> text.append(o.json()).append('\n'));
    for (Spec readable : List.of(community, all)) {
      for (int i = 0; i < readable.attributes(); i++) {
        assertThat(text).contains(MispFixtures.canary(readable, i));
      }
    }
    for (Spec hidden : List.of(own, group, forgedOwn, forgedThird)) {
      assertThat(text.toString()).doesNotContain(MispFixtures.eventUuid(hidden));
      for (int i = 0; i < hidden.attributes(); i++) {
        assertThat(text.toString()).doesNotContain(MispFixtures.canary(hidden, i));
      }
    }
    assertThat(text.toString()).doesNotContain(LVA.uuid()).doesNotContain(LVA.name());
    assertThat(objects).allSatisfy(o -> assertThat(o.originNation()).isEqualTo("EST"));
    assertThat(objects).allSatisfy(o -> assertThat(o.addedBy()).isEqualTo("misp:est"));
  }

  private static HikariDataSource open(NodeProcess n) {
    return NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1);
  }
}
