package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.misp.MispFixtures.Org;
import dev.bulwark.node.misp.MispFixtures.Spec;
import dev.bulwark.node.misp.MispRefusals.Refusal;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.store.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacker is a MISP peer (here FIN's feed, served over real HTTP) writing whatever it likes in
 * an event's creator organisation, tags and distribution. This node (LVA) trusts it for events of
 * FIN and EST only. Refused, each event whole, counted on the cursor and recorded with its MISP
 * uuid, with nothing of it stored: an event forging an organisation of this node's own nation, one
 * of a nation the peer is not trusted for (DEU), a TLP:RED event, an EST event FIN itself may not
 * read (a sharing group without FIN), and a newer version of a held event under a wider
 * distribution (a version never widens). A narrower newer version is stored.
 */
class MispPeerTrustTest {
  static final Org FI = Org.named("NCSC-FI");
  static final Org EE = Org.named("CERT-EE");
  static final Org LV = Org.named("CERT.LV");
  static final Org DE = Org.named("BSI");
  static final long T0 = 1_765_000_000L;

  private HttpServer server;
  private HikariDataSource ds;
  private Path feed;
  private final List<String> served = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    ds = TestDatabases.freshH2();
    feed = TempDirs.create("bulwark-misp-trust-");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/feed/", this::file);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    ds.close();
  }

  private void file(HttpExchange x) throws IOException {
    String name = x.getRequestURI().getPath().substring("/feed/".length());
    Path f = feed.resolve(name);
    served.add(name);
    byte[] body = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
    x.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
    x.close();
  }

  private long pull(ObjectStore store) {
    MispPeer peer =
        new MispPeer(
            "cert-fi",
            MispPeer.Type.FEED,
            "FIN",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed/"),
            "",
            "misp-fi",
            "",
            Duration.ofSeconds(1),
            Set.of("EST"));
    AudienceSettings settings =
        MispLinkSettings.of(
            "LVA",
            "FIN,EST,LVA",
            FI.uuid() + "=FIN;" + EE.name() + "=EST;" + LV.name() + "=LVA;" + DE.uuid() + "=DEU");
    return new MispPull(
            peer,
            store,
            new MispStore(ds),
            new MispRefusals(ds),
            new CursorStore(ds),
            settings,
            new MispHttp())
        .run(MispFederation.nowMicros());
  }

  private List<StoredObject> held(ObjectStore store) {
    return store.page(ObjectQuery.all("misp-fi", 10_000), ReadFilter.SYSTEM).items();
  }

  @Test
  void aPeerBringsOnlyWhatItIsTrustedForAndAVersionNeverWidens() throws Exception {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    Spec fin = new Spec("fin", FI, 1, List.of(), "green", 3, T0);
    Spec est = new Spec("est", EE, 1, List.of(), "green", 3, T0);
    Spec ours = new Spec("forged-ours", LV, 1, List.of(), "green", 3, T0 + 1);
    Spec third = new Spec("forged-third", DE, 1, List.of(), "green", 3, T0 + 1);
    Spec red = new Spec("red", FI, 1, List.of(), "red", 3, T0 + 1);
    Spec hidden = new Spec("not-for-fin", EE, 4, List.of(EE, LV), "green", 3, T0 + 1);
    List<Spec> forged = List.of(ours, third, red, hidden);
    List<Spec> all = new ArrayList<>(List.of(fin, est));
    all.addAll(forged);
    MispFixtures.writeFeed(feed, all);

    assertThat(pull(store)).isEqualTo(2);

    MispStore misp = new MispStore(ds);
    assertThat(misp.held("misp-fi").keySet())
        .containsExactlyInAnyOrder(MispFixtures.eventUuid(fin), MispFixtures.eventUuid(est));
    List<StoredObject> objects = held(store);
    for (Spec s : forged) {
      for (int i = 0; i < s.attributes(); i++) {
        String canary = MispFixtures.canary(s, i);
        assertThat(objects).noneMatch(o -> o.json().contains(canary));
      }
      assertThat(objects).noneMatch(o -> o.json().contains(MispFixtures.eventUuid(s)));
    }
    assertThat(objects.stream().map(StoredObject::originNation).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("FIN", "EST");
    assertThat(objects)
        .filteredOn(o -> o.originNation().equals("EST"))
        .allSatisfy(o -> assertThat(o.relayedVia()).containsExactly("FIN"));

    Map<String, String> why =
        new MispRefusals(ds)
            .of("misp-fi").stream().collect(Collectors.toMap(Refusal::eventUuid, Refusal::reason));
    assertThat(why).hasSize(4);
    assertThat(why.get(MispFixtures.eventUuid(ours))).contains("LVA, this node's own nation");
    assertThat(why.get(MispFixtures.eventUuid(third)))
        .contains("counts for DEU")
        .contains("trusted only for events of EST, FIN");
    assertThat(why.get(MispFixtures.eventUuid(red))).contains("TLP:RED");
    assertThat(why.get(MispFixtures.eventUuid(hidden))).contains("relaying peer's nation FIN");
    var cursor = new CursorStore(ds).find("cert-fi", Direction.PULL, "misp-fi").orElseThrow();
    assertThat(cursor.rejected()).isEqualTo(4);
    assertThat(Long.parseLong(cursor.position()))
        .as("a refusal is final for that version: the cursor moves past it")
        .isEqualTo(T0 + 1);

    // the same event uuid again, newer, under a wider distribution (3: all): refused
    Spec wider = new Spec("fin", FI, 3, List.of(), "green", 3, T0 + 5);
    MispFixtures.writeFeed(feed, List.of(wider));
    assertThat(pull(store)).isZero();
    assertThat(misp.event("misp-fi", MispFixtures.eventUuid(fin)).orElseThrow().timestamp())
        .as("the held version stays")
        .isEqualTo(T0);
    assertThat(new MispRefusals(ds).of("misp-fi"))
        .filteredOn(r -> r.eventTimestamp() == T0 + 5)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.eventUuid()).isEqualTo(MispFixtures.eventUuid(fin));
              assertThat(r.reason()).contains("a version never widens");
            });

    // narrower (a sharing group of FIN's and Latvia's organisations): stored
    Spec narrower = new Spec("fin", FI, 4, List.of(FI, LV), "green", 3, T0 + 9);
    MispFixtures.writeFeed(feed, List.of(narrower));
    assertThat(pull(store)).isEqualTo(1);
    assertThat(misp.event("misp-fi", MispFixtures.eventUuid(fin)).orElseThrow().timestamp())
        .isEqualTo(T0 + 9);
  }
}
