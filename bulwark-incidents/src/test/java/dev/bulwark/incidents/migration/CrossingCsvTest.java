package dev.bulwark.incidents.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Problem;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CrossingCsvTest {

  @Test
  void readsAGoodFile() throws Exception {
    CrossingCsv.Result r =
        CrossingCsv.read(
            new StringReader(
                "date,crossing_point,nationality_group,count\n2023-11-18,Vaalimaa,SY,41\n"));
    assertThat(r.ok()).isTrue();
    assertThat(r.counts())
        .containsExactly(
            new CrossingCount(SurgeDetectorTest.SURGE.plusDays(8), "Vaalimaa", "SY", 41));
  }

  @Test
  void everyBadRowIsNamedAndNothingIsKept() throws Exception {
    CrossingCsv.Result r =
        CrossingCsv.read(
            new StringReader(
                "date,crossing_point,nationality_group,count\n"
                    + "2023-11-18,Vaalimaa,SY,41\n"
                    + "18.11.2023,Vaalimaa,SY,4\n"
                    + "2023-11-19,,SY,-1\n"
                    + "2023-11-18,Vaalimaa,SY,2\n"));
    assertThat(r.counts()).isEmpty();
    assertThat(r.problems())
        .extracting(Problem::path)
        .containsExactly(
            "line 3, column date",
            "line 4, column crossing_point",
            "line 4, column count",
            "line 5");
  }
}
