package dev.bulwark.maritime.vessel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.model.StaticReport;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class VesselRegistryTest {

  @Test
  void mergesType24PartsAndRecordsChangesButNotFirstReports() {
    VesselRegistry r = new VesselRegistry();
    assertThat(r.apply(new StaticReport(244_000_001, 1, 0, "YACHT@@@@", "", 0, ""))).isEmpty();
    assertThat(r.apply(new StaticReport(244_000_001, 2, 0, "", "PBY1", 37, ""))).isEmpty();
    VesselIdentity id = r.identity(244_000_001);
    assertThat(id.name()).isEqualTo("YACHT");
    assertThat(id.callSign()).isEqualTo("PBY1");
    assertThat(id.shipType()).isEqualTo(37);
    assertThat(id.flag()).contains("NLD");
    var changes = r.apply(new StaticReport(244_000_001, 3, 0, "OTHER NAME", "PBY1", 37, ""));
    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo(IdentityChange.Field.NAME);
              assertThat(c.before()).isEqualTo("YACHT");
              assertThat(c.after()).isEqualTo("OTHER NAME");
            });
    assertThat(r.history(244_000_001)).hasSize(1);
  }

  @Test
  void sameImoUnderANewMmsiIsAnMmsiAndFlagChange() {
    VesselRegistry r = new VesselRegistry();
    r.apply(new StaticReport(273_000_001, 1, 9_000_001, "SHADOW", "UABC", 80, ""));
    var changes = r.apply(new StaticReport(620_000_001, 2, 9_000_001, "SHADOW", "D6XX", 80, ""));
    assertThat(changes)
        .extracting(IdentityChange::field)
        .contains(IdentityChange.Field.MMSI, IdentityChange.Field.FLAG);
    assertThat(r.mmsiOfImo(9_000_001)).contains(620_000_001);
    assertThat(
            changes.stream()
                .filter(c -> c.field() == IdentityChange.Field.FLAG)
                .findFirst()
                .orElseThrow()
                .after())
        .isEqualTo("COM");
  }

  @Test
  void historyIsBounded() {
    VesselRegistry r = new VesselRegistry();
    for (int i = 0; i < 100; i++) {
      r.apply(new StaticReport(230_000_001, i, 0, "NAME " + i, "", 0, ""));
    }
    assertThat(r.history(230_000_001)).hasSize(VesselRegistry.HISTORY_LIMIT);
  }

  @Test
  void vesselListReadsAnyColumnOrderAndReportsBadRows() {
    VesselList l =
        VesselList.read(
            new StringReader(
                "reason,name,imo,mmsi\nsanctions,Eagle S,9329760,518998000\n,,,\nx,,abc,\n"),
            "w.csv");
    assertThat(l.entries()).hasSize(1);
    assertThat(l.problems()).hasSize(2);
    assertThat(l.problems().get(1)).contains("w.csv:4").contains("imo is not a number");
    assertThat(l.match(new VesselIdentity(1, 9_329_760, "", "", 0, ""))).isPresent();
    assertThat(l.match(new VesselIdentity(1, 0, "EAGLE S", "", 0, ""))).isPresent();
    assertThat(l.match(new VesselIdentity(2, 0, "OTHER", "", 0, ""))).isEmpty();
  }

  @Property(tries = 200)
  void anyCsvTextReadsOrFailsOnItsHeaderOnly(@ForAll String text) {
    try {
      VesselList l = VesselList.read(new StringReader("mmsi,imo,name\n" + text), "f.csv");
      assertThat(l.entries().size() + l.problems().size())
          .isLessThanOrEqualTo(text.split("\n", -1).length + 1);
    } catch (IllegalArgumentException e) {
      throw new AssertionError("a valid header must never fail", e);
    }
  }
}
