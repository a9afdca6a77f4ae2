package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The hand-written timestamp check agrees with java.time on real instants and on arbitrary text.
 */
class StixTimestampsValidityPropertiesTest {

  private static final DateTimeFormatter BASE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private static String format(long epochSecond, int nanos, int digits) {
    String base = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(BASE);
    String frac = String.format("%09d", nanos).substring(0, digits);
    return base + (digits == 0 ? "" : "." + frac) + "Z";
  }

  @Property(tries = 500)
  void realInstantsAreValidAndOrderedLikeInstants(
      @ForAll @LongRange(min = 0, max = 253_402_300_799L) long a,
      @ForAll @LongRange(min = 0, max = 253_402_300_799L) long b,
      @ForAll @IntRange(min = 0, max = 999_999_999) int na,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nb,
      @ForAll @IntRange(min = 0, max = 9) int da,
      @ForAll @IntRange(min = 0, max = 9) int db) {
    String ta = format(a, na, da);
    String tb = format(b, nb, db);
    assertThat(StixTimestamps.isValid(ta)).as(ta).isTrue();
    assertThat(StixTimestamps.fractionDigits(ta)).isEqualTo(da);
    Instant ia = Instant.parse(ta);
    Instant ib = Instant.parse(tb);
    assertThat(Integer.signum(StixTimestamps.compare(ta, tb)))
        .as(ta + " vs " + tb)
        .isEqualTo(Integer.signum(ia.compareTo(ib)));
  }

  @Provide
  Arbitrary<String> nearlyTimestamps() {
    return Arbitraries.strings()
        .withChars("0123456789-:TZ.+ tz")
        .ofMinLength(18)
        .ofMaxLength(26)
        .injectDuplicates(0.01)
        .edgeCases(c -> c.add("2016-02-29T00:00:00Z"));
  }

  @Property(tries = 1000)
  void arbitraryTextIsJudgedLikeJavaTime(@ForAll("nearlyTimestamps") String s) {
    assertThat(StixTimestamps.isValid(s)).as(s).isEqualTo(reference(s));
  }

  /**
   * STIX form by pattern, calendar validity by java.time (leap second 60 accepted as RFC 3339
   * does).
   */
  private static boolean reference(String s) {
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")) {
      return false;
    }
    String noLeap =
        s.substring(17, 19).equals("60") ? s.substring(0, 17) + "59" + s.substring(19) : s;
    try {
      LocalDateTime.parse(noLeap.substring(0, 19), BASE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
