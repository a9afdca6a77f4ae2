package dev.bulwark.node.taxii.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixTimestamps;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The parsers of untrusted request input: filters, next tokens, timestamps and media types. */
class TaxiiParsersPropertiesTest {
  private static final Set<String> ALL = Set.of("id", "type", "version", "spec_version");

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("0123456789-TZ:.,firstlal").ofMaxLength(40),
        Arbitraries.of(
            "all",
            "first",
            "last",
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.123456Z",
            "",
            ",",
            "all,first"));
  }

  @Property(tries = 500)
  void anyFilterValueIsAcceptedOrA400(@ForAll("junk") String value, @ForAll("param") String param) {
    try {
      TaxiiFilters f =
          TaxiiFilters.parse(
              Map.of(param, new String[] {value}), ALL, VersionMatch.LAST, 100, 1000);
      assertThat(f.limit()).isBetween(1, 1000);
    } catch (TaxiiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> param() {
    return Arbitraries.of(
        "added_after",
        "limit",
        "next",
        "match[id]",
        "match[type]",
        "match[version]",
        "match[spec_version]",
        "match[x]");
  }

  @Property(tries = 300)
  void nextTokensRoundTripAndNothingElseVerifies(
      @ForAll @LongRange(min = 0) long position,
      @ForAll("junk") String forged,
      @ForAll("junk") String binding) {
    CursorCodec codec = new CursorCodec("test key".getBytes());
    String token = codec.encode(position, binding);
    assertThat(codec.decode(token, binding)).contains(position);
    assertThat(codec.decode(token, binding + "x")).isEmpty();
    assertThat(new CursorCodec("other key".getBytes()).decode(token, binding)).isEmpty();
    if (!forged.equals(token)) {
      assertThat(codec.decode(forged, binding)).isEmpty();
    }
  }

  @Property(tries = 300)
  void timestampsRoundTripAtMicrosecondPrecision(
      @ForAll @LongRange(min = 0, max = 253_402_300_799_000_000L) long micros) {
    assertThat(StixTimestamps.parseMicros(StixTimestamps.formatMicros(micros)))
        .isEqualTo(Optional.of(micros));
  }

  @Property(tries = 300)
  void mediaTypeChecksNeverThrow(@ForAll("junk") String header) {
    MediaTypes.accepts(header);
    MediaTypes.isTaxiiContent(header);
  }
}
