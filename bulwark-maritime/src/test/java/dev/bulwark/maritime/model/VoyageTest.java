package dev.bulwark.maritime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.ingest.NmeaFeed;
import dev.bulwark.maritime.vessel.VesselRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dimensions, draught and ETA from AIS static and voyage data (types 5, 19, 24 B). */
class VoyageTest {

  /** A tag block with the receive time in seconds, as the DMA captures carry it. */
  static String tagged(long seconds, String sentence) {
    String body = "c:" + seconds;
    int x = 0;
    for (char c : body.toCharArray()) {
      x ^= c;
    }
    return "\\" + body + "*" + String.format(Locale.ROOT, "%02X", x) + "\\" + sentence;
  }

  static List<StaticReport> decode(long seconds, String... sentences) {
    List<VesselObservation> out = new ArrayList<>();
    NmeaFeed feed = new NmeaFeed("test", out::add);
    for (String s : sentences) {
      feed.line(tagged(seconds, s));
    }
    feed.finish();
    return out.stream()
        .filter(StaticReport.class::isInstance)
        .map(StaticReport.class::cast)
        .toList();
  }

  /**
   * gpsd's sample type 5 (its check file, bulwark-ais test resources): EVER DIADEM, to_bow 225,
   * to_stern 70, to_port 1, to_starboard 31, draught 12.2, eta "05-15T14:00Z", NEW YORK.
   */
  @Test
  void aType5CarriesLengthBeamDraughtAndEtaAsGpsdDecodesThem() {
    long received = Instant.parse("2012-04-20T10:00:00Z").getEpochSecond();
    List<StaticReport> r =
        decode(
            received,
            "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
            "!AIVDM,2,2,1,A,88888888880,2*25");
    assertThat(r).hasSize(1);
    StaticReport s = r.get(0);
    assertThat(s.name()).isEqualTo("EVER DIADEM");
    assertThat(s.destination()).isEqualTo("NEW YORK");
    Voyage v = s.voyage();
    assertThat(v.lengthM()).isEqualTo(295);
    assertThat(v.beamM()).isEqualTo(32);
    assertThat(v.draughtM()).isEqualTo(12.2);
    assertThat(v.eta(received * 1000)).contains(Instant.parse("2012-05-15T14:00:00Z"));

    VesselRegistry reg = new VesselRegistry();
    reg.apply(s);
    assertThat(reg.identity(s.mmsi()).eta()).contains(Instant.parse("2012-05-15T14:00:00Z"));
    assertThat(reg.identity(s.mmsi()).voyage().lengthM()).isEqualTo(295);
  }

  @Test
  void theEtaYearIsTheOneNearestAfterTheReportAndALateEtaStaysInThePast() {
    Voyage newYear = new Voyage(100, 20, 10, 10, 60, 1, 3, 6, 0);
    long lateDecember = Instant.parse("2013-12-28T12:00:00Z").toEpochMilli();
    assertThat(newYear.eta(lateDecember)).contains(Instant.parse("2014-01-03T06:00:00Z"));
    Voyage late = new Voyage(100, 20, 10, 10, 60, 12, 20, 6, 0);
    long earlyJanuary = Instant.parse("2014-01-05T12:00:00Z").toEpochMilli();
    assertThat(late.eta(earlyJanuary)).contains(Instant.parse("2013-12-20T06:00:00Z"));
    // 29 February reported in a year without one: the next 29 February
    Voyage leap = new Voyage(100, 20, 10, 10, 60, 2, 29, 6, 0);
    assertThat(leap.eta(Instant.parse("2023-03-10T00:00:00Z").toEpochMilli()))
        .contains(Instant.parse("2024-02-29T06:00:00Z"));
  }

  @Test
  void notAvailableValuesMeanUnknownNotZero() {
    assertThat(Voyage.NONE.hasEta()).isFalse();
    assertThat(Voyage.NONE.hasDimensions()).isFalse();
    assertThat(Voyage.NONE.eta(0)).isEmpty();
    // hour 24 or minute 60 is "not available" even when the date is given
    assertThat(new Voyage(0, 0, 0, 0, 0, 5, 15, 24, 0).hasEta()).isFalse();
    assertThat(new Voyage(0, 0, 0, 0, 0, 5, 15, 14, 60).hasEta()).isFalse();
    // only the bow known: no length
    assertThat(new Voyage(50, 0, 5, 5, 0, 0, 0, 24, 60).lengthM()).isZero();
    assertThat(new Voyage(50, 0, 5, 5, 0, 0, 0, 24, 60).beamM()).isEqualTo(10);
  }

  @Test
  void aPartialReportKeepsWhatAnEarlierOneSaid() {
    VesselRegistry reg = new VesselRegistry();
    reg.apply(
        new StaticReport(
            230_000_001, 1_000, 0, "A", "", 70, "", new Voyage(100, 20, 10, 10, 60, 5, 15, 14, 0)));
    // a type 24 part A: name only
    reg.apply(new StaticReport(230_000_001, 2_000, 0, "A", "", 0, ""));
    // a type 24 part B: new dimensions, no draught or ETA
    reg.apply(
        new StaticReport(
            230_000_001, 3_000, 0, "", "CALL", 70, "", Voyage.dimensions(90, 20, 8, 8)));
    Voyage v = reg.identity(230_000_001).voyage();
    assertThat(v.lengthM()).isEqualTo(110);
    assertThat(v.beamM()).isEqualTo(16);
    assertThat(v.draughtM()).isEqualTo(6.0);
    assertThat(v.hasEta()).isTrue();
    assertThat(reg.identity(230_000_001).voyageMillis()).isEqualTo(1_000);
  }
}
