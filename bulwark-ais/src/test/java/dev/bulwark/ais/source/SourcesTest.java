package dev.bulwark.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.RejectionCause;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

  static final String A = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
  static final String B = "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42";
  static final String C1 =
      "!AIVDM,2,1,1,,53cMa3@000010WSW?V105=<45B2222222222220t388151:9e2UiDm851DTh,0*65";
  static final String C2 = "!AIVDM,2,2,1,,j1C32CQp888,2*17";

  @Test
  void lineReaderSplitsEveryTerminatorAndKeepsTheLastUnterminatedLine() throws IOException {
    byte[] in = ("a\r\nbb\n\nccc\rdddd").getBytes(StandardCharsets.US_ASCII);
    List<String> out = new ArrayList<>();
    long n =
        new LineReader(new ByteArrayInputStream(in))
            .forEachLine((b, o, l) -> out.add(new String(b, o, l, StandardCharsets.US_ASCII)));
    assertThat(out).containsExactly("a", "bb", "ccc", "dddd");
    assertThat(n).isEqualTo(4);
  }

  @Test
  void lineReaderHandlesLinesAcrossReadBoundaries() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append(i % 2 == 0 ? A : B).append("\r\n");
    }
    // An InputStream returning odd-sized chunks exercises the compaction path.
    InputStream trickle =
        new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 37));
          }
        };
    List<DecodedMessage> out = new ArrayList<>();
    AisDecoder d = AisDecoder.builder(out::add).build();
    new LineReader(trickle).forEachLine(d::accept);
    assertThat(out).hasSize(20_000);
    assertThat(d.counters().rejectedTotal()).isZero();
  }

  @Test
  void aRunawayLineIsHandedOverInPiecesAndRejectedNotSilentlyDropped() throws IOException {
    byte[] huge = new byte[300_000];
    Arrays.fill(huge, (byte) 'x');
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(huge);
    in.write(("\n" + A + "\n").getBytes(StandardCharsets.US_ASCII));
    List<DecodedMessage> out = new ArrayList<>();
    AisDecoder d = AisDecoder.builder(out::add).build();
    new LineReader(new ByteArrayInputStream(in.toByteArray())).forEachLine(d::accept);
    assertThat(out).hasSize(1);
    assertThat(d.counters().rejected(RejectionCause.LINE_TOO_LONG)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void gzipAndPlainFilesReadTheSame(@TempDir Path dir) throws IOException {
    String text = A + "\n" + C1 + "\n" + C2 + "\n" + B + "\n";
    Path plain = dir.resolve("x.nmea");
    Files.writeString(plain, text);
    Path gz = dir.resolve("x.bin"); // named without .gz: recognised by content
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    Files.write(gz, bytes.toByteArray());
    assertThat(decodeFile(gz)).isEqualTo(decodeFile(plain)).hasSize(3);
  }

  private static List<String> decodeFile(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    AisDecoder d = AisDecoder.builder(m -> out.add(m.message().toString())).build();
    AisFiles.readLines(p, d::accept);
    d.finish();
    return out;
  }

  @Test
  void tcpClientReconnectsAndLosesNoLineAlreadyReceived() throws Exception {
    List<DecodedMessage> out = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      AisDecoder decoder = AisDecoder.builder(out::add).source("tcp").build();
      Backoff fast = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));
      try (TcpAisClient client =
          new TcpAisClient("127.0.0.1", server.getLocalPort(), decoder::accept, fast)) {
        client.start();
        // First connection: two sentences, then the feed drops.
        try (Socket s = server.accept()) {
          s.getOutputStream()
              .write((A + "\r\n" + C1 + "\r\n" + C2 + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        // Second connection after the client's backoff: one more sentence.
        try (Socket s = server.accept()) {
          s.getOutputStream().write((B + "\r\n").getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          await(() -> out.size() == 3);
        }
        assertThat(client.connections()).isGreaterThanOrEqualTo(2);
      }
    }
    assertThat(out).extracting(m -> m.message().type()).containsExactly(1, 5, 1);
    assertThat(out.get(0).message().mmsi()).isEqualTo(371798000);
    assertThat(out.get(2).message().mmsi()).isEqualTo(440348000);
    assertThat(out).allSatisfy(m -> assertThat(m.source()).isEqualTo("tcp"));
  }

  @Test
  void tcpClientTellsItsListenerOfEveryConnectionState() throws Exception {
    List<String> states = Collections.synchronizedList(new ArrayList<>());
    ConnectionListener listener =
        new ConnectionListener() {
          @Override
          public void connected() {
            states.add("connected");
          }

          @Override
          public void closedByPeer() {
            states.add("closed");
          }

          @Override
          public void failed(IOException e) {
            states.add("failed");
          }

          @Override
          public void disconnected() {
            states.add("disconnected");
          }
        };
    int down;
    try (ServerSocket s = new ServerSocket(0)) {
      down = s.getLocalPort();
    }
    Backoff fast = new Backoff(Duration.ofMillis(10), Duration.ofMillis(20));
    try (TcpAisClient client =
        new TcpAisClient("127.0.0.1", down, (b, o, l) -> {}, fast, listener, "t-down")) {
      client.start();
      await(() -> states.size() >= 2);
    }
    assertThat(states.subList(0, 2)).containsExactly("failed", "disconnected");
    states.clear();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        TcpAisClient client =
            new TcpAisClient(
                "127.0.0.1", server.getLocalPort(), (b, o, l) -> {}, fast, listener, "t-up")) {
      client.start();
      try (Socket s = server.accept()) {
        await(() -> states.contains("connected"));
      }
      await(() -> states.size() >= 3);
    }
    assertThat(states.subList(0, 3)).containsExactly("connected", "closed", "disconnected");
  }

  @Test
  void udpListenerDeliversEverySentenceOfEveryDatagram() throws Exception {
    List<DecodedMessage> out = Collections.synchronizedList(new ArrayList<>());
    AisDecoder decoder = AisDecoder.builder(out::add).build();
    try (UdpAisListener listener = new UdpAisListener("127.0.0.1", 0, decoder::accept);
        DatagramSocket sender = new DatagramSocket()) {
      listener.start();
      InetSocketAddress to =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.localPort());
      byte[] one = (A + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] two = (C1 + "\n" + C2 + "\n" + B).getBytes(StandardCharsets.US_ASCII);
      sender.send(new DatagramPacket(one, one.length, to));
      sender.send(new DatagramPacket(two, two.length, to));
      await(() -> out.size() == 3);
      assertThat(listener.datagrams()).isEqualTo(2);
    }
    assertThat(out).hasSize(3);
  }

  @Test
  void pacedReplayWaitsForTheRecordedGapDividedByTheFactor() {
    List<Long> sleeps = new ArrayList<>();
    long[] now = {0};
    List<DecodedMessage> out = new ArrayList<>();
    PacedReplay paced =
        new PacedReplay(
            out::add,
            4.0,
            nanos -> {
              sleeps.add(nanos);
              now[0] += nanos;
            },
            () -> now[0]);
    Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
    var message = AisDecoderFixtures.anyMessage();
    paced.accept(new DecodedMessage(message, Optional.of(t0), "s", 1));
    paced.accept(new DecodedMessage(message, Optional.of(t0.plusSeconds(8)), "s", 1));
    paced.accept(new DecodedMessage(message, Optional.empty(), "s", 1));
    paced.accept(new DecodedMessage(message, Optional.of(t0.plusSeconds(12)), "s", 1));
    assertThat(sleeps).containsExactly(2_000_000_000L, 1_000_000_000L);
    assertThat(out).hasSize(4);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in time");
      }
      Thread.sleep(5);
    }
  }
}
