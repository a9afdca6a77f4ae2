package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The support commands' {@code --json} output is the API's JSON: the same fields, all snake_case.
 */
class SupportJsonCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  private JsonNode output() {
    return JSON.readTree(captured.toString(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      for (var f : n.properties()) {
        out.add(f.getKey());
        out.addAll(fieldNames(f.getValue()));
      }
    } else if (n.isArray()) {
      n.values().forEach(v -> out.addAll(fieldNames(v)));
    }
    return out;
  }

  @Test
  void allocateJsonIsTheApisAllocation() throws Exception {
    Path reqs = dir.resolve("requirements.csv");
    Files.writeString(
        reqs,
        "id,coalition,item,quantity,unit_value_eur,priority,need_by\n"
            + "r1,drones,fpv drones,1000,500,1,2030-06-30\n");
    Path offers = dir.resolve("offers.csv");
    Files.writeString(
        offers,
        "id,ally,kind,coalition,item,quantity,available_from\n"
            + "o1,EST,items,drones,fpv drones,600,2030-01-01\n");
    int exit =
        BulwarkMain.execute(
            "support",
            "allocate",
            "--requirements",
            reqs.toString(),
            "--offers",
            offers.toString(),
            "--year",
            "2025",
            "--json");
    assertThat(exit).isEqualTo(1);
    JsonNode a = output();
    assertThat(fieldNames(a)).allMatch(f -> f.matches("[a-z0-9_]+"));
    assertThat(a.path("year").asInt()).isEqualTo(2025);
    assertThat(a.path("shortfall_eur").asDouble()).isEqualTo(200_000.0);
    JsonNode r = a.path("requirements").path(0);
    assertThat(r.path("id").asString()).isEqualTo("r1");
    assertThat(r.path("shortfall_units").asDouble()).isEqualTo(400.0);
    assertThat(r.path("filled_by").path(0).path("offer").asString()).isEqualTo("o1");
    assertThat(a.path("allies").path(0).has("deviation_eur")).isTrue();
  }

  @Test
  void forecastJsonIsTheApisForecastWithTheWhatIf() throws Exception {
    int exit =
        BulwarkMain.execute(
            "support",
            "forecast",
            "--from",
            "2031-01-01",
            "--years",
            "1",
            "--what-if",
            "DEU=2",
            "--json");
    assertThat(exit).isEqualTo(1);
    JsonNode f = output();
    assertThat(fieldNames(f)).allMatch(x -> x.matches("[a-z0-9_]+"));
    assertThat(f.path("forecast").path("quarters")).hasSize(4);
    assertThat(f.path("forecast").path("quarters").path(0).path("need_eur").asString())
        .isEqualTo("10000000000.00");
    assertThat(f.path("what_if").path("changes").path(0).path("ally").asString()).isEqualTo("DEU");
  }
}
