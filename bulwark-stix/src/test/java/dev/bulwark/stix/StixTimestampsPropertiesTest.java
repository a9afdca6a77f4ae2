package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The formats STIX and TAXII need, byte for byte, and their round trips. */
class StixTimestampsPropertiesTest {

  @Test
  void formatsAreFixedWidth() {
    assertThat(StixTimestamps.formatMillis(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(StixTimestamps.formatMicros(1)).isEqualTo("1970-01-01T00:00:00.000001Z");
    assertThat(StixTimestamps.formatMicros(-1)).isEqualTo("1969-12-31T23:59:59.999999Z");
    assertThat(StixTimestamps.formatMillis(Instant.parse("2026-11-28T10:15:00.250999Z")))
        .isEqualTo("2026-11-28T10:15:00.250Z");
    assertThat(StixTimestamps.parseMicros("2026-11-28T10:15:00")).isEmpty();
    assertThat(StixTimestamps.parseMicros(null)).isEmpty();
    assertThat(StixTimestamps.parseMicros("1970-01-01T00:00:00.0000019Z")).contains(1L);
  }

  @Property(tries = 500)
  void millisRoundTrip(@ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long millis) {
    String s = StixTimestamps.formatMillis(millis);
    assertThat(s).hasSize(24);
    assertThat(StixTimestamps.isValid(s)).isTrue();
    assertThat(StixTimestamps.fractionDigits(s)).isEqualTo(3);
    assertThat(StixTimestamps.toMillis(s)).isEqualTo(millis);
  }

  @Property(tries = 500)
  void microsRoundTripAndOrder(
      @ForAll @LongRange(min = 0, max = 253_402_300_799_999_999L) long a,
      @ForAll @LongRange(min = 0, max = 253_402_300_799_999_999L) long b) {
    String sa = StixTimestamps.formatMicros(a);
    String sb = StixTimestamps.formatMicros(b);
    assertThat(StixTimestamps.parseMicros(sa)).isEqualTo(Optional.of(a));
    assertThat(Integer.signum(StixTimestamps.compare(sa, sb)))
        .isEqualTo(Long.signum(Long.compare(a, b)));
  }
}
