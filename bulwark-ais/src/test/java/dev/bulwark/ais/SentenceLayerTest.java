package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steps of the sentence layer one by one (the decoder's tests cover them together): scanning,
 * header parsing, tag blocks and {@code $PGHP} headers, fragment reassembly.
 */
class SentenceLayerTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void scannerFindsTheSixFieldsAndVerifiesTheChecksum() {
    byte[] line = bytes(Nmea.vdm(2, 1, "3", "B", "55NBjP01mtGIL@CW;SM<D60P5Ld000000000000000", 0));
    SentenceScanner s = new SentenceScanner();
    assertThat(s.scan(line, 0, line.length)).isNull();
    assertThat(line[s.star]).isEqualTo((byte) '*');
    for (int c : s.commas) {
      assertThat(line[c]).isEqualTo((byte) ',');
    }
    assertThat(s.commas[0]).isEqualTo(6);
  }

  @Test
  void scannerRejectsAWrongChecksumAMissingStarAndAWrongFieldCount() {
    SentenceScanner s = new SentenceScanner();
    byte[] good = bytes(Nmea.vdm(1, 1, "", "A", "13aEOK?P00PD2wVMdLDRhgvL289?", 0));
    byte[] wrongSum = good.clone();
    wrongSum[wrongSum.length - 1] = (byte) (wrongSum[wrongSum.length - 1] == '0' ? '1' : '0');
    assertThat(s.scan(wrongSum, 0, wrongSum.length)).isEqualTo(RejectionCause.BAD_CHECKSUM);
    byte[] noStar = bytes("!AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0");
    assertThat(s.scan(noStar, 0, noStar.length)).isEqualTo(RejectionCause.MALFORMED_SENTENCE);
    byte[] sevenFields = bytes(Nmea.sentence("!AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0,x"));
    assertThat(s.scan(sevenFields, 0, sevenFields.length))
        .isEqualTo(RejectionCause.MALFORMED_SENTENCE);
  }

  @Test
  void headerReadsNumberingChannelPayloadAndFill() {
    byte[] line = bytes(Nmea.vdm(2, 2, "7", "B", "88888888880", 2));
    SentenceScanner s = new SentenceScanner();
    SentenceHeader h = new SentenceHeader();
    assertThat(s.scan(line, 0, line.length)).isNull();
    assertThat(h.parse(line, s)).isNull();
    assertThat(h.count).isEqualTo(2);
    assertThat(h.number).isEqualTo(2);
    assertThat(h.seq).isEqualTo(7);
    assertThat(h.channel).isEqualTo('B');
    assertThat(
            new String(
                line, h.payloadFrom, h.payloadTo - h.payloadFrom, StandardCharsets.ISO_8859_1))
        .isEqualTo("88888888880");
    assertThat(h.fill).isEqualTo(2);
  }

  @Test
  void headerRejectsBadNumberingAndFillBitsBeforeTheLastFragment() {
    SentenceScanner s = new SentenceScanner();
    SentenceHeader h = new SentenceHeader();
    byte[] numberAboveCount = bytes(Nmea.vdm(1, 2, "", "A", "13aEOK", 0));
    s.scan(numberAboveCount, 0, numberAboveCount.length);
    assertThat(h.parse(numberAboveCount, s)).isEqualTo(RejectionCause.BAD_FRAGMENT_NUMBERING);
    byte[] fillNotLast = bytes(Nmea.vdm(2, 1, "1", "A", "13aEOK", 2));
    s.scan(fillNotLast, 0, fillNotLast.length);
    assertThat(h.parse(fillNotLast, s)).isEqualTo(RejectionCause.BAD_FILL_BITS);
    byte[] noSequenceId = bytes(Nmea.vdm(1, 1, "", "", "13aEOK", 0));
    s.scan(noSequenceId, 0, noSequenceId.length);
    assertThat(h.parse(noSequenceId, s)).isNull();
    assertThat(h.seq).isEqualTo(-1);
    assertThat(h.channel).isZero();
  }

  @Test
  void tagBlockGivesTimeSourceAndGroup() {
    LineHeaders headers = new LineHeaders();
    headers.startLine();
    String body = "s:rORBCOMM000,c:1241544035,g:1-2-77";
    int sum = 0;
    for (char c : body.toCharArray()) {
      sum ^= c;
    }
    byte[] tag = bytes(body + "*" + String.format("%02X", sum));
    assertThat(headers.parseTagBlock(tag, 0, tag.length)).isTrue();
    assertThat(headers.lineTime).isEqualTo(1_241_544_035_000L);
    assertThat(headers.lineSource).isEqualTo("rORBCOMM000");
    assertThat(headers.lineGroupId).isEqualTo(77);
    tag[tag.length - 1] = (byte) (tag[tag.length - 1] == '0' ? '1' : '0');
    headers.startLine();
    assertThat(headers.parseTagBlock(tag, 0, tag.length)).isFalse();
  }

  @Test
  void pghpHeaderTimesTheNextSentenceOnly() {
    LineHeaders headers = new LineHeaders();
    headers.startLine();
    byte[] pghp = bytes(Nmea.sentence("$PGHP,1,2013,11,12,0,0,1,234,219,,2190047,1,42"));
    assertThat(headers.parsePghp(pghp, 0, pghp.length)).isEqualTo(LineHeaders.Pghp.HEADER);
    headers.startLine();
    assertThat(headers.sentenceTime())
        .isEqualTo(LineHeaders.daysFromCivil(2013, 11, 12) * 86_400_000L + 1_234);
    headers.clearPending();
    assertThat(headers.sentenceTime()).isEqualTo(LineHeaders.NO_TIME);
    byte[] otherType = bytes(Nmea.sentence("$PGHP,2,2013,11,12,0,0,1,234"));
    assertThat(headers.parsePghp(otherType, 0, otherType.length))
        .isEqualTo(LineHeaders.Pghp.IGNORED);
    assertThat(LineHeaders.daysFromCivil(1970, 1, 1)).isZero();
  }

  @Test
  void reassemblerCompletesAGroupInAnyOrderAndDropsDuplicates() {
    AisCounters counters = new AisCounters();
    List<Rejection> dropped = new ArrayList<>();
    FragmentReassembler r = new FragmentReassembler(counters, dropped::add, 200, 4);
    SentenceScanner s = new SentenceScanner();
    SentenceHeader h = new SentenceHeader();
    String payload1 = "55NBjP01mtGIL@CW;SM<D60P5Ld00000000000000";
    String payload2 = "88888888880";
    byte[] second = bytes(Nmea.vdm(2, 2, "3", "A", payload2, 2));
    byte[] first = bytes(Nmea.vdm(2, 1, "3", "A", payload1, 0));

    s.scan(second, 0, second.length);
    h.parse(second, s);
    assertThat(r.add(second, h, -1, null, 5L, "src"))
        .isEqualTo(FragmentReassembler.Outcome.PENDING);
    assertThat(r.add(second, h, -1, null, 6L, "src"))
        .isEqualTo(FragmentReassembler.Outcome.DUPLICATE);
    s.scan(first, 0, first.length);
    h.parse(first, s);
    assertThat(r.add(first, h, -1, null, 7L, "other"))
        .isEqualTo(FragmentReassembler.Outcome.COMPLETE);

    FragmentReassembler.Group g = r.completed();
    assertThat(g.time).isEqualTo(5L);
    assertThat(g.tagSource).isEqualTo("src");
    PayloadBits bits = new PayloadBits();
    assertThat(r.assemble(g, bits)).isNull();
    assertThat(bits.bitLength()).isEqualTo((payload1.length() + payload2.length()) * 6 - 2);
    assertThat(r.anyOpen()).isFalse();
    assertThat(dropped).isEmpty();
  }

  @Test
  void reassemblerDropsIncompleteGroupsAtTheEnd() {
    AisCounters counters = new AisCounters();
    List<Rejection> dropped = new ArrayList<>();
    FragmentReassembler r = new FragmentReassembler(counters, dropped::add, 200, 4);
    SentenceScanner s = new SentenceScanner();
    SentenceHeader h = new SentenceHeader();
    byte[] first = bytes(Nmea.vdm(2, 1, "4", "B", "55NBjP01mtGIL@CW;SM<D60P5Ld00000000000000", 0));
    s.scan(first, 0, first.length);
    h.parse(first, s);
    r.add(first, h, -1, null, LineHeaders.NO_TIME, null);
    assertThat(r.anyOpen()).isTrue();
    r.dropAll();
    assertThat(r.anyOpen()).isFalse();
    assertThat(counters.rejected(RejectionCause.INCOMPLETE_GROUP)).isEqualTo(1);
    assertThat(dropped)
        .singleElement()
        .extracting(Rejection::cause)
        .isEqualTo(RejectionCause.INCOMPLETE_GROUP);
  }
}
