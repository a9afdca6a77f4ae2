package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Times;
import dev.bulwark.cyber.sensor.tree.TreeTimes;
import dev.bulwark.stix.StixTimestamps;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The hand-written timestamp reading and writing of {@link Times} against what it replaced: RFC
 * 3339 reading against the earlier reader ({@code LocalDate}, offsets through {@code substring})
 * kept as {@link TreeTimes}, and writing against {@link StixTimestamps#formatMicros} (a {@code
 * DateTimeFormatter}).
 */
class TimesEqualsTreeTest {
  private static final String CHARS = "0123456789-:T Zz+.\u0663x";

  @Property(tries = 5000)
  void readsAsBefore(@ForAll long seed) {
    Random r = new Random(seed);
    String s =
        String.format(
            "%04d-%02d-%02d%s%02d:%02d:%02d%s%s",
            r.nextInt(3) == 0 ? r.nextInt(10_000) : 1970 + r.nextInt(100),
            r.nextInt(14),
            r.nextInt(33),
            r.nextBoolean() ? "T" : " ",
            r.nextInt(25),
            r.nextInt(61),
            r.nextInt(62),
            r.nextBoolean() ? "" : "." + r.nextInt(10_000_000),
            switch (r.nextInt(6)) {
              case 0 -> "";
              case 1 -> "Z";
              case 2 -> String.format("+%02d%02d", r.nextInt(30), r.nextInt(70));
              case 3 -> String.format("-%02d:%02d", r.nextInt(30), r.nextInt(70));
              case 4 -> "+0:1:00";
              default -> "z";
            });
    for (int n = r.nextInt(3); n > 0 && !s.isEmpty(); n--) {
      int at = r.nextInt(s.length());
      s =
          r.nextBoolean()
              ? s.substring(0, at) + CHARS.charAt(r.nextInt(CHARS.length())) + s.substring(at + 1)
              : s.substring(0, at);
    }
    assertThat(Times.rfc3339(s)).as(s).isEqualTo(TreeTimes.rfc3339(s));
  }

  @Property(tries = 5000)
  void writesAsBefore(
      @ForAll @LongRange(min = -70_000_000_000_000_000L, max = 300_000_000_000_000_000L)
          long micros) {
    assertThat(Times.formatMicros(micros)).isEqualTo(StixTimestamps.formatMicros(micros));
  }

  @Property(tries = 2000)
  void writesRecentTimesAsBefore(
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros) {
    assertThat(Times.formatMicros(micros)).isEqualTo(StixTimestamps.formatMicros(micros));
  }
}
