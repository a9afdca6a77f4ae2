package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node following sensor logs itself: a real Suricata-style file that grows, gets a line in two
 * writes and is rotated, and a real TCP connection sending JSON lines; both become sightings of the
 * configured sensor principal, counted once per event.
 */
class SensorFeedsTest {
  static final String GREEN = "indicator--11111111-1111-4111-8111-111111111111";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static CyberApiTest.ConfigurableApplicationContextHolder node =
      new CyberApiTest.ConfigurableApplicationContextHolder();
  static NodePrincipal fileSensor;
  static NodePrincipal tcpSensor;
  static String tcpSensorToken;
  static String fileSensorToken;
  static NodePrincipal loopSensor;

  @BeforeAll
  static void start() throws Exception {
    Path home = Files.createTempDirectory("bulwark-cyber-feeds-test-");
    node.home = home;
    node.context =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000",
            "--bulwark.cyber.index-ttl=PT0S");
    ObjectStore store = node.context.getBean(ObjectStore.class);
    store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
    store.add(
        "intel",
        NewObject.from(
            new StixCodec()
                .parseObject(
                    CyberApiTest.indicator(
                        GREEN,
                        "[ipv4-addr:value = '54.230.202.37']",
                        Tlp.GREEN.markingDefinitionId()))),
        new Provenance("EST", "est-analyst"));
    PrincipalStore principals = node.context.getBean(PrincipalStore.class);
    PrincipalStore.Issued file =
        principals.add(
            "file-sensor", "EST", EnumSet.of(Role.SENSOR), Optional.empty(), 0L, Optional.empty());
    fileSensor = file.principal();
    fileSensorToken = file.token();
    PrincipalStore.Issued tcp =
        principals.add(
            "tcp-sensor", "EST", EnumSet.of(Role.SENSOR), Optional.empty(), 0L, Optional.empty());
    tcpSensor = tcp.principal();
    tcpSensorToken = tcp.token();
    // each test its own sensor where event hours would go back: a sensor's windows behind its
    // latest event are closed
    loopSensor =
        principals
            .add(
                "loop-sensor",
                "EST",
                EnumSet.of(Role.SENSOR),
                Optional.empty(),
                0L,
                Optional.empty())
            .principal();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static String event(int hour, int minute) {
    return CyberApiTest.http(String.format("2017-01-30T%02d:%02d:00.000000+0000", hour, minute));
  }

  static long count(NodePrincipal sensor, int hour) {
    return SightingCounts.count(node.context.getBean(ObjectStore.class), GREEN, sensor, hour);
  }

  static void await(BooleanSupplier done, String what) throws InterruptedException {
    SightingCounts.await(done, what);
  }

  static SensorFeeds feeds(SensorFeedProperties p) throws Exception {
    return feeds(p, FeedPositions.in(node.home));
  }

  static SensorFeeds feeds(SensorFeedProperties p, FeedPositions positions) throws Exception {
    return new SensorFeeds(
            node.context.getBean(CyberIntake.class),
            node.context.getBean(PrincipalStore.class),
            p,
            positions)
        .start();
  }

  static void append(Path p, String text) throws Exception {
    Files.writeString(
        p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void aGrowingRotatedLogFileBecomesSightings() throws Exception {
    Path dir = Files.createTempDirectory(node.home, "logs");
    Path eve = dir.resolve("eve.json");
    append(eve, event(1, 0) + event(1, 1));
    try (SensorFeeds f =
        feeds(
            new SensorFeedProperties(
                List.of(
                    new SensorFeedProperties.FileFeed(eve.toString(), "eve", "file-sensor", true)),
                List.of(),
                Duration.ofMillis(50)))) {
      await(() -> count(fileSensor, 1) == 2, "the two lines already there");
      String third = event(1, 2);
      append(eve, third.substring(0, 40));
      Thread.sleep(200);
      append(eve, third.substring(40));
      await(() -> count(fileSensor, 1) == 3, "a line written in two parts, once");
      append(eve, event(1, 3));
      Files.move(eve, dir.resolve("eve.json.1"));
      append(eve, event(1, 4) + event(1, 5));
      await(() -> count(fileSensor, 1) == 6, "the old file's rest and the new file");
    }
  }

  @Test
  void aRestartedFeedGoesOnWhereItLeftOffThroughARotationWhileItWasDown() throws Exception {
    Path dir = Files.createTempDirectory(node.home, "logs");
    Path eve = dir.resolve("eve.json");
    FeedPositions positions = new FeedPositions(dir.resolve("positions"));
    SensorFeedProperties settings =
        new SensorFeedProperties(
            List.of(new SensorFeedProperties.FileFeed(eve.toString(), "eve", "file-sensor", false)),
            List.of(),
            Duration.ofMillis(50));
    append(eve, event(5, 0)); // before the first start, from the end: not read
    try (SensorFeeds f = feeds(settings, positions)) {
      Thread.sleep(300);
      append(eve, event(5, 1) + event(5, 2));
      await(() -> count(fileSensor, 5) == 2, "two lines after the start");
    }
    // down: the log grows, then is rotated, and the new file gets lines too
    append(eve, event(5, 3));
    Files.move(eve, dir.resolve("eve.json.1"));
    append(eve, event(5, 4) + event(5, 5));
    try (SensorFeeds f = feeds(settings, positions)) {
      await(() -> count(fileSensor, 5) == 5, "the old file's rest and the new file, once");
      Thread.sleep(500);
      assertThat(count(fileSensor, 5)).isEqualTo(5);
    }
    // down again, nothing rotated: only the new line, not the file again
    append(eve, event(5, 6));
    try (SensorFeeds f = feeds(settings, positions)) {
      await(() -> count(fileSensor, 5) == 6, "the one new line");
      Thread.sleep(500);
      assertThat(count(fileSensor, 5)).isEqualTo(6);
    }
  }

  @Test
  void linesOverTcpBecomeSightings() throws Exception {
    try (SensorFeeds f =
        feeds(
            new SensorFeedProperties(
                List.of(),
                List.of(new SensorFeedProperties.TcpFeed(null, 0, "eve", "tcp-sensor", null)),
                null))) {
      int port = f.tcpPorts().get(0);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = s.getOutputStream();
        // the sign-in and the first events in one write: the events after the line are kept
        out.write(
            ("AUTH " + tcpSensorToken + "\n" + event(2, 0) + event(2, 1) + "{not json\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        await(() -> count(tcpSensor, 2) == 2, "two events over TCP");
        String last = event(2, 2);
        out.write(last.substring(0, 30).getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(200);
        out.write(last.substring(30).getBytes(StandardCharsets.UTF_8));
        out.flush();
        await(() -> count(tcpSensor, 2) == 3, "a line sent in two parts, once");
      }
    }
  }

  @Test
  void aConnectionWithoutTheSensorsTokenWritesNothingAndIsClosed() throws Exception {
    try (SensorFeeds f =
        feeds(
            new SensorFeedProperties(
                List.of(),
                List.of(new SensorFeedProperties.TcpFeed(null, 0, "eve", "tcp-sensor", null)),
                null))) {
      int port = f.tcpPorts().get(0);
      List<String> attempts =
          List.of(
              "", // events straight away, no sign-in line
              "AUTH bwk_notatoken\n",
              "AUTH " + fileSensorToken + "\n", // another sensor's good token
              "AUTH " + tcpSensorToken.substring(0, tcpSensorToken.length() - 1) + "x\n",
              "AUTH " + "a".repeat(TcpSignIn.MAX_LINE * 2) + "\n");
      for (String signIn : attempts) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          s.setSoTimeout(15_000);
          s.getOutputStream()
              .write((signIn + event(3, 0) + event(3, 1)).getBytes(StandardCharsets.UTF_8));
          s.getOutputStream().flush();
          byte[] answer = s.getInputStream().readAllBytes();
          assertThat(new String(answer, StandardCharsets.US_ASCII))
              .isEqualTo("ERR sign-in refused\n");
        }
      }
      assertThat(f.refusedConnections()).isEqualTo(attempts.size());
      assertThat(count(tcpSensor, 3)).isZero();
      assertThat(count(fileSensor, 3)).isZero();
    }
  }

  @Test
  void aFeedWithoutSignInIsRefusedOffLoopback() {
    SensorFeedProperties p =
        new SensorFeedProperties(
            List.of(),
            List.of(new SensorFeedProperties.TcpFeed("0.0.0.0", 0, "eve", "tcp-sensor", "none")),
            null);
    assertThatThrownBy(() -> feeds(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("auth=none is allowed on a loopback address only");
  }

  @Test
  void aLoopbackFeedWithoutSignInTakesLinesAsTheSensor() throws Exception {
    try (SensorFeeds f =
        feeds(
            new SensorFeedProperties(
                List.of(),
                List.of(new SensorFeedProperties.TcpFeed(null, 0, "eve", "loop-sensor", "none")),
                null))) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.tcpPorts().get(0))) {
        s.getOutputStream().write(event(4, 0).getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        await(() -> count(loopSensor, 4) == 1, "one event without sign-in on loopback");
      }
    }
  }

  @Test
  void aFeedNamingNoSensorStopsTheStart() {
    SensorFeedProperties p =
        new SensorFeedProperties(
            List.of(new SensorFeedProperties.FileFeed("/nonexistent", "eve", "nobody", false)),
            List.of(),
            null);
    assertThatThrownBy(() -> feeds(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nobody");
  }
}
