package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.stix.ForceDeclarationStix;
import dev.bulwark.readiness.stix.ReadinessExtension;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.support.ally.Allies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark readiness import} and {@code summary} on a node's store in a temporary home: the
 * exit codes (0 stored, 1 rows rejected and nothing stored, 2 unreadable), versions by valid_from,
 * the {@code --json} contract, and {@code --help}.
 */
class ReadinessCommandsTest {
  static final String HEADER =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private static final String ROOT = "ROOT";
  private Level previousLevel;

  @BeforeEach
  void setUp() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setProperty("bulwark.home", dir.resolve("home").toString());
    // as BulwarkMain.main does for the file commands: the pool's INFO lines are not the output
    if (LoggerFactory.getLogger(ROOT) instanceof Logger root) {
      previousLevel = root.getLevel();
      root.setLevel(Level.WARN);
    }
  }

  @AfterEach
  void tearDown() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    System.clearProperty("bulwark.home");
    if (LoggerFactory.getLogger(ROOT) instanceof Logger root) {
      root.setLevel(previousLevel);
    }
  }

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private JsonNode summary(String asOf) {
    out.reset();
    assertThat(BulwarkMain.execute("readiness", "summary", "--as-of", asOf, "--json")).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("{");
    return JSON.readTree(printed);
  }

  @Test
  void importsAllOrNothingAndSummarisesTheVersionValidOnTheDate() throws Exception {
    Path good =
        file(
            "good.csv",
            HEADER
                + "EST,1st Infantry Brigade,land,infantry brigade,3500,8,north,exercised,2,2025-01-01\n"
                + "DEU,Panzerbrigade 45,land,armoured brigade,5000,25,north,certified,1,2025-01-01\n"
                + "EST,1st Infantry Brigade,land,infantry brigade,3600,20,north,declared,3,2026-01-01\n");
    assertThat(BulwarkMain.execute("readiness", "import", good.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 3 declarations");

    JsonNode before = summary("2025-06-30");
    assertThat(before.get("tiers").get(0).get("declared").asLong()).isEqualTo(3500);
    assertThat(before.get("tiers").get(0).get("ready").asLong()).isEqualTo(3500);
    assertThat(before.get("tiers").get(0).get("gap").asLong()).isEqualTo(96_500);
    assertThat(before.get("curve")).hasSize(181);
    assertThat(before.get("curve").get(25).get("declared").asLong()).isEqualTo(8500);
    JsonNode after = summary("2026-06-30");
    assertThat(after.get("tiers").get(0).get("declared").asLong()).isZero();
    assertThat(after.get("tiers").get(1).get("declared").asLong()).isEqualTo(8600);
    assertThat(after.get("tiers").get(1).get("ready").asLong()).isEqualTo(5000);
    JsonNode est = ally(after, "EST");
    assertThat(est.get("declared").asLong()).isEqualTo(3600);
    assertThat(est.get("ready").asLong()).isZero();
    assertThat(est.get("fair_share")).hasSize(3);
    assertThat(est.get("fair_share").get(0).get("share").isIntegralNumber()).isTrue();

    Path bad =
        file(
            "bad.csv",
            HEADER
                + "LVA,Mechanised Brigade,land,brigade,2000,10,north,declared,2,2026-01-01\n"
                + "XXX,Ghost,land,brigade,2000,10,north,declared,2,2026-01-01\n"
                + "LVA,Air,air,squadron,200,3,north,declared,9,2026-01-01\n");
    err.reset();
    assertThat(BulwarkMain.execute("readiness", "import", bad.toString())).isEqualTo(1);
    String refused = err.toString(StandardCharsets.UTF_8);
    assertThat(refused).contains("2 bad rows").contains("line 3").contains("line 4");
    assertThat(ally(summary("2026-06-30"), "LVA").get("declared").asLong())
        .as("nothing of a refused file is stored")
        .isZero();
  }

  @Test
  void stixValidateAcceptsAForceDeclarationAndItsExtensionDefinition() throws Exception {
    Declaration d =
        new DeclarationCsv(Allies.nato())
            .read(
                new StringReader(
                    HEADER
                        + "EST,1st Infantry Brigade,land,infantry brigade,3500,8,north,exercised,2,"
                        + "2025-01-01\n"),
                "one.csv")
            .rows()
            .get(0)
            .declaration();
    StixObject version =
        ForceDeclarationStix.toStix(
            d,
            "2026-12-07T10:00:00.000Z",
            "2026-12-07T10:00:00.000Z",
            List.of(Tlp.AMBER.markingDefinitionId()));
    Path bundle =
        file(
            "declaration.json",
            new StixCodec().writeBundle(List.of(ReadinessExtension.definition(), version)));
    assertThat(BulwarkMain.execute("stix", "validate", bundle.toString()))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
  }

  @Test
  void anUnreadableFileExitsTwo() throws Exception {
    assertThat(BulwarkMain.execute("readiness", "import", dir.resolve("missing.csv").toString()))
        .isEqualTo(2);
    assertThat(BulwarkMain.execute("readiness", "import", file("empty.csv", "").toString()))
        .isEqualTo(2);
  }

  @Test
  void helpWorksForEveryReadinessCommand() {
    assertThat(BulwarkMain.execute("readiness", "--help")).isZero();
    assertThat(BulwarkMain.execute("readiness", "import", "--help")).isZero();
    assertThat(BulwarkMain.execute("readiness", "summary", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("notice_to_move_days")
        .contains("--as-of");
  }

  private static JsonNode ally(JsonNode summary, String iso3) {
    for (JsonNode a : summary.get("allies")) {
      if (a.get("iso3").asString().equals(iso3)) {
        return a;
      }
    }
    throw new AssertionError("no ally " + iso3);
  }
}
