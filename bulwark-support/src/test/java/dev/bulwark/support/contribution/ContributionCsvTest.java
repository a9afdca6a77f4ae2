package dev.bulwark.support.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.csv.RowError;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributionCsvTest {

  private static final String HEADER = String.join(",", ContributionCsv.HEADER) + "\n";
  private final ContributionCsv csv = ContributionCsv.standard();

  @Test
  void readsAGoodFileAndConvertsToEuros() throws Exception {
    String file =
        HEADER
            + "N1,NOR,2023-05-10,delivered,in_kind_donation,bilateral,air_and_missile_defence,1056590000,NOK,,book_value,,NASAMS launchers,https://example.org/n1\n"
            + "D1,DEU,2024-02-01,commitment,equipment-purchase,nato,,250000000,EUR,,contract_price,,\"shells, 155 mm\",\n"
            + "D2,DEU,2024-03-01,delivered,equipment_purchase,nato,,-10000000,EUR,-10000000,contract_price,,correction of D1,\n";
    ImportResult r = csv.read(new StringReader(file), "good.csv", Set.of());
    assertThat(r.errors()).isEmpty();
    Contribution n1 = r.contributions().get(0);
    // By hand: NOK 1,056,590,000 / 10.5659 NOK per USD * 0.9245 EUR per USD = EUR 92,450,000.00
    assertThat(n1.eur()).isEqualByComparingTo("92450000.00");
    assertThat(n1.fxBasis()).isEqualTo("annual average rates 2023");
    assertThat(r.contributions().get(1).description()).isEqualTo("shells, 155 mm");
    assertThat(r.contributions().get(1).id()).isEqualTo("D1");
    assertThat(r.contributions().get(2).isCorrection()).isTrue();
  }

  @Test
  void reportsEveryBadRowByLineAndAcceptsNothingIntoTheLedger(@TempDir Path dir) throws Exception {
    String file =
        HEADER
            + "A,EST,2024-01-10,delivered,training,bilateral,,1000,EUR,,contract_price,,,\n"
            + "B,XYZ,2024-01-10,delivered,training,bilateral,,1000,EUR,,contract_price,,,\n"
            + "C,GBR,2024-01-10,delivered,training,bilateral,,1000,GBP,,contract_price,,,\n"
            + "D,EST,1999-01-10,delivered,training,bilateral,,1000,EUR,,contract_price,,,\n"
            + "E,EST,2024-01-10,delivered,training\n"
            + "F,EST,2024-01-10,sent,training,bilateral,,1000,EUR,,contract_price,,,\n"
            + "A,EST,2024-01-11,delivered,training,bilateral,,5,EUR,,contract_price,,,\n"
            + "G,EST,2024-13-01,delivered,training,bilateral,,5,EUR,,contract_price,,,\n"
            + "H,EST,2024-01-10,delivered,training,bilateral,,\"1000,EUR,,contract_price,,,\n";
    ImportResult r = csv.read(new StringReader(file), "bad.csv", Set.of());

    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(RowError::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(r.errors().get(0).reason()).contains("unknown ally code 'XYZ'");
    assertThat(r.errors().get(1).reason()).contains("currency without a rate").contains("GBP");
    assertThat(r.errors().get(2).reason()).contains("date 1999-01-10 out of range");
    assertThat(r.errors().get(3).reason())
        .contains("malformed row: 5 fields where the header has 14");
    assertThat(r.errors().get(4).reason()).contains("unknown status 'sent'");
    assertThat(r.errors().get(5).reason()).contains("duplicate id 'A'");
    assertThat(r.errors().get(6).reason()).contains("date is not YYYY-MM-DD");
    assertThat(r.errors().get(7).reason()).contains("unterminated quoted field");
    assertThat(r.errors().get(0).toString()).startsWith("bad.csv:3: ");

    ContributionLedger ledger = new ContributionLedger(dir);
    assertThat(ledger.append(r)).isFalse();
    assertThat(Files.exists(ledger.file())).isFalse();
    assertThat(ledger.load()).isEmpty();
  }

  @Test
  void ledgerKeepsWhatWasAppendedAndRefusesReusedIds(@TempDir Path dir) throws Exception {
    ContributionLedger ledger = new ContributionLedger(dir);
    String first =
        HEADER
            + "A,EST,2024-01-10,delivered,training,bilateral,demining,1000.5,EUR,,contract_price,,\"says \"\"hi\"\"\",src\n";
    assertThat(ledger.append(csv.read(new StringReader(first), "1.csv", ledger.ids()))).isTrue();
    ImportResult again = csv.read(new StringReader(first), "1.csv", ledger.ids());
    assertThat(again.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("duplicate id 'A'"));
    String second =
        HEADER + "B,LVA,2024-02-10,pledge,nato_trust_fund,nato,,2000,EUR,,donor_reported,,,\n";
    assertThat(ledger.append(csv.read(new StringReader(second), "2.csv", ledger.ids()))).isTrue();

    List<Contribution> all = ledger.load();
    assertThat(all).extracting(Contribution::id).containsExactly("A", "B");
    assertThat(all.get(0).description()).isEqualTo("says \"hi\"");
    assertThat(all.get(0).coalition()).contains(Coalition.DEMINING);
    StringWriter w = new StringWriter();
    ContributionCsv.write(all, w);
    assertThat(csv.read(new StringReader(w.toString()), "round", Set.of()).contributions())
        .isEqualTo(all);
  }

  @Property(tries = 300)
  void garbageNeverThrowsAndNeverHalfImports(@ForAll String body) throws Exception {
    ImportResult r = csv.read(new StringReader(HEADER + body), "fuzz", Set.of());
    assertThat(r.contributions().size() + r.errors().size())
        .isLessThanOrEqualTo(Math.max(1, r.rowsRead()) + 1);
  }
}
