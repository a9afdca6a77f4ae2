package dev.bulwark.node.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.misp.MispFixtures.Org;
import dev.bulwark.node.misp.MispFixtures.Spec;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MISP REST pull against a real HTTP server that answers as MISP's OpenAPI document specifies:
 * {@code POST /events/index} (body: {@code timestamp} "greater or equal", {@code org} the creator
 * organisation's name, {@code page}, {@code limit}, {@code sort}, {@code direction}; answer: a list
 * of events), {@code GET /events/view/{eventId}} ({@code {"Event": ...}}), the automation key in
 * the {@code Authorization} header. The organisation filter is the server's; the pull resumes from
 * its cursor after a failure without viewing again what it stored, a pull with nothing new views
 * nothing, and every object keeps its MISP origin (the creator organisation's nation), the peer
 * being the relay (this node, LVA, trusts the FIN peer for events of EST and FIN).
 */
class MispRestPullTest {
  static final String KEY = "automation-key-0123456789";
  static final Org EST = Org.named("CERT-EE");
  static final Org FIN = Org.named("NCSC-FI");
  static final long T0 = 1_765_000_000L;

  private HttpServer server;
  private HikariDataSource ds;
  private final List<Spec> events = new CopyOnWriteArrayList<>();
  private final List<String> viewed = new CopyOnWriteArrayList<>();
  private final List<String> orgFilters = new CopyOnWriteArrayList<>();
  private final AtomicInteger failViewOf = new AtomicInteger(-1);

  @BeforeEach
  void start() throws Exception {
    ds = TestDatabases.freshH2();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/events/index", this::index);
    server.createContext("/events/view/", this::view);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ds.close();
  }

  private List<Spec> visible(long since, String org) {
    List<Spec> out = new ArrayList<>();
    for (Spec s : events) {
      if (s.timestamp() >= since && (org.isEmpty() || s.orgc().name().equals(org))) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingLong(Spec::timestamp).thenComparing(MispFixtures::eventUuid));
    return out;
  }

  private void index(HttpExchange x) throws IOException {
    if (!authorised(x) || !x.getRequestMethod().equals("POST")) {
      return;
    }
    JsonNode body = MispFixtures.JSON.readTree(x.getRequestBody().readAllBytes());
    String org = body.path("org").asString("");
    orgFilters.add(org);
    List<Spec> all = visible(Long.parseLong(body.path("timestamp").asString("0")), org);
    int limit = body.path("limit").asInt(all.size());
    int page = body.path("page").asInt(1);
    ArrayNode list = MispFixtures.JSON.createArrayNode();
    for (int i = (page - 1) * limit; i < Math.min(all.size(), page * limit); i++) {
      Spec s = all.get(i);
      ObjectNode e = list.addObject();
      e.put("id", Integer.toString(events.indexOf(s) + 1));
      e.put("uuid", MispFixtures.eventUuid(s));
      e.put("info", "Synthetic event " + s.seed());
      e.put("timestamp", Long.toString(s.timestamp()));
      e.put("publish_timestamp", Long.toString(s.timestamp()));
      e.put("attribute_count", Integer.toString(s.attributes()));
      ObjectNode orgc = e.putObject("Orgc");
      orgc.put("name", s.orgc().name());
      orgc.put("uuid", s.orgc().uuid());
    }
    answer(x, 200, MispFixtures.JSON.writeValueAsString(list));
  }

  private void view(HttpExchange x) throws IOException {
    if (!authorised(x)) {
      return;
    }
    String id = x.getRequestURI().getPath().substring("/events/view/".length());
    int n = Integer.parseInt(id) - 1;
    if (n == failViewOf.get()) {
      answer(x, 500, "{\"message\":\"try again\"}");
      return;
    }
    viewed.add(id);
    answer(x, 200, MispFixtures.JSON.writeValueAsString(MispFixtures.event(events.get(n))));
  }

  private static boolean authorised(HttpExchange x) throws IOException {
    if (!KEY.equals(x.getRequestHeaders().getFirst("Authorization"))) {
      answer(x, 403, "{\"message\":\"Authentication failed.\"}");
      return false;
    }
    return true;
  }

  private static void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private MispPeer peer(String org) {
    return new MispPeer(
        "cert-fi",
        MispPeer.Type.REST,
        "FIN",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        KEY,
        "misp-fi",
        org,
        Duration.ofSeconds(1),
        Set.of("FIN", "EST"));
  }

  private long pull(MispPeer peer, ObjectStore store) {
    AudienceSettings settings =
        MispLinkSettings.of("LVA", "FIN", EST.name() + "=EST;" + FIN.uuid() + "=FIN");
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

  @Test
  void pullsByCursorWithTheServersOrgFilterResumesAndKeepsTheMispOrigin() {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    for (int i = 0; i < 230; i++) {
      events.add(new Spec("e" + i, EST, 1, List.of(), "green", 3, T0 + i));
    }
    for (int i = 0; i < 20; i++) {
      events.add(new Spec("f" + i, FIN, 1, List.of(), "green", 3, T0 + i));
    }
    failViewOf.set(150);
    MispPeer peer = peer(EST.name());
    assertThatThrownBy(() -> pull(peer, store)).hasMessageContaining("500");
    CursorStore cursors = new CursorStore(ds);
    String position = cursors.find("cert-fi", Direction.PULL, "misp-fi").orElseThrow().position();
    assertThat(Long.parseLong(position)).as("saved after the first full page").isEqualTo(T0 + 99);
    int viewedBefore = viewed.size();
    assertThat(viewedBefore).isEqualTo(150);

    failViewOf.set(-1);
    pull(peer, store);
    assertThat(viewed.size() - viewedBefore)
        .as("the resumed pull views only what it had not stored")
        .isEqualTo(80);
    assertThat(orgFilters).allMatch(EST.name()::equals);
    assertThat(new MispStore(ds).held("misp-fi")).hasSize(230);

    int before = viewed.size();
    pull(peer, store);
    assertThat(viewed.size()).as("nothing new: nothing viewed").isEqualTo(before);

    events.add(new Spec("late", EST, 1, List.of(), "green", 2, T0 + 1_000));
    pull(peer, store);
    assertThat(viewed.size()).isEqualTo(before + 1);

    List<StoredObject> held =
        store.page(ObjectQuery.all("misp-fi", 10_000), ReadFilter.SYSTEM).items();
    assertThat(held).isNotEmpty();
    assertThat(held).allSatisfy(o -> assertThat(o.originNation()).isEqualTo("EST"));
    assertThat(held).allSatisfy(o -> assertThat(o.relayedVia()).containsExactly("FIN"));
    assertThat(held).allSatisfy(o -> assertThat(o.addedBy()).isEqualTo("misp:cert-fi"));
    assertThat(Set.copyOf(held.stream().map(StoredObject::type).toList())).contains("report");
  }

  @Test
  void aWrongKeyFailsThePullAndMovesNoCursor() {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    events.add(new Spec("x", EST, 1, List.of(), "green", 1, T0));
    MispPeer wrong =
        new MispPeer(
            "cert-fi",
            MispPeer.Type.REST,
            "FIN",
            peer("").url(),
            "not-the-key",
            "misp-fi",
            "",
            Duration.ofSeconds(1));
    assertThatThrownBy(() -> pull(wrong, store)).hasMessageContaining("403");
    assertThat(new CursorStore(ds).find("cert-fi", Direction.PULL, "misp-fi")).isEmpty();
  }
}
