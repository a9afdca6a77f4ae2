package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bulwark ais} commands as a person at a terminal uses them, on real sentences. */
class AisCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private Path capture(String... lines) throws Exception {
    Path file = dir.resolve("capture.nmea");
    Files.writeString(file, String.join("\r\n", lines) + "\r\n");
    return file;
  }

  @Test
  void decodePrintsGpsdJsonAndExitsZero() throws Exception {
    Path file = capture("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(BulwarkMain.execute("ais", "decode", file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo(
            "{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":1,\"repeat\":0,\"mmsi\":371798000,\"scaled\":true,"
                + "\"status\":0,\"status_text\":\"Under way using engine\",\"turn\":\"fastleft\",\"speed\":12.3,"
                + "\"accuracy\":true,\"lon\":-123.3953833,\"lat\":48.3816333,\"course\":224.0,\"heading\":215,"
                + "\"second\":33,\"maneuver\":0,\"raim\":false,\"radio\":34017}");
  }

  @Test
  void decodeExitsOneAndSaysWhereWhenInputIsRejected() throws Exception {
    Path file =
        capture(
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B");
    assertThat(BulwarkMain.execute("ais", "decode", "--errors", file.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: bad checksum");
  }

  @Test
  void statsAndDecodeSayWhenTheFileIsNotNmeaAndExitOne() throws Exception {
    Path file = dir.resolve("notes.csv");
    Files.writeString(file, "Time,MMSI,Latitude\n2016-01-12,235000001,50.8\n");
    assertThat(BulwarkMain.execute("ais", "stats", file.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("not an NMEA AIS capture: 2 lines, none of them an AIS sentence");
    assertThat(BulwarkMain.execute("ais", "decode", file.toString())).isEqualTo(1);
    Path empty = dir.resolve("empty.nmea");
    Files.writeString(empty, "");
    assertThat(BulwarkMain.execute("ais", "stats", "--json", empty.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("it is empty");
  }

  @Test
  void decodeSaysWhyFewerType24ObjectsArePrintedThanPartsCounted() throws Exception {
    Path file =
        capture(
            "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D",
            "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40",
            "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40");
    assertThat(BulwarkMain.execute("ais", "decode", file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("3 type 24 parts (1 A, 2 B) printed as 1 objects")
        .contains("1 parts B without an earlier part A");
  }

  @Test
  void decodeExitsTwoForAMissingFile() {
    assertThat(BulwarkMain.execute("ais", "decode", dir.resolve("nope.nmea").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }

  @Test
  void statsCountsTypesRejectionsVesselsAndTimeSpan() throws Exception {
    Path file =
        capture(
            "$PGHP,1,2010,6,11,11,46,11,929,244,0,,1,72*21",
            "!AIVDM,2,1,1,,53cMa3@000010WSW?V105=<45B2222222222220t388151:9e2UiDm851DTh,0*65",
            "!AIVDM,2,2,1,,j1C32CQp888,2*17",
            "\\s:rORBCOMM000,q:u,c:1411920600*37\\!AIVDM,1,1,,B,1815:?PuhtPku;rQ55n:ppSb0D2I,0*28",
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B");
    assertThat(BulwarkMain.execute("ais", "stats", "--json", file.toString())).isZero();
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"messages\":2",
            "\"messages_by_type\":{\"1\":1,\"5\":1}",
            "\"rejections\":{\"bad_checksum\":1}",
            "\"vessels\":2",
            "\"vessels_with_position\":1",
            "\"first\":\"2010-06-11T11:46:11.929Z\"",
            "\"last\":\"2014-09-28T16:10:00Z\"");
  }

  @Test
  void decodeReadsALiveTcpFeedUntilEnoughMessages() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread feed =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  s.getOutputStream()
                      .write(
                          ("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n"
                                  + "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                  Thread.sleep(60_000); // keep the connection open; the command stops on its own
                } catch (Exception e) {
                  // the test closes the server
                }
              });
      feed.setDaemon(true);
      feed.start();
      int exit =
          BulwarkMain.execute(
              "ais", "decode", "--max-messages", "2", "tcp://127.0.0.1:" + server.getLocalPort());
      assertThat(exit).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8).lines())
          .hasSize(2)
          .allSatisfy(l -> assertThat(l).startsWith("{\"class\":\"AIS\""));
    }
  }
}
