package dev.bulwark.node.maritime.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ais.source.Backoff;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.scenario.AivdmEncoder;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's AIS sources over real sockets and files. */
class AisSourcesTest {
  static final AivdmEncoder ENC = new AivdmEncoder();

  static String line(int mmsi, long epochSeconds, double lat) {
    return AivdmEncoder.tagBlock(epochSeconds)
        + ENC.type1(mmsi, 0, lat, 20.0, 10.0, 90.0, 90, (int) (epochSeconds % 60)).get(0);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  static List<VesselObservation> drain(ObservationQueue q) throws InterruptedException {
    List<VesselObservation> out = new ArrayList<>();
    q.drain(out, 100_000, 0);
    return out;
  }

  @Test
  void tcpSourceReconnectsAfterTheFeedDropsAndSaysWhetherItIsConnected() throws Exception {
    ObservationQueue q = new ObservationQueue(1024);
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        TcpSource source =
            new TcpSource(
                "feed",
                "127.0.0.1",
                server.getLocalPort(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)),
                q,
                false)) {
      source.start();
      try (Socket s = server.accept();
          OutputStream out = s.getOutputStream()) {
        await(() -> source.status().connected(), "connected");
        out.write(
            (line(230000001, 1_764_000_000L, 60.0) + "\r\nnot nmea at all\r\n!AIVDM,garbage*00\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        await(() -> q.size() == 1, "one observation");
      }
      // the garbage sentence and the lost connection are errors (it may already be connected again)
      await(() -> source.status().errors() >= 2, "the dropped connection counted");
      assertThat(source.status().view().lastError()).contains("closed");
      try (Socket s = server.accept();
          OutputStream out = s.getOutputStream()) {
        await(() -> source.status().connected(), "reconnected");
        out.write(
            (line(230000001, 1_764_000_010L, 60.01) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        await(() -> q.size() == 2, "a second observation after reconnecting");
      }
      SourceStatus.View v = source.status().view();
      assertThat(v.connections()).isEqualTo(2);
      assertThat(v.messages()).isEqualTo(2);
      assertThat(v.lastMessage()).isNotEmpty();
      List<VesselObservation> got = drain(q);
      assertThat(((PositionReport) got.get(1)).lat()).isEqualTo(60.01, Offset.offset(1e-4));
    }
  }

  @Test
  void tcpSourceKeepsRetryingWhileNothingListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (TcpSource source =
        new TcpSource(
            "down",
            "127.0.0.1",
            port,
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(20)),
            new ObservationQueue(16),
            false)) {
      source.start();
      await(() -> source.status().errors() >= 3, "three failed attempts");
      assertThat(source.status().connected()).isFalse();
      assertThat(source.status().view().lastError()).contains("failed");
    }
  }

  @Test
  void udpSourceTakesDatagramsOfSeveralSentences() throws Exception {
    ObservationQueue q = new ObservationQueue(1024);
    try (UdpSource source = new UdpSource("radio", "127.0.0.1", 0, q, false);
        DatagramSocket client = new DatagramSocket()) {
      source.start();
      assertThat(source.status().connected()).isTrue();
      byte[] payload =
          (line(230000001, 1_764_000_000L, 60.0)
                  + "\n"
                  + line(230000002, 1_764_000_000L, 59.5)
                  + "\n")
              .getBytes(StandardCharsets.US_ASCII);
      client.send(
          new DatagramPacket(
              payload, payload.length, InetAddress.getLoopbackAddress(), source.localPort()));
      await(() -> q.size() == 2, "two observations");
      assertThat(source.status().messages()).isEqualTo(2);
    }
  }

  @Test
  void loopedFileSourceMovesItsTimesOnAtEachPass(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("capture.nmea");
    Files.writeString(
        file,
        line(230000001, 1_764_000_000L, 60.0)
            + "\n"
            + line(230000001, 1_764_000_060L, 60.01)
            + "\n");
    ObservationQueue q = new ObservationQueue(64);
    try (FileSource source = new FileSource("capture", file, 0, true, q, false)) {
      source.start();
      await(() -> q.offered() >= 6, "three passes");
    }
    List<VesselObservation> got = drain(q);
    for (int i = 1; i < got.size(); i++) {
      assertThat(got.get(i).timeMillis()).isGreaterThan(got.get(i - 1).timeMillis());
    }
    assertThat(got.get(2).timeMillis() - got.get(0).timeMillis()).isEqualTo(61_000L);
  }

  @Test
  void csvSourceCountsBadRowsAsErrorsAndGoesOn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("positions.csv");
    Files.writeString(
        file,
        "Time,MMSI,Latitude_degrees,Longitude_degrees,COG_degrees,SOG_knots\n"
            + "2016-01-12 10:00:00,235000001,50.80,-1.10,90,10\n"
            + "2016-01-12 10:00:10,not-a-number,50.80,-1.10,90,10\n"
            + "2016-01-12 10:00:20,235000001,50.81,-1.09,90,10\n");
    ObservationQueue q = new ObservationQueue(64);
    try (CsvSource source = new CsvSource("solent", file, 0, false, q, true)) {
      source.start();
      await(() -> q.size() == 2 && source.status().errors() == 1, "two rows taken, one rejected");
      assertThat(source.status().view().lastError()).contains("line 3");
    }
  }
}
