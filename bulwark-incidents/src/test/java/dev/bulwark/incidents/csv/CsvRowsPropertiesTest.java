package dev.bulwark.incidents.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CsvRowsPropertiesTest {

  @Property
  void quotedFieldsComeBackAsWritten(
      @ForAll @Size(min = 1, max = 5) List<@StringLength(max = 30) String> fields)
      throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      line.append(i == 0 ? "" : ",")
          .append('"')
          .append(fields.get(i).replace("\"", "\"\""))
          .append('"');
    }
    List<CsvRows.Row> rows = CsvRows.read(new StringReader(line + "\r\n"), 10, 1000);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).fields()).isEqualTo(fields);
  }

  @Property
  void anyTextIsReadOrRefusedWithALineNeverCrashes(@ForAll @StringLength(max = 200) String text) {
    try {
      CsvRows.read(new StringReader(text), 50, 100);
    } catch (CsvRows.CsvException e) {
      assertThat(e.line()).isPositive();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Property
  void anyTextAsAnIncidentFileIsAcceptedOrRejectedWithProblems(
      @ForAll @StringLength(max = 300) String text) throws IOException {
    IncidentCsv.Result r =
        IncidentCsv.read(new StringReader(IncidentCsvTest.HEADER + text), "fuzz");
    assertThat(r.ok() ? r.problems().isEmpty() : r.incidents().isEmpty()).isTrue();
  }
}
