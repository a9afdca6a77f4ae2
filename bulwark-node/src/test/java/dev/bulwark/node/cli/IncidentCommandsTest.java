package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.attribution.Attribution;
import dev.bulwark.incidents.attribution.AttributionStix;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.incidents.CampaignRejections;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.stix.markings.Tlp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark incident import} and {@code list} on a real embedded store, as a user runs them.
 */
class IncidentCommandsTest {
  static final String HEADER = "name,kind,first_seen,latitude,longitude,tlp,imo,kind_fields\n";
  static final String GOOD =
      HEADER
          + "Estlink 2 severed,sabotage-undersea,2024-12-25T10:26:00Z,59.9,25.0,amber,9329760,"
          + "\"{\"\"asset_type\"\":\"\"cable\"\",\"\"asset_name\"\":\"\"Estlink 2\"\"}\"\n"
          + "Jamming over Gotland,gnss-interference,2024-03-03T08:00:00Z,,,green,,"
          + "\"{\"\"mode\"\":\"\"jamming\"\"}\"\n";

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

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private List<JsonNode> listed() throws Exception {
    output();
    assertThat(BulwarkMain.execute("incident", "list", "--json")).isZero();
    JsonMapper m = JsonMapper.builder().build();
    // the test's logging shares stdout with the command; the command's lines are the JSON ones
    return output().lines().filter(l -> l.startsWith("{")).map(m::readTree).toList();
  }

  @Test
  void aCsvFileIsStoredOnceAndListedWithItsFields() throws Exception {
    Path csv = file("register.csv", GOOD);
    assertThat(BulwarkMain.execute("incident", "import", csv.toString())).isZero();
    assertThat(output()).contains("register.csv: 2 stored, 0 already held");
    assertThat(BulwarkMain.execute("incident", "import", "--format", "csv", csv.toString()))
        .isZero();
    assertThat(output()).contains("0 stored, 2 already held");
    List<JsonNode> rows = listed();
    assertThat(rows).hasSize(2);
    JsonNode gnss = rows.get(0);
    assertThat(gnss.path("kind").asString()).isEqualTo("gnss-interference");
    assertThat(gnss.has("location")).isFalse();
    JsonNode cable = rows.get(1);
    assertThat(cable.path("kind").asString()).isEqualTo("sabotage-undersea");
    assertThat(cable.path("status").asString()).isEqualTo("reported");
    assertThat(cable.path("first_seen").asString()).isEqualTo("2024-12-25T10:26:00.000Z");
    assertThat(cable.path("location").path("lat").asDouble()).isEqualTo(59.9);
    assertThat(cable.path("origin").asString()).isNotBlank();
    assertThat(cable.path("id").asString()).startsWith("incident--");
  }

  @Test
  void aCsvFileWithOneBadRowIsRejectedWholeWithEachLineAndReason() throws Exception {
    Path csv =
        file(
            "bad.csv",
            GOOD
                + "Fire,arson,not-a-time,,,,,\"{\"\"target\"\":\"\"depot\"\"}\"\n"
                + "X,moon-landing,2024-01-01T00:00:00Z,,,,,\n");
    assertThat(BulwarkMain.execute("incident", "import", csv.toString())).isEqualTo(1);
    assertThat(output())
        .contains("bad.csv: rejected, nothing stored")
        .contains("line 4, column first_seen")
        .contains("line 5, column kind: unknown kind \"moon-landing\"");
    assertThat(listed()).isEmpty();
  }

  @Test
  void aStixBundleIsStoredAllOrNothingAndTheOasisExampleIsRepairedWithAWarning() throws Exception {
    Incident i =
        Incident.reported(
            "Drones over Olkiluoto",
            "",
            new ActDetails.DroneOverflight("Olkiluoto NPP", Optional.of(3), List.of()),
            Instant.parse("2025-01-10T20:00:00Z"),
            Optional.of(new GeoPoint(61.23, 21.44)),
            Entities.NONE,
            List.of(Tlp.GREEN.markingDefinitionId()),
            "analyst@FIN",
            Instant.parse("2025-01-10T21:00:00Z"),
            "analyst");
    String incident = IncidentStix.firstVersion(i, Instant.parse("2025-01-10T21:00:00Z")).toJson();
    Path good =
        file(
            "one.json",
            "{\"type\":\"bundle\",\"id\":\"bundle--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb4\",\"objects\":["
                + incident
                + "]}");
    Path oasis =
        Path.of(
            "../bulwark-stix/src/test/resources/dev/bulwark/stix/data/incident-core/examples/incident_ransom.json");
    assertThat(BulwarkMain.execute("incident", "import", good.toString(), oasis.toString()))
        .isZero();
    assertThat(output())
        .contains("one.json: 1 stored")
        .contains("incident_ransom.json: ")
        .contains("warning")
        .contains("successful-attempt");
    String broken =
        incident
            .replace(i.id(), "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
            .replace("\"drone-overflight\"", "\"drone-swarm\"");
    Path bad =
        file(
            "two.json",
            "{\"type\":\"bundle\",\"id\":\"bundle--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb5\",\"objects\":["
                + incident.replace(i.id(), "incident--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                + ","
                + broken
                + "]}");
    assertThat(BulwarkMain.execute("incident", "import", bad.toString())).isEqualTo(1);
    assertThat(output())
        .contains("two.json: rejected, nothing stored")
        .contains("/kind: unknown kind drone-swarm");
    assertThat(listed())
        .extracting(r -> r.path("id").asString())
        .doesNotContain("incident--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
  }

  @Test
  void anAttributionInABundleMeetsTheSameRuleAsInTheApi() throws Exception {
    // the library's AttributionStix.check, as the API applies it: a state-responsibility level is
    // required, so an attributed-to relationship without one rejects its file
    String ext = BulwarkExtensions.ATTRIBUTION;
    String rel =
        "{\"type\":\"relationship\",\"spec_version\":\"2.1\","
            + "\"id\":\"relationship--6d2b8f0e-1c1a-4f6e-9a55-3e0d2b7c9a11\","
            + "\"created\":\"2025-01-10T21:00:00.000Z\",\"modified\":\"2025-01-10T21:00:00.000Z\","
            + "\"relationship_type\":\"attributed-to\","
            + "\"source_ref\":\"incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
            + "\"target_ref\":\"identity--0f4b7a0e-3a2e-4c1d-9f53-0d1f6a1b2c3d\",\"confidence\":70,"
            + "\"extensions\":{\""
            + ext
            + "\":{\"extension_type\":\"property-extension\",\"assessing_nation\":\"EST\","
            + "\"estimative_term\":\"estimative-language:likelihood-probability=\\\"likely\\\"\","
            + "\"admiralty_reliability\":\"B\",\"admiralty_credibility\":\"2\"}}}";
    Path bad =
        file(
            "attribution.json",
            "{\"type\":\"bundle\",\"id\":\"bundle--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb6\","
                + "\"objects\":["
                + rel
                + "]}");
    assertThat(BulwarkMain.execute("incident", "import", bad.toString())).isEqualTo(1);
    assertThat(output())
        .contains("attribution.json: rejected, nothing stored")
        .contains("state_responsibility");
  }

  @Test
  void campaignSuggestLinksIncidentsSharingAVesselAndSaysWhy() throws Exception {
    String csv =
        "name,kind,first_seen,latitude,longitude,imo,kind_fields\n"
            + "Balticconnector,sabotage-undersea,2023-10-08T01:20:00Z,59.9,24.5,9867839,"
            + "\"{\"\"asset_type\"\":\"\"pipeline\"\",\"\"asset_name\"\":\"\"Balticconnector\"\"}\"\n"
            + "EE-FI cable,sabotage-undersea,2023-10-08T02:00:00Z,59.8,24.4,9867839,"
            + "\"{\"\"asset_type\"\":\"\"cable\"\",\"\"asset_name\"\":\"\"EE-FI\"\"}\"\n"
            + "Arson,arson,2021-05-01T00:00:00Z,54.7,25.3,,\"{\"\"target\"\":\"\"depot\"\"}\"\n";
    assertThat(BulwarkMain.execute("incident", "import", file("c.csv", csv).toString())).isZero();
    output();
    assertThat(BulwarkMain.execute("campaign", "suggest", "--json")).isZero();
    JsonMapper m = JsonMapper.builder().build();
    List<JsonNode> s = output().lines().filter(l -> l.startsWith("{")).map(m::readTree).toList();
    assertThat(s).hasSize(1);
    assertThat(s.get(0).path("incidents")).hasSize(2);
    assertThat(s.get(0).path("score").asDouble()).isGreaterThan(0.5);
    assertThat(s.get(0).path("reasons").toString()).contains("same IMO 9867839");

    // rejected on the campaign board (the API records it so): the command line leaves it out too
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      List<String> ids = new ArrayList<>();
      s.get(0).path("incidents").forEach(i -> ids.add(i.asString()));
      new CampaignRejections(stores.dataSource)
          .reject(settings.nation(), s.get(0).path("id").asString(), ids, "test", 0L);
    }
    output();
    assertThat(BulwarkMain.execute("campaign", "suggest", "--json")).isZero();
    assertThat(output().lines().filter(l -> l.startsWith("{"))).isEmpty();
    assertThat(BulwarkMain.execute("campaign", "suggest", "--help")).isZero();
    assertThat(BulwarkMain.execute("campaign", "--help")).isZero();
  }

  @Test
  void sanctionsExportWritesTheVesselsOfTheReadableEvidenceAsFtm() throws Exception {
    assertThat(BulwarkMain.execute("incident", "import", file("r.csv", GOOD).toString())).isZero();
    Path out = dir.resolve("proposal.ftm.json");
    assertThat(
            BulwarkMain.execute(
                "sanctions",
                "export",
                "--format",
                "ftm",
                "--out",
                out.toString(),
                "--listing-date",
                "2025-03-01"))
        .isZero();
    JsonMapper m = JsonMapper.builder().build();
    List<JsonNode> lines = Files.readAllLines(out).stream().map(m::readTree).toList();
    assertThat(lines)
        .extracting(l -> l.path("schema").asString())
        .containsExactly("Vessel", "Sanction");
    assertThat(lines.get(0).path("properties").path("imoNumber").toString()).contains("IMO9329760");
    assertThat(lines.get(1).path("properties").path("status").toString()).contains("proposed");
    assertThat(
            BulwarkMain.execute(
                "sanctions",
                "export",
                "--format",
                "ftm",
                "--campaign",
                "campaign--3e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
        .isEqualTo(1);
    assertThat(BulwarkMain.execute("sanctions", "export", "--format", "csv")).isEqualTo(2);
    for (String[] help :
        new String[][] {{"sanctions", "--help"}, {"sanctions", "export", "--help"}}) {
      assertThat(BulwarkMain.execute(help)).isZero();
    }
  }

  @Test
  void aStateAttributedByTwoNationsIsExportedOnceAsAPublicBody() throws Exception {
    assertThat(BulwarkMain.execute("incident", "import", file("r.csv", GOOD).toString())).isZero();
    output();
    assertThat(BulwarkMain.execute("incident", "list", "--json")).isZero();
    JsonMapper m = JsonMapper.builder().build();
    String incident =
        m.readTree(output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow())
            .path("id")
            .asString();
    List<String> objects = new ArrayList<>();
    String[][] byNation = {
      {"EST", "identity--11111111-3a2e-4c1d-9f53-0d1f6a1b2c3d"},
      {"FIN", "identity--22222222-3a2e-4c1d-9f53-0d1f6a1b2c3d"}
    };
    for (String[] n : byNation) {
      objects.add(
          "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
              + n[1]
              + "\",\"created\":\"2025-01-10T21:00:00.000Z\",\"modified\":\"2025-01-10T21:00:00.000Z\","
              + "\"name\":\"Russian Federation\",\"identity_class\":\"organization\","
              + "\"sectors\":[\"government-national\"]}");
      objects.add(
          AttributionStix.relationship(
                  new Attribution(
                      incident,
                      n[1],
                      70,
                      "estimative-language:likelihood-probability=\"likely\"",
                      "B",
                      "2",
                      "state-coordinated",
                      n[0],
                      "",
                      List.of(),
                      Optional.empty()),
                  Instant.parse("2025-01-10T21:00:00Z"))
              .json()
              .toString());
    }
    Path bundle =
        file(
            "states.json",
            "{\"type\":\"bundle\",\"id\":\"bundle--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb7\","
                + "\"objects\":["
                + String.join(",", objects)
                + "]}");
    assertThat(BulwarkMain.execute("incident", "import", bundle.toString())).isZero();
    Path out = dir.resolve("states.ftm.json");
    assertThat(
            BulwarkMain.execute("sanctions", "export", "--format", "ftm", "--out", out.toString()))
        .isZero();
    List<JsonNode> lines = Files.readAllLines(out).stream().map(m::readTree).toList();
    assertThat(lines)
        .extracting(l -> l.path("schema").asString())
        .containsExactlyInAnyOrder("Vessel", "PublicBody", "Sanction", "Sanction");
    JsonNode state =
        lines.stream()
            .filter(l -> l.path("schema").asString().equals("PublicBody"))
            .findFirst()
            .orElseThrow();
    assertThat(state.path("properties").path("name").toString()).contains("Russian Federation");
    assertThat(state.path("properties").path("notes").toString())
        .contains(byNation[0][1])
        .contains(byNation[1][1]);
  }

  @Test
  void aMissingFileExitsTwo() {
    assertThat(BulwarkMain.execute("incident", "import", dir.resolve("none.csv").toString()))
        .isEqualTo(2);
    assertThat(output()).contains("no such file");
  }

  @Test
  void everyRegisterCommandHasHelp() {
    for (List<String> cmd :
        List.of(
            List.of("incident", "--help"),
            List.of("incident", "import", "--help"),
            List.of("incident", "list", "--help"))) {
      assertThat(BulwarkMain.execute(cmd.toArray(String[]::new))).as(cmd.toString()).isZero();
      assertThat(output()).as(cmd.toString()).contains("Usage: bulwark " + cmd.get(0));
    }
  }
}
