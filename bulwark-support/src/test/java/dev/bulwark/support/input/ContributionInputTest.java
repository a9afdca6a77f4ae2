package dev.bulwark.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contributions as a principal sends them, checked all or nothing: every offending row named, and
 * another nation's rows refused as {@link InputRejected.Kind#NOT_YOURS} (the API's 403) before
 * anything else.
 */
class ContributionInputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HEADER =
      "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source\n";

  private final ContributionInput input =
      new ContributionInput(Allies.nato(), ContributionCsv.standard());

  static String entry(String id, String donor, String date, String amount) {
    return "{\"id\":\""
        + id
        + "\",\"donor\":\""
        + donor
        + "\",\"date\":\""
        + date
        + "\",\"status\":\"delivered\","
        + "\"category\":\"in_kind_donation\",\"channel\":\"bilateral\",\"coalition\":\"drones\",\"amount\":"
        + amount
        + ",\"currency\":\"EUR\",\"valuation\":\"donor_reported\",\"description\":\"test\",\"source\":\"unit test\"}";
  }

  private List<Contribution> json(String body, Optional<String> only) {
    return input.fromJson(JSON.readTree(body), only, Set.of(), () -> "c-new");
  }

  @Test
  void jsonEntriesOfTheOwnNationAreAcceptedAndABlankIdIsMade() {
    List<Contribution> c =
        json(
            "["
                + entry("est-1", "EST", "2022-03-01", "2500000")
                + ","
                + entry("", "EST", "2022-04-01", "10")
                + "]",
            Optional.of("EST"));
    assertThat(c).extracting(Contribution::id).containsExactly("est-1", "c-new");
    assertThat(c.get(0).eur()).isEqualByComparingTo("2500000.00");
  }

  @Test
  void anotherNationsJsonEntryRefusesTheWholeRequestNamingIt() {
    assertThatThrownBy(
            () ->
                json(
                    "["
                        + entry("est-2", "EST", "2022-04-01", "1000")
                        + ","
                        + entry("usa-by-est", "USA", "2022-04-01", "1000")
                        + "]",
                    Optional.of("EST")))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.NOT_YOURS);
              assertThat(e.problems().get(0).where()).isEqualTo("contributions[1].donor");
              assertThat(e.problems().get(0).reason()).contains("USA").contains("EST");
            });
    assertThat(json(entry("usa-1", "USA", "2022-04-01", "1"), Optional.empty())).hasSize(1);
  }

  @Test
  void badJsonEntriesAreNamedByIndexAndField() {
    assertThatThrownBy(
            () ->
                json(
                    "["
                        + entry("j-1", "DEU", "2019-05-01", "10")
                        + ","
                        + entry("j-2", "DEU", "2019-05-01", "10")
                            .replace("\"description\"", "\"colour\"")
                        + ","
                        + entry("j-3", "DEU", "2019-05-01", "\"ten\"")
                        + "]",
                    Optional.empty()))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
              assertThat(e.problems().get(0).where()).isEqualTo("contributions[1].colour");
              assertThat(e.problems().get(1).where()).isEqualTo("contributions[2]");
              assertThat(e.problems().get(1).reason()).contains("amount");
            });
  }

  @Test
  void aCsvWithAnotherNationsRowsIsRefusedWholeNamingTheLines() {
    String csv =
        HEADER
            + "csv-est-1,EST,2020-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "csv-usa-1,USA,2020-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "csv-est-2,EST,2020-03-01,delivered,training,bilateral,,200000,EUR,,donor_reported,,,\n"
            + "csv-lva-1,LVA,2020-03-01,delivered,training,bilateral,,200000,EUR,,donor_reported,,,\n";
    assertThatThrownBy(() -> input.fromCsv(csv, "upload", Optional.of("EST"), Set.of()))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.NOT_YOURS);
              assertThat(e.problems())
                  .extracting(InputRejected.Problem::where)
                  .containsExactly("line 3", "line 5");
            });
    assertThat(input.fromCsv(csv, "upload", Optional.empty(), Set.of())).hasSize(4);
  }

  @Test
  void everyBadCsvRowIsNamedInLineOrder() {
    String csv =
        HEADER
            + "bad-1,XXX,2019-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "good-1,DEU,2019-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "bad-2,DEU,2019-02-01,delivered,training,bilateral,,100000,ZZZ,,donor_reported,,,\n"
            + "bad-3,DEU,1999-02-01,delivered,training,bilateral,,100000,EUR,,donor_reported,,,\n"
            + "bad-4,DEU,2019-02-01,delivered\n";
    assertThatThrownBy(() -> input.fromCsv(csv, "upload", Optional.empty(), Set.of()))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.getMessage()).contains("nothing was stored");
              List<String> where =
                  e.problems().stream().map(p -> p.where() + ": " + p.reason()).toList();
              assertThat(where).hasSize(4);
              assertThat(where.get(0)).startsWith("line 2: ").contains("XXX");
              assertThat(where.get(1)).startsWith("line 4: ").contains("ZZZ");
              assertThat(where.get(2)).startsWith("line 5: ").contains("1999");
              assertThat(where.get(3)).startsWith("line 6: ").contains("malformed");
            });
  }

  @Test
  void aKielReleaseSkipsNonAlliesAndIsRefusedWhenAlreadyImported() {
    String kiel =
        "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\",\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n"
            + "\"Estonia\",\"EST\",2018,1,0.05,0,0.01,0.04,0.07,0.02,30,0.1\n"
            + "\"Germany\",\"DEU\",2018,7,1.5,0.25,0.05,1.2,1.5,0,3600,0.04\n"
            + "\"EU (Commission and Council)\",\"EU\",2018,1,2,2,0,0,2,0,0,0\n";
    assertThatThrownBy(() -> input.fromKiel(kiel, "k", "t1", Optional.of("EST"), Set.of()))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.NOT_YOURS);
              assertThat(e.problems().get(0).where()).isEqualTo("line 3");
            });
    ContributionInput.KielImport k = input.fromKiel(kiel, "k", "t1", Optional.empty(), Set.of());
    assertThat(k.rowsRead()).isEqualTo(3);
    assertThat(k.rowsSkipped()).isEqualTo(1);
    assertThat(k.contributions()).isNotEmpty();
    Set<String> held = Set.copyOf(k.contributions().stream().map(Contribution::id).toList());
    assertThatThrownBy(() -> input.fromKiel(kiel, "k", "t1", Optional.empty(), held))
        .hasMessageContaining("problem")
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> assertThat(e.problems().get(0).reason()).contains("already in the ledger"));
  }

  @Test
  void aBodyThatIsNotObjectsIsRefused() {
    assertThatThrownBy(() -> json("42", Optional.empty()))
        .hasMessage("body: must be a JSON object or an array of objects");
    assertThatThrownBy(() -> json("[]", Optional.empty())).hasMessage("body: no entries");
  }
}
