package dev.bulwark.support.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.RowError;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AllocationCsvTest {

  private final AllocationCsv csv = new AllocationCsv(Allies.nato());

  @Test
  void readsRequirementsAndOffers() throws Exception {
    var reqs =
        csv.requirements(
            new StringReader(
                "id,coalition,item,quantity,unit_value_eur,priority,need_by\nR1,air-and-missile-defence,interceptor,12,1500000,1,2025-06-30\n"),
            "r.csv");
    var offers =
        csv.offers(
            new StringReader(
                "id,ally,kind,coalition,item,quantity,available_from\nO1,deu,items,air_and_missile_defence,interceptor,4,2025-03-01\nO2,NOR,funds,,,5000000,2025-01-01\n"),
            "o.csv");
    assertThat(reqs.errors()).isEmpty();
    assertThat(offers.errors()).isEmpty();
    assertThat(offers.items().get(0).ally()).isEqualTo("DEU");
    assertThat(offers.items().get(1).coalition()).isEmpty();
    assertThat(offers.items().get(0).canFill(reqs.items().get(0))).isTrue();
  }

  @Test
  void namesEveryBadRow() throws Exception {
    var offers =
        csv.offers(
            new StringReader(
                "id,ally,kind,coalition,item,quantity,available_from\n"
                    + "O1,XXX,items,armour,tank,4,2025-03-01\n"
                    + "O2,DEU,gifts,armour,tank,4,2025-03-01\n"
                    + "O3,DEU,items,armour,tank,-4,2025-03-01\n"
                    + "O4,DEU,items,,tank,4,2025-03-01\n"
                    + "O5,DEU,items,navy,tank,4,2025-03-01\n"
                    + "O6,DEU,items,armour,tank,4,3025-03-01\n"),
            "o.csv");
    assertThat(offers.items()).isEmpty();
    assertThat(offers.errors()).extracting(RowError::line).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(offers.errors())
        .extracting(RowError::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("unknown ally code 'XXX'"),
            r -> assertThat(r).contains("kind must be items or funds"),
            r -> assertThat(r).contains("quantity must be a positive number"),
            r -> assertThat(r).contains("items need a coalition and an item"),
            r -> assertThat(r).contains("unknown coalition 'navy'"),
            r -> assertThat(r).contains("out of range"));
    var reqs =
        csv.requirements(
            new StringReader(
                "id,coalition,item,quantity,unit_value_eur,priority,need_by\nR1,armour,tank,1,1,9,2025-01-01\n"),
            "r.csv");
    assertThat(reqs.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("priority must be 1..5"));
  }

  @Property(tries = 300)
  void garbageGivesErrorsNotExceptions(@ForAll String body) throws Exception {
    csv.requirements(
        new StringReader("id,coalition,item,quantity,unit_value_eur,priority,need_by\n" + body),
        "fuzz");
    csv.offers(
        new StringReader("id,ally,kind,coalition,item,quantity,available_from\n" + body), "fuzz");
  }
}
