package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.web.ConsoleBrowser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Same numbers for federation (issue 19): on one real node with a peer configured through the
 * command line, {@code bulwark status} (pointed at the node's home) and {@code GET
 * /bulwark/federation/status} show the same peers, nations, pulled and pushed collections and
 * failing exchanges. The peer's port is closed, so its exchanges fail for real and both must say
 * so.
 */
class StatusSameNumbersTest {
  private static final Pattern PEER_LINE =
      Pattern.compile(
          "^  (\\S+)\\s+(\\S+)\\s+(\\S+) pull=\\[(.*?)] push=\\[(.*?)](.*?)(  FAILING .*)?$");
  private static Path home;
  private static ConfigurableApplicationContext node;
  private static String base;
  private static String adminToken;

  @BeforeAll
  static void start() throws IOException {
    home = TempDirs.create("bulwark-status-same-");
    node =
        ConsoleBrowser.startNode(home, "--bulwark.nation=EST", "--bulwark.maritime.enabled=false");
    base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    adminToken =
        node.getBean(PrincipalStore.class)
            .add("est-admin", "EST", EnumSet.of(Role.ADMIN), Optional.empty(), 0L, Optional.empty())
            .token();
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
    FileSystemUtils.deleteRecursively(home);
  }

  @Test
  void statusAndTheFederationApiShowTheSamePeersCollectionsAndFailures() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    cli(
        "peer",
        "add",
        "fin",
        "--url",
        "https://127.0.0.1:" + closed + "/bulwark/",
        "--nation",
        "FIN",
        "--token",
        "not-used",
        "--pull",
        "intel",
        "--push",
        "intel,maritime-alerts");

    // the node takes the peer up within seconds and its exchanges fail (nothing listens there);
    // compared when two reads of the API around the command line agree (a settled state)
    Map<String, String> api = Map.of();
    Map<String, String> cli = Map.of();
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      Map<String, String> before = fromApi();
      cli = fromStatus(cli("status"));
      api = fromApi();
      if (api.equals(before) && api.toString().contains("failing")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(api).as("the API, once every exchange failed").containsKey("fin");
    assertThat(api.get("fin")).contains("failing");
    assertThat(cli).isEqualTo(api);
    assertThat(cli.get("fin")).isEqualTo("FIN pull=[intel] push=[intel, maritime-alerts] failing");
  }

  /** Per peer: nation, pulled and pushed collections, and whether an exchange fails. */
  private static Map<String, String> fromStatus(String status) {
    Map<String, String> peers = new TreeMap<>();
    boolean inPeers = false;
    for (String line : status.split("\n")) {
      if (line.startsWith("peers:")) {
        inPeers = true;
        continue;
      }
      Matcher m = PEER_LINE.matcher(line);
      if (inPeers && m.matches()) {
        peers.put(
            m.group(1),
            summary(
                m.group(2),
                List.of(m.group(4).split(", ")),
                List.of(m.group(5).split(", ")),
                m.group(7) != null));
      }
    }
    return peers;
  }

  private static Map<String, String> fromApi() throws Exception {
    JsonNode root = JsonMapper.builder().build().readTree(get("/bulwark/federation/status"));
    Map<String, String> nations = new TreeMap<>();
    Map<String, List<String>> pulls = new TreeMap<>();
    Map<String, List<String>> pushes = new TreeMap<>();
    Map<String, Boolean> failing = new TreeMap<>();
    for (JsonNode e : root.path("exchanges")) {
      String peer = e.path("peer").asString();
      nations.put(peer, e.path("nation").asString());
      (e.path("direction").asString().equals("pull") ? pulls : pushes)
          .computeIfAbsent(peer, p -> new ArrayList<>())
          .add(e.path("collection").asString());
      failing.merge(peer, e.path("failing").asBoolean(), Boolean::logicalOr);
    }
    Map<String, String> peers = new TreeMap<>();
    nations.forEach(
        (peer, nation) ->
            peers.put(
                peer,
                summary(
                    nation,
                    pulls.getOrDefault(peer, List.of()),
                    pushes.getOrDefault(peer, List.of()),
                    failing.get(peer))));
    return peers;
  }

  private static String summary(
      String nation, List<String> pull, List<String> push, boolean failing) {
    return nation + " pull=" + pull + " push=" + push + (failing ? " failing" : "");
  }

  private static String get(String path) throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(("est-admin:" + adminToken).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + basic)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  /** Runs the command line on the node's home, in this JVM, and returns what it printed. */
  private static String cli(String... args) {
    String previousHome = System.getProperty("bulwark.home");
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setProperty("bulwark.home", home.toString());
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(BulwarkMain.execute(args)).as(String.join(" ", args)).isZero();
    } finally {
      System.setOut(stdout);
      if (previousHome == null) {
        System.clearProperty("bulwark.home");
      } else {
        System.setProperty("bulwark.home", previousHome);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
