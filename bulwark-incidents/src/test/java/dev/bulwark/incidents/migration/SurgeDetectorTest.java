package dev.bulwark.incidents.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.stix.IncidentStix;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SurgeDetectorTest {

  static final LocalDate FROM = LocalDate.parse("2020-01-01");
  static final LocalDate SURGE = LocalDate.parse("2023-11-10");

  @Test
  void findsTheNovember2023ShapeAtTheSurgingPointsOnly() {
    List<CrossingCount> counts =
        SyntheticCrossings.series(
            List.of("Vaalimaa", "Nuijamaa", "Imatra", "Salla"),
            List.of("Vaalimaa", "Nuijamaa"),
            FROM,
            LocalDate.parse("2023-12-31"),
            SURGE,
            20,
            7);
    List<Surge> surges = new SurgeDetector().detect(counts);
    assertThat(surges).extracting(Surge::crossingPoint).containsExactly("Nuijamaa", "Vaalimaa");
    for (Surge s : surges) {
      assertThat(s.start()).isBetween(SURGE, SURGE.plusDays(5));
      assertThat(s.end()).isBetween(SURGE.plusDays(15), SURGE.plusDays(19));
      assertThat(s.peakCount()).isGreaterThan(40);
      assertThat(s.baseline()).isLessThan(2);
      assertThat(s.series()).isNotEmpty();
    }
  }

  @Test
  void aBusyButSteadyPointNeverSurges() {
    List<CrossingCount> counts = new ArrayList<>();
    for (int d = 0; d < 2000; d++) {
      counts.add(new CrossingCount(FROM.plusDays(d), "Busy", "all", 200 + (d * 37 % 41) - 20));
    }
    assertThat(new SurgeDetector().detect(counts)).isEmpty();
  }

  @Test
  void aSurgeIsAnIncidentOfItsKindWithItsSeriesAndAStableId() {
    List<CrossingCount> counts =
        SyntheticCrossings.series(
            List.of("Vaalimaa"),
            List.of("Vaalimaa"),
            FROM,
            LocalDate.parse("2023-12-31"),
            SURGE,
            20,
            3);
    Surge s = new SurgeDetector().detect(counts).get(0);
    Incident i =
        SurgeIncidents.incident(
            s, List.of(), "surge-detector", Instant.parse("2023-12-01T00:00:00Z"));
    assertThat(i.kind()).isEqualTo(ActKind.INSTRUMENTALISED_MIGRATION);
    assertThat(i.id()).isEqualTo(SurgeIncidents.incidentId(s));
    assertThat(
            IncidentStix.fromStix(
                IncidentStix.firstVersion(i, Instant.parse("2023-12-01T00:00:00Z"))))
        .isEqualTo(i);
  }

  @Property
  void anySeriesIsScannedWithinItsDays(
      @ForAll @Size(max = 400) List<@IntRange(max = 500) Integer> days) {
    int[] series = days.stream().mapToInt(Integer::intValue).toArray();
    for (Surge s : new SurgeDetector().scan("p", FROM, series)) {
      assertThat(s.start()).isAfterOrEqualTo(FROM.plusDays(28));
      assertThat(s.end()).isBefore(FROM.plusDays(series.length));
      assertThat(s.peakCount()).isGreaterThanOrEqualTo((int) Math.ceil(s.threshold()));
    }
  }
}
