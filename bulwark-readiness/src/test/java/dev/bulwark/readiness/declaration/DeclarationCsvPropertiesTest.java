package dev.bulwark.readiness.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.ally.Allies;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The CSV reader, fuzzed: whatever the text, it returns rows and named errors or says the file is
 * unreadable — never another exception; every good row is in range; and a file of valid rows reads
 * back exactly.
 */
class DeclarationCsvPropertiesTest {
  private final DeclarationCsv csv = new DeclarationCsv(Allies.nato());

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withChars("0123456789-+.eCc").ofMaxLength(12),
        Arbitraries.of(
            "EST", "DEU", "land", "air", "snap-inspected", "2026-01-01", "3", "\"", "\"a,b\"", ""));
  }

  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> row = cells().list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(",", l));
    return row.list()
        .ofMaxSize(8)
        .map(rows -> DeclarationCsvTest.HEADER + "\n" + String.join("\n", rows));
  }

  @Property(tries = 400)
  void anyTextIsReadOrRefusedByLine(@ForAll("files") String text) {
    DeclarationCsv.Result r;
    try {
      r = csv.read(new StringReader(text), "fuzz.csv");
    } catch (DeclarationCsv.UnreadableException e) {
      return;
    }
    r.errors().forEach(e -> assertThat(e.line()).isPositive());
    r.errors().forEach(e -> assertThat(e.reason()).isNotBlank());
    for (DeclarationCsv.Row row : r.rows()) {
      Declaration d = row.declaration();
      assertThat(d.personnel()).isBetween(0, DeclarationCsv.MAX_PERSONNEL);
      assertThat(d.cLevel()).isBetween(1, 5);
      assertThat(Allies.nato().contains(d.nation())).isTrue();
    }
  }

  @Provide
  Arbitrary<List<String[]>> validRows() {
    Arbitrary<String[]> row =
        Combinators.combine(
                Arbitraries.of("EST", "LVA", "POL", "USA"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of(Domain.values()),
                Arbitraries.integers().between(0, 20_000),
                Arbitraries.integers().between(0, 400),
                Arbitraries.of(Status.values()),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 3000))
            .as(
                (n, u, dom, p, ntm, st, c, days) ->
                    new String[] {
                      n,
                      u,
                      dom.code(),
                      "brigade",
                      Integer.toString(p),
                      Integer.toString(ntm),
                      "north",
                      st.code(),
                      Integer.toString(c),
                      LocalDate.of(2020, 1, 1).plusDays(days).toString()
                    });
    return row.list().ofMaxSize(20).uniqueElements(r -> r[0] + r[1] + r[9]);
  }

  @Property(tries = 200)
  void validRowsReadBackExactly(@ForAll("validRows") List<String[]> rows) throws Exception {
    StringBuilder text = new StringBuilder(DeclarationCsvTest.HEADER).append('\n');
    rows.forEach(r -> text.append(String.join(",", r)).append('\n'));
    DeclarationCsv.Result r = csv.read(new StringReader(text.toString()), "ok.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(r.rows()).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Declaration d = r.rows().get(i).declaration();
      assertThat(d.nation()).isEqualTo(rows.get(i)[0]);
      assertThat(d.personnel()).isEqualTo(Integer.parseInt(rows.get(i)[4]));
      assertThat(d.tier()).isEqualTo(Tiers.derive(Integer.parseInt(rows.get(i)[5])));
      assertThat(r.rows().get(i).line()).isEqualTo(i + 2);
    }
  }
}
