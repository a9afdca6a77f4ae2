package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.incidents.migration.SyntheticCrossings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bulwark migration import} and {@code surges} on a real embedded store. */
class MigrationCommandsTest {
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
    String s = captured.toString(StandardCharsets.UTF_8);
    captured.reset();
    return s;
  }

  private List<JsonNode> json(String... args) {
    output();
    assertThat(BulwarkMain.execute(args)).isZero();
    JsonMapper m = JsonMapper.builder().build();
    return output().lines().filter(l -> l.startsWith("{")).map(m::readTree).toList();
  }

  @Test
  void importedCountsRaiseEachSurgeOnceAsAnIncident() throws Exception {
    List<CrossingCount> counts =
        SyntheticCrossings.series(
            List.of("Vaalimaa", "Nuijamaa", "Salla"),
            List.of("Vaalimaa", "Nuijamaa"),
            LocalDate.parse("2022-01-01"),
            LocalDate.parse("2023-12-15"),
            LocalDate.parse("2023-11-10"),
            20,
            11);
    StringBuilder csv = new StringBuilder("date,crossing_point,nationality_group,count\n");
    counts.forEach(
        c ->
            csv.append(c.date())
                .append(',')
                .append(c.crossingPoint())
                .append(',')
                .append(c.nationalityGroup())
                .append(',')
                .append(c.count())
                .append('\n'));
    Path file = dir.resolve("crossings.csv");
    Files.writeString(file, csv);
    assertThat(BulwarkMain.execute("migration", "import", file.toString())).isZero();
    assertThat(output()).contains(counts.size() + " counts added, 0 replaced");

    List<JsonNode> surges = json("migration", "surges", "--json");
    assertThat(surges)
        .extracting(s -> s.path("crossing_point").asString())
        .containsExactly("Nuijamaa", "Vaalimaa");
    for (JsonNode s : surges) {
      assertThat(s.path("start").asString()).startsWith("2023-11-1");
      assertThat(s.path("peak_count").asInt()).isGreaterThan(40);
      assertThat(s.path("baseline").asDouble()).isLessThan(2);
      assertThat(s.path("incident_id").asString()).startsWith("incident--");
    }
    List<JsonNode> incidents = json("incident", "list", "--json");
    assertThat(incidents)
        .extracting(i -> i.path("id").asString())
        .containsExactlyInAnyOrder(
            surges.get(0).path("incident_id").asString(),
            surges.get(1).path("incident_id").asString());
    assertThat(incidents)
        .allMatch(i -> i.path("kind").asString().equals("instrumentalised-migration"));

    assertThat(BulwarkMain.execute("migration", "surges")).isZero();
    assertThat(output()).contains("2 surge(s); 0 incident version(s) stored");
  }

  @Test
  void aBadFileIsRejectedWholeWithLines() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(
        file,
        "date,crossing_point,nationality_group,count\n2023-11-18,Vaalimaa,SY,4\n2023-11-19,Vaalimaa,SY,many\n");
    assertThat(BulwarkMain.execute("migration", "import", file.toString())).isEqualTo(1);
    assertThat(output()).contains("rejected, nothing stored").contains("line 3, column count");
    assertThat(json("migration", "surges", "--json")).isEmpty();
  }

  @Test
  void everyMigrationCommandHasHelp() {
    for (List<String> cmd :
        List.of(
            List.of("migration", "--help"),
            List.of("migration", "import", "--help"),
            List.of("migration", "surges", "--help"))) {
      assertThat(BulwarkMain.execute(cmd.toArray(String[]::new))).as(cmd.toString()).isZero();
      assertThat(output()).contains("Usage: bulwark migration");
    }
  }
}
