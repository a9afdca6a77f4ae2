package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz and property tests of the decoder: whatever the input, no exception escapes, every line is
 * accounted for exactly once, every rejection is counted under a named cause, and multi-sentence
 * messages are never decoded partially or mixed up.
 */
class AisDecoderPropertiesTest {

  /** Real single-sentence lines and two-sentence groups from the AisLib stream example. */
  static final List<String> SINGLES = new ArrayList<>();

  static final List<String[]> PAIRS = new ArrayList<>();

  static {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                AisDecoderPropertiesTest.class.getResourceAsStream(
                    "/ais/aislib_stream_example.txt"),
                StandardCharsets.ISO_8859_1))) {
      String previous = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("!") && line.contains("VDM,1,1,")) {
          SINGLES.add(line);
        }
        if (previous != null && previous.contains("VDM,2,1,") && line.contains("VDM,2,2,")) {
          PAIRS.add(new String[] {previous, line});
        }
        previous = line;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Outcomes {
    final List<DecodedMessage> messages = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final AisDecoder decoder =
        AisDecoder.builder(messages::add).onRejection(rejections::add).build();
  }

  static void assertEveryLineAccountedOnce(AisCounters c) {
    assertThat(c.ignoredLines() + c.headerLines() + c.rejectedLines() + c.sentences())
        .as("lines = ignored + headers + rejected lines + sentences: %s", c)
        .isEqualTo(c.lines());
  }

  @Property(tries = 400)
  void randomBytesNeverThrowAndEveryLineIsAccounted(@ForAll @Size(max = 30) List<byte[]> lines) {
    Outcomes o = new Outcomes();
    for (byte[] line : lines) {
      o.decoder.accept(line, 0, line.length);
    }
    o.decoder.finish();
    assertEveryLineAccountedOnce(o.decoder.counters());
    assertThat(o.rejections).hasSize((int) o.decoder.counters().rejectedTotal());
  }

  @Provide
  Arbitrary<String> nmeaLike() {
    // Lines built from the NMEA alphabet hit the parser's branches far more often than random
    // bytes.
    return Arbitraries.strings()
        .withChars("!\\$*,:-0123456789ABCDEFVMOgsci@`wW?\r ")
        .ofMaxLength(120)
        .map(
            s ->
                (s.startsWith("!") || s.startsWith("\\") || s.startsWith("$")) ? s : "!AIVDM," + s);
  }

  @Property(tries = 1000)
  void nmeaShapedGarbageNeverThrows(@ForAll("nmeaLike") String line) {
    Outcomes o = new Outcomes();
    o.decoder.accept(line);
    o.decoder.accept(line);
    o.decoder.finish();
    assertEveryLineAccountedOnce(o.decoder.counters());
  }

  enum Mutation {
    TRUNCATE,
    BAD_CHECKSUM,
    FLIP_CHAR,
    WRONG_FILL,
    OVERSIZE,
    EMPTY_PAYLOAD,
    BAD_FRAGMENT_NUMBER
  }

  @Property(tries = 1500)
  void everyMutatedSentenceEndsAsOneMessageOrOneCountedRejection(
      @ForAll @IntRange(min = 0, max = 100_000) int pick,
      @ForAll Mutation mutation,
      @ForAll @IntRange(min = 0, max = 1000) int where) {
    String original = SINGLES.get(pick % SINGLES.size());
    String line = mutate(original, mutation, where);
    Outcomes o = new Outcomes();
    o.decoder.accept(line);
    o.decoder.finish();
    AisCounters c = o.decoder.counters();
    assertEveryLineAccountedOnce(c);
    assertThat(o.messages.size() + o.rejections.size() + c.ignoredLines())
        .as("one outcome for %s (%s)", line, mutation)
        .isEqualTo(1);
    assertThat(c.rejectedTotal()).isEqualTo(o.rejections.size());
    if (mutation == Mutation.BAD_CHECKSUM) {
      assertThat(c.rejected(RejectionCause.BAD_CHECKSUM)).isEqualTo(1);
    }
    if (mutation == Mutation.OVERSIZE) {
      assertThat(c.rejected(RejectionCause.OVERSIZE_PAYLOAD)).isEqualTo(1);
    }
  }

  static String mutate(String line, Mutation m, int where) {
    String[] f = line.substring(1, line.indexOf('*')).split(",", -1);
    switch (m) {
      case TRUNCATE:
        return line.substring(0, where % line.length());
      case BAD_CHECKSUM:
        {
          int star = line.indexOf('*');
          String cs = line.substring(star + 1, star + 3);
          String other = String.format("%02X", (Integer.parseInt(cs, 16) + 1 + where % 200) & 0xff);
          return line.substring(0, star + 1) + other;
        }
      case FLIP_CHAR:
        {
          // Change one payload character and fix the checksum: the sentence layer cannot tell.
          char[] p = f[5].toCharArray();
          if (p.length == 0) {
            return line;
          }
          p[where % p.length] = (char) (' ' + where % 95);
          f[5] = new String(p);
          return Nmea.sentence("!" + String.join(",", f));
        }
      case WRONG_FILL:
        f[6] = String.valueOf(6 + where % 4);
        return Nmea.sentence("!" + String.join(",", f));
      case OVERSIZE:
        f[5] = f[5].repeat(PayloadBits.MAX_PAYLOAD_CHARS / Math.max(1, f[5].length()) + 1);
        return Nmea.sentence("!" + String.join(",", f));
      case EMPTY_PAYLOAD:
        f[5] = "";
        return Nmea.sentence("!" + String.join(",", f));
      case BAD_FRAGMENT_NUMBER:
        f[2] = String.valueOf(2 + where % 8);
        return Nmea.sentence("!" + String.join(",", f));
      default:
        throw new AssertionError(m);
    }
  }

  /** The message a pair decodes to on its own. */
  static AisMessage decodePair(String[] pair) {
    List<DecodedMessage> out = new ArrayList<>();
    AisDecoder d = AisDecoder.builder(out::add).build();
    d.accept(pair[0]);
    d.accept(pair[1]);
    return out.get(0).message();
  }

  static String[] withSequence(String[] pair, int seq, String channel) {
    String[] out = new String[2];
    for (int i = 0; i < 2; i++) {
      String[] f = pair[i].substring(1, pair[i].indexOf('*')).split(",", -1);
      f[3] = String.valueOf(seq);
      f[4] = channel;
      out[i] = Nmea.sentence("!" + String.join(",", f));
    }
    return out;
  }

  @Property(tries = 300)
  void interleavedGroupsDecodeExactlyWhateverTheOrder(
      @ForAll @IntRange(min = 0, max = 100_000) int first,
      @ForAll @IntRange(min = 2, max = 6) int groups,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    List<AisMessage> expected = new ArrayList<>();
    List<List<String>> streams = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String[] pair =
          withSequence(PAIRS.get((first + g) % PAIRS.size()), g, g % 2 == 0 ? "A" : "B");
      expected.add(decodePair(pair));
      List<String> frags = new ArrayList<>(List.of(pair));
      if (random.nextBoolean()) {
        Collections.reverse(frags); // out of order within the group
      }
      streams.add(frags);
    }
    // Random interleaving of the groups' fragments.
    while (streams.stream().anyMatch(s -> !s.isEmpty())) {
      List<String> s = streams.get(random.nextInt(streams.size()));
      if (!s.isEmpty()) {
        lines.add(s.remove(0));
      }
    }
    Outcomes o = new Outcomes();
    lines.forEach(o.decoder::accept);
    o.decoder.finish();
    assertThat(o.rejections).isEmpty();
    assertThat(o.messages)
        .extracting(DecodedMessage::message)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 300)
  void reusedSequenceIdsNeverMixGroupsAndIncompleteGroupsAreCounted(
      @ForAll @IntRange(min = 0, max = 100_000) int first,
      @ForAll @Size(min = 1, max = 12) List<Boolean> complete) {
    List<AisMessage> expected = new ArrayList<>();
    Outcomes o = new Outcomes();
    int incomplete = 0;
    for (int g = 0; g < complete.size(); g++) {
      // Every group reuses sequence id 3 on channel A; some lose their last fragment.
      String[] pair = withSequence(PAIRS.get((first + g) % PAIRS.size()), 3, "A");
      o.decoder.accept(pair[0]);
      if (complete.get(g)) {
        o.decoder.accept(pair[1]);
        expected.add(decodePair(pair));
      } else {
        incomplete++;
      }
    }
    o.decoder.finish();
    AisCounters c = o.decoder.counters();
    assertThat(o.messages).extracting(DecodedMessage::message).containsExactlyElementsOf(expected);
    assertThat(
            c.rejected(RejectionCause.SEQUENCE_ID_REUSED)
                + c.rejected(RejectionCause.INCOMPLETE_GROUP)
                + c.rejected(RejectionCause.DUPLICATE_FRAGMENT))
        .isEqualTo(incomplete);
    assertEveryLineAccountedOnce(c);
  }

  @Property(tries = 200)
  void aStrayLastFragmentExpiresAndIsCounted(
      @ForAll @IntRange(min = 0, max = 100_000) int pick,
      @ForAll @IntRange(min = 0, max = 300) int followingSingles) {
    String[] pair = PAIRS.get(pick % PAIRS.size());
    Outcomes o = new Outcomes();
    o.decoder.accept(pair[1]);
    for (int i = 0; i < followingSingles; i++) {
      o.decoder.accept(SINGLES.get(i % SINGLES.size()));
    }
    o.decoder.finish();
    assertThat(o.decoder.counters().rejected(RejectionCause.INCOMPLETE_GROUP)).isEqualTo(1);
    assertThat(o.messages.stream().filter(m -> m.message().type() == 5)).isEmpty();
  }
}
