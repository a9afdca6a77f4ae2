package dev.bulwark.support.kiel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KielImporterTest {

  private final KielImporter importer = new KielImporter(Allies.nato());
  private static final String HEADER =
      "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\",\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n";

  @Test
  void importsAlliedRowsAsAllocationsAndCommitmentChanges() throws Exception {
    KielImporter.Result r;
    try (var in =
        new InputStreamReader(
            getClass().getResourceAsStream("kiel_synthetic_data_explorer.csv"),
            StandardCharsets.UTF_8)) {
      r = importer.read(in, "fixture", "r0");
    }
    assertThat(r.errors()).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.rowsSkipped()).isEqualTo(2);
    assertThat(r.skippedDonors()).containsExactly("EU (Commission and Council)", "Japan");
    Contribution estMil =
        r.contributions().stream()
            .filter(c -> c.id().equals("kiel:r0:EST:2024-01:military"))
            .findFirst()
            .orElseThrow();
    assertThat(estMil.eur()).isEqualByComparingTo("40000000");
    assertThat(estMil.status()).isEqualTo(Status.ALLOCATION);
    assertThat(estMil.category()).isEqualTo(Category.MILITARY_UNSPECIFIED);
    assertThat(estMil.date()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(estMil.source()).contains(KielImporter.CITATION);
    // 3 entries for EST Jan (mil, hum, to-be-allocated), 2 for Feb (hum, -to-be-allocated), 4 for
    // DEU Jul minus zero unallocated = 3, DEU Sep 2
    assertThat(r.contributions()).hasSize(3 + 2 + 3 + 2);
    BigDecimal deuMilitary =
        r.contributions().stream()
            .filter(c -> c.donor().equals("DEU") && c.category() == Category.MILITARY_UNSPECIFIED)
            .map(Contribution::eur)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(deuMilitary).isEqualByComparingTo("1100000000"); // 1.2 bn less a 0.1 bn correction
    assertThat(r.contributions())
        .anyMatch(c -> c.isCorrection() && c.category() == Category.UNALLOCATED);
  }

  @Test
  void reportsEveryBadRowWithItsLine() throws Exception {
    String csv =
        HEADER
            + "\"Estonia\",\"EST\",2024,13,0.05,0,0.01,0.04,0.07,0.02,38,0.1\n"
            + "\"Estonia\",\"EST\",2024,1,lots,0,0.01,0.04,0.07,0.02,38,0.1\n"
            + "\"Estonia\",\"EST\",2024,1,0.05,0\n"
            + "\"Estonia\",\"EST\",2024,2,0.09,0,0.01,0.04,0.07,0.02,38,0.1\n"
            + "\"Latvia\",\"LVA\",2024,2,0.05,0,0.01,0.04,0.07,0.02,38,0.1\n";
    KielImporter.Result r = importer.read(new StringReader(csv), "bad.csv", "r1");
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(e -> e.line()).containsExactly(2, 3, 4, 5);
    assertThat(r.errors().get(0).reason()).contains("month 13 out of range");
    assertThat(r.errors().get(1).reason()).contains("total is not a number: 'lots'");
    assertThat(r.errors().get(2).reason()).contains("malformed row");
    assertThat(r.errors().get(3).reason()).contains("is not financial + humanitarian + military");
  }

  @Test
  void refusesAFileThatIsNotATrackerRelease() throws Exception {
    KielImporter.Result r = importer.read(new StringReader("a,b\n1,2\n"), "x.csv", "r1");
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("not a Kiel tracker data_explorer.csv"));
  }

  @Property(tries = 300)
  void neverThrowsOnGarbage(@ForAll String body) throws Exception {
    KielImporter.Result r = importer.read(new StringReader(HEADER + body), "fuzz", "f");
    assertThat(r.rowsRead()).isGreaterThanOrEqualTo(0);
  }
}
