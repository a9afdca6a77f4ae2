package dev.bulwark.readiness.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.csv.RowError;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeclarationCsvTest {
  static final String HEADER =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from";

  private final DeclarationCsv csv = new DeclarationCsv(Allies.nato());

  DeclarationCsv.Result read(String text) throws Exception {
    return csv.read(new StringReader(text), "test.csv");
  }

  @Test
  void readsRequiredAndOptionalColumns() throws Exception {
    DeclarationCsv.Result r =
        read(
            HEADER
                + ",tier,p_level,s_level,r_level,t_level,equipment,releasable_to\n"
                + "est,1st Infantry Brigade,land,infantry brigade,3500,10,north,exercised,C2,"
                + "2026-01-01,,2,1,2,2,ifv=44;sph=18,NATO\n"
                + "DEU,Panzerbrigade 45,LAND,armoured brigade,5000,25,north,certified,3,2026-03-01,"
                + "1,,,,,,\n");
    assertThat(r.errors()).isEmpty();
    Declaration a = r.rows().get(0).declaration();
    assertThat(a.nation()).isEqualTo("EST");
    assertThat(a.tier()).isEqualTo(1);
    assertThat(a.ready()).isTrue();
    assertThat(a.status().verified()).isTrue();
    assertThat(a.equipment()).containsEntry("ifv", 44).containsEntry("sph", 18);
    assertThat(a.sub().personnel()).hasValue(2);
    assertThat(r.rows().get(0).releasableTo()).containsExactly("NATO");
    Declaration b = r.rows().get(1).declaration();
    assertThat(b.tier()).as("stated tier wins over notice to move").isEqualTo(1);
    assertThat(b.ready()).isFalse();
    assertThat(b.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void tierIsDerivedFromNoticeToMove() {
    assertThat(Tiers.derive(0)).isEqualTo(1);
    assertThat(Tiers.derive(10)).isEqualTo(1);
    assertThat(Tiers.derive(11)).isEqualTo(2);
    assertThat(Tiers.derive(30)).isEqualTo(2);
    assertThat(Tiers.derive(31)).isEqualTo(3);
    assertThat(Tiers.derive(180)).isEqualTo(3);
    assertThat(Tiers.derive(181)).isEqualTo(Tiers.NONE);
    assertThat(Tiers.cumulativeTarget(9)).isZero();
    assertThat(Tiers.cumulativeTarget(10)).isEqualTo(100_000);
    assertThat(Tiers.cumulativeTarget(30)).isEqualTo(300_000);
    assertThat(Tiers.cumulativeTarget(180)).isEqualTo(800_000);
  }

  @Test
  void namesEveryBadRowWithLineAndReason() throws Exception {
    DeclarationCsv.Result r =
        read(
            HEADER
                + "\n"
                + "XXX,u,land,t,1,1,north,declared,1,2026-01-01\n"
                + "EST,u,sea,t,1,1,north,declared,1,2026-01-01\n"
                + "EST,u,land,t,-5,1,north,declared,1,2026-01-01\n"
                + "EST,u,land,t,1,1,north,declared,6,2026-01-01\n"
                + "EST,u,land,t,1,1,north,rumoured,1,2026-01-01\n"
                + "EST,u,land,t,1,1,north,declared,1,2026-13-01\n"
                + "EST,u,land,t,1,1,,declared,1,2026-01-01\n"
                + "EST,u,land,t,1,1,north,declared,1,2026-01-01\n"
                + "EST,u,land,t,1,1,north,declared,1,2026-01-01\n"
                + "EST,u,land,t,1\n");
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(RowError::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11);
    assertThat(r.errors().get(0).reason()).contains("XXX").contains("not an ally");
    assertThat(r.errors().get(1).reason()).contains("domain");
    assertThat(r.errors().get(2).reason()).contains("personnel");
    assertThat(r.errors().get(3).reason()).contains("c_level");
    assertThat(r.errors().get(4).reason()).contains("status");
    assertThat(r.errors().get(5).reason()).contains("valid_from");
    assertThat(r.errors().get(6).reason()).contains("regional_plan");
    assertThat(r.errors().get(7).reason()).contains("line 9");
    assertThat(r.errors().get(8).reason()).contains("fields");
  }

  @Test
  void aMissingRequiredColumnRefusesTheFile() throws Exception {
    DeclarationCsv.Result r = read("nation,unit,domain\nEST,u,land\n");
    assertThat(r.ok()).isFalse();
    assertThat(r.rows()).isEmpty();
    assertThat(r.errors().get(0).line()).isEqualTo(1);
    assertThat(r.errors().get(0).reason()).contains("personnel").contains("valid_from");
  }

  @Test
  void anEmptyFileIsUnreadable() {
    assertThatThrownBy(() -> read("")).isInstanceOf(DeclarationCsv.UnreadableException.class);
  }
}
