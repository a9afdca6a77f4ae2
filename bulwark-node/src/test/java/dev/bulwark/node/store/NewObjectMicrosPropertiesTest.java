package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link NewObject#micros} reads the STIX timestamp form itself: it must agree with {@link
 * Instant#parse} on every string, valid or not.
 */
class NewObjectMicrosPropertiesTest {

  private static long reference(String s) {
    Instant i = Instant.parse(s);
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000L);
  }

  @Provide
  Arbitrary<String> stixTimestamps() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L);
    Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
    Arbitrary<Integer> digits = Arbitraries.integers().between(0, 9);
    return Combinators.combine(seconds, nanos, digits)
        .as(
            (s, n, d) -> {
              String base = Instant.ofEpochSecond(s).toString(); // ...THH:MM:SSZ
              String head = base.substring(0, base.length() - 1);
              String fraction = d == 0 ? "" : "." + String.format("%09d", n).substring(0, d);
              return head + fraction + "Z";
            });
  }

  @Property(tries = 3000)
  void agreesWithInstantParseOnStixTimestamps(@ForAll("stixTimestamps") String timestamp) {
    assertThat(NewObject.micros(timestamp)).as(timestamp).isEqualTo(reference(timestamp));
  }

  @Provide
  Arbitrary<String> nearMisses() {
    // a valid timestamp with one character replaced, removed or added
    Arbitrary<Character> chars =
        Arbitraries.of('0', '1', '2', '3', '5', '9', ':', '-', '.', 'T', 'Z', 'z', '+', ' ');
    return Combinators.combine(
            stixTimestamps(),
            Arbitraries.integers().between(0, 29),
            chars,
            Arbitraries.integers().between(0, 2))
        .as(
            (s, at, c, how) -> {
              int i = Math.min(at, s.length() - 1);
              return switch (how) {
                case 0 -> s.substring(0, i) + c + s.substring(i + 1);
                case 1 -> s.substring(0, i) + s.substring(i + 1);
                default -> s.substring(0, i) + c + s.substring(i);
              };
            });
  }

  @Property(tries = 5000)
  void agreesWithInstantParseOnNearMisses(@ForAll("nearMisses") String text) {
    long expected;
    try {
      expected = reference(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      assertThatThrownBy(() -> NewObject.micros(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(NewObject.micros(text)).as(text).isEqualTo(expected);
  }

  @Example
  void calendarEdges() {
    for (String s :
        new String[] {
          "2024-02-29T23:59:59.999999Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
          "2000-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "1969-12-31T23:59:59.999Z",
          "0000-01-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z",
          "2024-13-01T00:00:00Z", "2024-01-01T00:00:00.123456789Z"
        }) {
      long expected;
      try {
        expected = reference(s);
      } catch (DateTimeParseException e) {
        assertThatThrownBy(() -> NewObject.micros(s))
            .as(s)
            .isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      assertThat(NewObject.micros(s)).as(s).isEqualTo(expected);
    }
  }
}
