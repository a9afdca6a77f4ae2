package dev.bulwark.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvRow> rows(String text, List<RowException> errors) throws Exception {
    List<CsvRow> rows = new ArrayList<>();
    new CsvReader(new StringReader(text)).read(rows::add, errors::add);
    return rows;
  }

  @Test
  void readsQuotesNewlinesAndCrlfAndCountsLines() throws Exception {
    List<RowException> errors = new ArrayList<>();
    List<CsvRow> rows =
        rows("\uFEFFa,b\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2,\"multi\nline\"\n3,z\n", errors);
    assertThat(errors).isEmpty();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("a")).contains("1");
    assertThat(rows.get(0).get("b")).contains("x, \"y\"");
    assertThat(rows.get(1).get("b")).contains("multi\nline");
    assertThat(rows.get(2).line()).isEqualTo(6);
  }

  @Test
  void namesTheLineOfAMalformedRowAndGoesOn() throws Exception {
    List<RowException> errors = new ArrayList<>();
    List<CsvRow> rows = rows("a,b\n1\n\"2\"x,3\n4,5\n", errors);
    assertThat(rows).extracting(r -> r.line()).containsExactly(4);
    assertThat(errors).extracting(RowException::line).containsExactly(2, 3);
    assertThat(errors.get(1).reason()).contains("text after a closing quote");
  }

  @Property(tries = 300)
  void quotedFieldsRoundTrip(@ForAll @Size(min = 2, max = 5) List<String> fields) throws Exception {
    List<String> header = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      header.add("c" + i);
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      line.append(i == 0 ? "" : ",")
          .append('"')
          .append(fields.get(i).replace("\"", "\"\""))
          .append('"');
    }
    List<RowException> errors = new ArrayList<>();
    List<CsvRow> rows = rows(String.join(",", header) + "\n" + line + "\n", errors);
    assertThat(errors).isEmpty();
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.fields()).isEqualTo(fields));
  }

  @Property(tries = 500)
  void anyInputEndsInRowsOrErrorsNeverAnException(@ForAll String body) throws Exception {
    List<RowException> errors = new ArrayList<>();
    List<CsvRow> rows = rows("a,b,c\n" + body, errors);
    rows.forEach(r -> assertThat(r.fields()).hasSize(3));
  }
}
