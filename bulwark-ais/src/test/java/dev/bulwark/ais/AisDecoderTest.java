package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AisDecoderTest {

  static final String PART1 = "53cMa3@000010WSW?V105=<45B2222222222220t388151:9e2UiDm851DTh";
  static final String PART2 = "j1C32CQp888";

  private final List<DecodedMessage> out = new ArrayList<>();
  private final AisDecoder decoder = AisDecoder.builder(out::add).source("test").build();

  @Test
  void decodesClassAPositionReport() {
    decoder.accept("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(out).hasSize(1);
    PositionReportClassA m = (PositionReportClassA) out.get(0).message();
    assertThat(m.mmsi()).isEqualTo(371798000);
    assertThat(m.speedKnots()).hasValue(12.3);
    assertThat(m.longitude().getAsDouble()).isCloseTo(-123.395383, Offset.offset(1e-6));
    assertThat(m.latitude().getAsDouble()).isCloseTo(48.381633, Offset.offset(1e-6));
    assertThat(m.heading()).isEqualTo(215);
    assertThat(m.courseDegrees()).hasValue(224.0);
    assertThat(out.get(0).source()).isEqualTo("test");
    assertThat(out.get(0).receivedAt()).isEmpty();
  }

  @Test
  void reassemblesTwoSentenceStaticDataWithPghpTime() {
    decoder.accept("$PGHP,1,2010,6,11,11,46,11,929,244,0,,1,72*21");
    decoder.accept(
        "!AIVDM,2,1,1,,53cMa3@000010WSW?V105=<45B2222222222220t388151:9e2UiDm851DTh,0*65");
    decoder.accept("!AIVDM,2,2,1,,j1C32CQp888,2*17");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).message()).isInstanceOf(StaticVoyageData.class);
    assertThat(out.get(0).receivedAt()).contains(Instant.parse("2010-06-11T11:46:11.929Z"));
    assertThat(out.get(0).sentences()).isEqualTo(2);
  }

  @Test
  void reassemblesTagBlockGroupsAndTakesSourceAndTime() {
    decoder.accept(
        "\\g:1-2-6745,s:rORBCOMM000,c:1411920502*56\\!AIVDM,2,1,6,A,5815:?P2BL3UKMEG>20I8Tv2222222222222221@L@hEK6L`NGPEhBE2CQp3,0*5D");
    decoder.accept("\\g:2-2-6745*5D\\!AIVDM,2,2,6,A,lQ1DTp88880,2*4E");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).source()).isEqualTo("rORBCOMM000");
    assertThat(out.get(0).receivedAt()).contains(Instant.ofEpochSecond(1411920502));
  }

  @Test
  void reassemblesInterleavedGroups() {
    decoder.accept(Nmea.vdm(2, 1, "3", "A", PART1, 0));
    decoder.accept(Nmea.vdm(2, 1, "4", "A", PART1, 0));
    decoder.accept(Nmea.vdm(2, 2, "4", "A", PART2, 2));
    decoder.accept(Nmea.vdm(2, 2, "3", "A", PART2, 2));
    assertThat(out).hasSize(2);
    assertThat(decoder.counters().rejectedTotal()).isZero();
  }

  @Test
  void countsBadChecksum() {
    decoder.accept("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B");
    assertThat(out).isEmpty();
    assertThat(decoder.counters().rejected(RejectionCause.BAD_CHECKSUM)).isEqualTo(1);
  }

  @Test
  void incompleteGroupIsCountedAtFinishNeverDecoded() {
    decoder.accept(Nmea.vdm(2, 1, "3", "A", PART1, 0));
    decoder.finish();
    assertThat(out).isEmpty();
    assertThat(decoder.counters().rejected(RejectionCause.INCOMPLETE_GROUP)).isEqualTo(1);
  }

  @Test
  void headerLinesBeforeAGroupDoNotSplitItFromItsLaterFragments() {
    decoder.accept("\\si:AISD*3F\\");
    decoder.accept("$PGHP,1,2013,11,12,12,0,0,869,219,,2190074,1,05*12");
    decoder.accept("!BSVDM,2,1,1,B,53uRcl02<VQA<A5B22098U=@tj2222222222220N3`?5540Ht@4jhAiC,0*62");
    decoder.accept("!BSVDM,2,2,1,B,`88888888888880,2*67");
    assertThat(out)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message().type()).isEqualTo(5);
              assertThat(d.source()).isEqualTo("AISD");
              assertThat(d.receivedAt()).contains(Instant.parse("2013-11-12T12:00:00.869Z"));
            });
    assertThat(decoder.counters().rejectedTotal()).isZero();
  }

  @Test
  void commentLinesAreIgnoredEvenWhenTheyQuoteASentence() {
    decoder.accept("# \"18/05/2012 18:15:37\" !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(out).isEmpty();
    assertThat(decoder.counters().ignoredLines()).isEqualTo(1);
  }

  @Test
  void vendorPrefixBeforeTheSentenceIsSkipped() {
    decoder.accept("1411920502.123 !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(out).hasSize(1);
  }

  @Test
  void decodesAPayloadOnItsOwn() {
    assertThat(AisDecoder.decodePayload("15RTgt0PAso;90TKcjM8h6g208CQ", 0))
        .hasValueSatisfying(m -> assertThat(m.mmsi()).isEqualTo(371798000));
    assertThat(AisDecoder.decodePayload("15RTgt0PAso;90TKcjM8h6g208CQ", 6)).isEmpty();
    assertThat(AisDecoder.decodePayload("15RTgt0PAso;90TKcjM8h6g208C~", 0)).isEmpty();
    assertThat(AisDecoder.decodePayload("15RT", 0)).isEmpty();
  }
}
