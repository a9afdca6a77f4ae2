package dev.bulwark.incidents.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IncidentCsvTest {

  static final String HEADER = "name,kind,first_seen,latitude,longitude,tlp,imo,mmsi,kind_fields\n";

  static IncidentCsv.Result read(String text) throws Exception {
    return IncidentCsv.read(new StringReader(text), "importer@FIN");
  }

  @Test
  void readsEveryColumnAndANameBasedId() throws Exception {
    String csv =
        HEADER
            + "Estlink 2 severed,sabotage-undersea,2024-12-25T10:26:00Z,59.9,25.0,amber,9329760,518998000,"
            + "\"{\"\"asset_type\"\":\"\"cable\"\",\"\"asset_name\"\":\"\"Estlink 2\"\"}\"\n";
    IncidentCsv.Result r = read(csv);
    assertThat(r.problems()).isEmpty();
    Incident i = r.incidents().get(0);
    assertThat(i.kind()).isEqualTo(ActKind.UNDERSEA_SABOTAGE);
    assertThat(((ActDetails.UnderseaSabotage) i.details()).assetName()).isEqualTo("Estlink 2");
    assertThat(i.entities().imo()).containsExactly("9329760");
    assertThat(i.location()).isPresent();
    assertThat(i.source()).isEqualTo("csv");
    assertThat(read(csv).incidents().get(0).id()).isEqualTo(i.id());
  }

  @Test
  void oneBadRowRejectsTheFileAndEveryBadRowIsNamed() throws Exception {
    String csv =
        HEADER
            + "ok,arson,2024-01-01T00:00:00Z,,,,,,\"{\"\"target\"\":\"\"depot\"\"}\"\n"
            + "bad kind,sabotage-moon,2024-01-01T00:00:00Z,,,,,,\n"
            + "bad time,arson,yesterday,,,,,,\"{\"\"target\"\":\"\"x\"\"}\"\n"
            + "bad fields,sabotage-undersea,2024-01-01T00:00:00Z,,,,123,,\"{\"\"asset_type\"\":\"\"bridge\"\"}\"\n"
            + "short,arson\n";
    IncidentCsv.Result r = read(csv);
    assertThat(r.incidents()).isEmpty();
    assertThat(r.problems())
        .extracting(Problem::path)
        .contains(
            "line 3, column kind",
            "line 4, column first_seen",
            "line 5, column imo",
            "line 5, column kind_fields /asset_type",
            "line 5, column kind_fields /asset_name",
            "line 6");
    assertThat(r.problems()).noneMatch(p -> p.path().startsWith("line 2"));
  }

  @Test
  void anUnknownColumnOrAMissingOneRejectsTheHeader() throws Exception {
    assertThat(read("name,kind,when\n").problems())
        .extracting(Problem::reason)
        .contains("unknown column \"when\"", "missing column \"first_seen\"");
  }
}
