package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark stix pattern match}, the reference matcher's command line, on real files. */
class StixPatternMatchCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalOut;

  private static final String BUNDLE =
      """
      {"type":"bundle","id":"bundle--0b2c8f36-1111-4a8e-9d3c-2d2f4f0e0a01","objects":[
       {"type":"observed-data","spec_version":"2.1",
        "id":"observed-data--6e3f3f8a-2222-4c3e-8a4e-0e6f0e4b6c01",
        "created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
        "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z",
        "number_observed":1,
        "object_refs":["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
                       "network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d"]},
       {"type":"ipv4-addr","spec_version":"2.1",
        "id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"},
       {"type":"network-traffic","spec_version":"2.1",
        "id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
        "dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","dst_port":443,
        "protocols":["tcp"]}]}
      """;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private int run(String patterns) throws Exception {
    Path p = dir.resolve("patterns.txt");
    Path f = dir.resolve("observations.json");
    Files.writeString(p, patterns);
    Files.writeString(f, BUNDLE);
    return BulwarkMain.execute("stix", "pattern", "match", "-p", p.toString(), "-f", f.toString());
  }

  @Test
  void allMatchedExitsZeroAndSkipsBlankAndCommentLines() throws Exception {
    assertThat(
            run(
                "# indicators\n\n[ipv4-addr:value = '198.51.100.3']\n"
                    + "[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24'"
                    + " AND network-traffic:dst_port = 443]\n"))
        .isZero();
    assertThat(output())
        .contains("MATCH: [ipv4-addr:value = '198.51.100.3']")
        .doesNotContain("NO MATCH")
        .doesNotContain("indicators");
  }

  @Test
  void someNotMatchedExitsOne() throws Exception {
    assertThat(run("[ipv4-addr:value = '198.51.100.3']\n[ipv4-addr:value = '203.0.113.1']\n"))
        .isEqualTo(1);
    assertThat(output()).contains("NO MATCH: [ipv4-addr:value = '203.0.113.1']");
  }

  @Test
  void anInvalidPatternOrATypeErrorIsAnErrorWithItsReasonAndExitsTwo() throws Exception {
    assertThat(run("[ipv4-addr:value = ]\n[ipv4-addr:value = t'2015-12-21T19:00:00Z']\n"))
        .isEqualTo(2);
    assertThat(output())
        .contains("ERROR: [ipv4-addr:value = ]: column 20")
        .contains("ERROR: [ipv4-addr:value = t'2015-12-21T19:00:00Z']: Invalid timestamp");
  }

  @Test
  void unreadableObservationsExitTwo() throws Exception {
    Path p = dir.resolve("patterns.txt");
    Files.writeString(p, "[ipv4-addr:value = '198.51.100.3']\n");
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"type\":\"bundle\",\"objects\":[");
    assertThat(
            BulwarkMain.execute("stix", "pattern", "match", "-p", p.toString(), "-f", f.toString()))
        .isEqualTo(2);
    assertThat(
            BulwarkMain.execute(
                "stix",
                "pattern",
                "match",
                "-p",
                p.toString(),
                "-f",
                dir.resolve("missing.json").toString()))
        .isEqualTo(2);
  }

  @Test
  void helpWorks() {
    assertThat(BulwarkMain.execute("stix", "pattern", "--help")).isZero();
    assertThat(BulwarkMain.execute("stix", "pattern", "match", "--help")).isZero();
    assertThat(output()).contains("PATTERNS_FILE").contains("Exit status");
  }
}
