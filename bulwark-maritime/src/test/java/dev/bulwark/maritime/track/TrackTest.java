package dev.bulwark.maritime.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.model.PositionReport;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class TrackTest {

  static PositionReport at(long t, double lat, double sog, double cog) {
    return new PositionReport(230_000_001, t, lat, 25.0, sog, cog, -1, 0, false);
  }

  @Test
  void oneReportEvery2SecondsFor3DaysStaysWithinCapacityAndWindow() {
    Track track = new Track(TrackPolicy.DEFAULT);
    long t0 = 1_700_000_000_000L;
    int n = 3 * 24 * 1800;
    for (int i = 0; i < n; i++) {
      double cog = (i / 600) % 2 == 0 ? 90 : 180; // a 90-degree turn every 20 minutes
      track.add(at(t0 + i * 2_000L, 59 + i * 1e-6, 10 + (i % 7) * 0.05, cog));
    }
    assertThat(track.size()).isLessThanOrEqualTo(TrackPolicy.DEFAULT.capacity());
    long newest = track.time(track.size() - 1);
    assertThat(newest - track.time(0)).isLessThanOrEqualTo(TrackPolicy.DEFAULT.windowMillis());
    assertThat(track.retainedBytes())
        .isLessThanOrEqualTo(64 + 7 * 16 + 18L * TrackPolicy.DEFAULT.capacity());
    // Every turn of the last 24 h is still there.
    int turns = 0;
    for (int i = 1; i < track.size(); i++) {
      if (track.cog(i) != track.cog(i - 1)) {
        turns++;
      }
    }
    assertThat(turns).isGreaterThanOrEqualTo(24 * 3 - 2);
  }

  @Test
  void steadyReportsAreDownSampledToOneEvery30Seconds() {
    Track track = new Track(TrackPolicy.DEFAULT);
    for (int i = 0; i <= 360; i++) {
      track.add(at(i * 10_000L, 59 + i * 1e-5, 10, 90));
    }
    assertThat(track.size()).isBetween(120, 125);
    assertThat(track.time(track.size() - 1)).isEqualTo(3_600_000L);
  }

  @Test
  void speedChangesAndGapsAreKept() {
    Track track = new Track(TrackPolicy.DEFAULT);
    track.add(at(0, 59, 10, 90));
    track.add(at(5_000, 59.001, 10, 90));
    track.add(at(10_000, 59.002, 7, 90));
    track.add(at(10_000 + 200_000, 59.01, 7, 90));
    assertThat(track.size()).isEqualTo(4);
    assertThat(track.isKey(2)).isTrue();
    assertThat(track.isKey(3)).isTrue();
  }

  @Test
  void olderReportsAndExactDuplicatesAreNotStored() {
    Track track = new Track(TrackPolicy.DEFAULT);
    assertThat(track.add(at(10_000, 59, 10, 90))).isTrue();
    assertThat(track.add(at(5_000, 59, 10, 90))).isFalse();
    assertThat(track.add(at(10_000, 59, 10, 90))).isFalse();
  }

  @Test
  void meanSpeedIsWeightedByTime() {
    Track track = new Track(TrackPolicy.DEFAULT);
    track.add(at(0, 59, 10, 90));
    track.add(at(60_000, 59.01, 4, 90));
    track.add(at(180_000, 59.02, 4, 90));
    assertThat(track.meanSog(0))
        .isCloseTo((10 * 60_000 + 4 * 120_000 + 4) / 180_001.0, Assertions.within(0.001));
  }

  @Property(tries = 100)
  void anyInputKeepsTimesAscendingAndSizeBounded(
      @ForAll @Size(max = 3000) List<@IntRange(min = -5_000, max = 600_000) Integer> steps,
      @ForAll @IntRange(min = 8, max = 200) int capacity) {
    Track track = new Track(new TrackPolicy(3_600_000L, capacity, 30_000L, 10, 1, 180_000L));
    long t = 0;
    int k = 0;
    for (int s : steps) {
      t += s;
      k++;
      track.add(at(t, 59 + (k % 50) * 1e-3, (k * 7) % 20, (k * 37) % 360));
    }
    assertThat(track.size()).isLessThanOrEqualTo(capacity);
    for (int i = 1; i < track.size(); i++) {
      assertThat(track.time(i)).isGreaterThanOrEqualTo(track.time(i - 1));
    }
  }
}
