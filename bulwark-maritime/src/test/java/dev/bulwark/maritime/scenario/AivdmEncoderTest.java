package dev.bulwark.maritime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.PositionReportClassA;
import dev.bulwark.ais.PositionReportClassB;
import dev.bulwark.ais.StaticDataReportA;
import dev.bulwark.ais.StaticDataReportB;
import dev.bulwark.ais.StaticVoyageData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** What our encoder writes, bulwark-ais must decode to the same values. */
class AivdmEncoderTest {

  static List<DecodedMessage> decode(List<String> lines) {
    List<DecodedMessage> out = new ArrayList<>();
    AisDecoder d = AisDecoder.builder(out::add).source("test").build();
    lines.forEach(d::accept);
    d.finish();
    assertThat(d.counters().snapshot().rejectedTotal()).isZero();
    return out;
  }

  @Test
  void type1WithTagBlockDecodesWithItsTime() {
    AivdmEncoder enc = new AivdmEncoder();
    List<String> lines = new ArrayList<>();
    for (String s : enc.type1(518_000_001, 1, 59.95123, 26.13456, 7.3, 265.4, 266, 10)) {
      lines.add(AivdmEncoder.tagBlock(1_735_120_000L) + s);
    }
    assertThat(lines.get(0)).startsWith("\\c:1735120000*").contains("!AIVDM,1,1,,A,1");
    List<DecodedMessage> m = decode(lines);
    assertThat(m).hasSize(1);
    assertThat(m.get(0).receivedAt()).contains(Instant.ofEpochSecond(1_735_120_000L));
    PositionReportClassA a = (PositionReportClassA) m.get(0).message();
    assertThat(a.mmsi()).isEqualTo(518_000_001);
    assertThat(a.status()).isEqualTo(1);
    assertThat(a.lat() / 600_000.0).isCloseTo(59.95123, within(1e-6));
    assertThat(a.lon() / 600_000.0).isCloseTo(26.13456, within(1e-6));
    assertThat(a.speed()).isEqualTo(73);
    assertThat(a.course()).isEqualTo(2654);
    assertThat(a.heading()).isEqualTo(266);
    assertThat(a.second()).isEqualTo(10);
  }

  @Test
  void type5SpansTwoSentencesAndKeepsItsText() {
    AivdmEncoder enc = new AivdmEncoder();
    List<String> s =
        enc.type5(414_000_001, 9_000_002, "BYP3", "SCENARIO YIPENG", 70, 225, 32, 9.5, "PORT SAID");
    assertThat(s).hasSize(2);
    StaticVoyageData v = (StaticVoyageData) decode(s).get(0).message();
    assertThat(v.mmsi()).isEqualTo(414_000_001);
    assertThat(v.imo()).isEqualTo(9_000_002);
    assertThat(v.callsign().trim()).isEqualTo("BYP3");
    assertThat(v.shipname().trim()).isEqualTo("SCENARIO YIPENG");
    assertThat(v.shiptype()).isEqualTo(70);
    assertThat(v.toBow() + v.toStern()).isEqualTo(225);
    assertThat(v.draught()).isEqualTo(95);
    assertThat(v.destination().trim()).isEqualTo("PORT SAID");
  }

  @Test
  void classBMessagesRoundTrip() {
    AivdmEncoder enc = new AivdmEncoder();
    PositionReportClassB b =
        (PositionReportClassB)
            decode(enc.type18(244_000_001, 59.75, 23.2, 6.0, 20.0, -1, 5)).get(0).message();
    assertThat(b.mmsi()).isEqualTo(244_000_001);
    assertThat(b.speed()).isEqualTo(60);
    assertThat(b.heading()).isEqualTo(511);
    StaticDataReportA a =
        (StaticDataReportA) decode(enc.type24a(244_000_001, "YACHT BULWARK")).get(0).message();
    assertThat(a.shipname().trim()).isEqualTo("YACHT BULWARK");
    StaticDataReportB p =
        (StaticDataReportB) decode(enc.type24b(244_000_001, 37, "PBY1", 12, 4)).get(0).message();
    assertThat(p.shiptype()).isEqualTo(37);
    assertThat(p.callsign().trim()).isEqualTo("PBY1");
  }

  @Property(tries = 300)
  void anyType1RoundTrips(
      @ForAll @IntRange(min = 200_000_000, max = 799_999_999) int mmsi,
      @ForAll @IntRange(min = 0, max = 15) int status,
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon,
      @ForAll @DoubleRange(min = 0, max = 102.2) double sog,
      @ForAll @DoubleRange(min = 0, max = 359.9) double cog,
      @ForAll @IntRange(min = -1, max = 359) int heading) {
    List<DecodedMessage> m =
        decode(new AivdmEncoder().type1(mmsi, status, lat, lon, sog, cog, heading, 59));
    PositionReportClassA a = (PositionReportClassA) m.get(0).message();
    assertThat(a.mmsi()).isEqualTo(mmsi);
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.lat() / 600_000.0).isCloseTo(lat, within(1e-6));
    assertThat(a.lon() / 600_000.0).isCloseTo(lon, within(1e-6));
    assertThat(a.speed()).isEqualTo((int) Math.min(1022, Math.round(sog * 10)));
    assertThat(a.course()).isEqualTo((int) (Math.round(cog * 10) % 3600));
    assertThat(a.heading()).isEqualTo(heading < 0 ? 511 : heading);
  }

  @Test
  void checksumIsTheXorOfTheBody() {
    // A real sentence from the DMA capture: !BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62
    assertThat(AivdmEncoder.checksum("BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0"))
        .isEqualTo("62");
  }
}
