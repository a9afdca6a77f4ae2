package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bulwark stix} commands as a person at a terminal uses them, on real files. */
class StixCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    System.setProperty("bulwark.home", dir.resolve("home").toString());
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.clearProperty("bulwark.home");
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private Path example() throws Exception {
    Path file = dir.resolve("indicator.json");
    try (var in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/stix/indicator-for-c2-ip-address.json"))) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void validateExitsZeroForValidContent() throws Exception {
    assertThat(BulwarkMain.execute("stix", "validate", example().toString())).isZero();
    assertThat(output()).contains("0 invalid");
  }

  @Test
  void validateExitsOneAndNamesThePathRuleAndSectionOfEachError() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\","
            + "\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
            + "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2016-01-01T00:00:00Z\"}");
    assertThat(BulwarkMain.execute("stix", "validate", bad.toString())).isEqualTo(1);
    assertThat(output()).contains("$.pattern").contains("§");
  }

  @Test
  void validateJsonReportIsMachineReadable() throws Exception {
    assertThat(BulwarkMain.execute("stix", "validate", "--json", example().toString())).isZero();
    assertThat(output()).contains("\"invalid\" : 0");
  }

  @Test
  void validateExitsTwoForAMissingOrUnparseableFile() throws Exception {
    assertThat(BulwarkMain.execute("stix", "validate", dir.resolve("missing.json").toString()))
        .isEqualTo(2);
    Path truncated = dir.resolve("truncated.json");
    Files.writeString(truncated, "{\"type\":\"bundle\",\"objects\":[{\"type\":");
    assertThat(BulwarkMain.execute("stix", "validate", truncated.toString())).isEqualTo(2);
  }

  @Test
  void interopProfileAddsTheProfileRulesAndNamesTheProfile() throws Exception {
    // The OASIS example indicator is valid STIX 2.1 but has no created_by_ref.
    Path file = example();
    assertThat(BulwarkMain.execute("stix", "validate", "--profile", "interop", file.toString()))
        .isEqualTo(1);
    assertThat(output())
        .contains(
            "$.created_by_ref [interop-required-property, STIX 2.1 Interop §interop/indicator.json]")
        .contains("checked against STIX 2.1 (errata 01) + OASIS STIX 2.1 interoperability profile");
    captured.reset();
    assertThat(
            BulwarkMain.execute(
                "stix", "validate", "--json", "--profile", "INTEROP", file.toString()))
        .isEqualTo(1);
    assertThat(output())
        .contains("\"profile\" : \"interop\"")
        .contains("\"rule\" : \"interop-required-property\"")
        .contains("\"section\" : \"interop/indicator.json\"");
    captured.reset();
    assertThat(BulwarkMain.execute("stix", "validate", "--json", file.toString())).isZero();
    assertThat(output()).contains("\"profile\" : \"stix-2.1\"");
  }

  @Test
  void anUnknownProfileIsAUsageError() throws Exception {
    assertThat(BulwarkMain.execute("stix", "validate", "--profile", "strict", example().toString()))
        .isEqualTo(2);
  }

  @Test
  void importStoresIntoTheHomeDatabaseAndASecondImportStoresNothingNew() throws Exception {
    Path file = example();
    assertThat(BulwarkMain.execute("stix", "import", file.toString(), "--collection", "intel"))
        .isZero();
    assertThat(output()).contains("created collection intel").contains("1 stored");
    captured.reset();
    assertThat(BulwarkMain.execute("stix", "import", file.toString(), "--collection", "intel"))
        .isZero();
    assertThat(output()).contains("0 stored").contains("1 skipped as duplicates");
  }
}
