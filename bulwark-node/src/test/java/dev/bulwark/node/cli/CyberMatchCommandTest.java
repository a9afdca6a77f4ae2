package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark cyber match} on real Suricata lines (surevego sample, BSD-3-Clause). */
class CyberMatchCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  static final String EVE =
      String.join(
          "\n",
          "{\"timestamp\":\"2017-01-30T16:12:36.066011+0100\",\"flow_id\":1501577875823823,\"event_type\":\"alert\",\"src_ip\":\"172.17.0.2\",\"src_port\":41402,\"dest_ip\":\"54.230.202.37\",\"dest_port\":80,\"proto\":\"TCP\",\"tx_id\":0,\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2013504,\"rev\":5,\"signature\":\"ET POLICY GNU\\/Linux APT User-Agent Outbound likely related to package management\",\"category\":\"Not Suspicious Traffic\",\"severity\":3},\"http\":{\"hostname\":\"deb.debian.org\",\"url\":\"\\/debian\\/pool\\/main\\/p\\/perl\\/perl-base_5.24.1-1_amd64.deb\",\"http_method\":\"GET\",\"protocol\":\"HTTP\\/1.1\",\"status\":200,\"length\":919}}",
          "{\"timestamp\":\"2017-01-30T16:12:36.177408+0100\",\"flow_id\":1501577875823823,\"event_type\":\"http\",\"src_ip\":\"172.17.0.2\",\"src_port\":41402,\"dest_ip\":\"54.230.202.37\",\"dest_port\":80,\"proto\":\"TCP\",\"tx_id\":0,\"http\":{\"hostname\":\"deb.debian.org\",\"url\":\"\\/debian\\/pool\\/main\\/p\\/perl\\/perl-base_5.24.1-1_amd64.deb\",\"http_method\":\"GET\",\"protocol\":\"HTTP\\/1.1\",\"status\":200}}",
          "not json at all",
          "{\"timestamp\":\"2017-01-30T16:12:26.985026+0100\",\"event_type\":\"dns\",\"src_ip\":\"172.17.0.2\",\"src_port\":55645,\"dest_ip\":\"172.21.3.254\",\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"type\":\"query\",\"id\":13786,\"rrname\":\"_http._tcp.security.debian.org\",\"rrtype\":\"SRV\",\"tx_id\":0}}");

  static final String INDICATORS =
      "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
          + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
          + "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\",\"pattern_type\":\"stix\","
          + "\"valid_from\":\"2016-01-01T00:00:00Z\",\"pattern\":\"[ipv4-addr:value = '54.230.202.37']\"},"
          + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--1ed8caa7-a708-4706-b651-f1186ede6ca1\","
          + "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\",\"pattern_type\":\"stix\","
          + "\"valid_from\":\"2016-01-01T00:00:00Z\",\"pattern\":\"[domain-name:value LIKE '%.security.debian.org']\"}]}";

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

  @Test
  void printsOneSightingPerIndicatorAndWindowAndASummary() throws Exception {
    Path events = dir.resolve("eve.json.gz");
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(events))) {
      gz.write(EVE.getBytes(StandardCharsets.UTF_8));
    }
    Path indicators = Files.writeString(dir.resolve("indicators.json"), INDICATORS);
    int code =
        BulwarkMain.execute(
            "cyber", "match", "--indicators", indicators.toString(), "--events", events.toString());
    assertThat(code).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"type\":\"sighting\""));
    assertThat(lines.get(0))
        .contains("\"sighting_of_ref\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"")
        .contains("\"count\":2")
        .contains("\"first_seen\":\"2017-01-30T15:12:36.066011Z\"")
        .contains(
            "\"object_marking_refs\":[\"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"]");
    String summary = err.toString(StandardCharsets.UTF_8);
    assertThat(summary)
        .contains("events:    3")
        .contains("matches:   3")
        .contains("sightings: 2")
        .contains("not_json: 1")
        .contains("events/s");
  }

  @Test
  void printsTheSummaryAsJsonAndExitsTwoWithoutIndicators() throws Exception {
    Path events = Files.writeString(dir.resolve("eve.json"), EVE);
    Path indicators = Files.writeString(dir.resolve("i.json"), INDICATORS);
    assertThat(
            BulwarkMain.execute(
                "cyber",
                "match",
                "--indicators",
                indicators.toString(),
                "--events",
                events.toString(),
                "--format",
                "eve",
                "--json",
                "--observed-data"))
        .isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "{\"events\":3,\"matches\":3,\"held_back\":0,\"sightings\":2,\"rejected\":{\"not_json\":1}");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"type\":\"observed-data\"");
    Path empty = Files.writeString(dir.resolve("none.json"), "[]");
    assertThat(
            BulwarkMain.execute(
                "cyber", "match", "--indicators", empty.toString(), "--events", events.toString()))
        .isEqualTo(2);
  }

  @Test
  void helpWorks() {
    assertThat(BulwarkMain.execute("cyber", "--help")).isZero();
    assertThat(BulwarkMain.execute("cyber", "match", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--indicators").contains("--events");
  }
}
