package dev.bulwark.ais;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The streaming AIS decoder: give it lines of NMEA 0183 text, it delivers each complete, decoded
 * message to a consumer and counts every rejection under a {@link RejectionCause}.
 *
 * <p>It handles {@code !AIVDM}/{@code !AIVDO} sentences of any talker, checksums, NMEA 4.10 tag
 * blocks ({@code \s:...,c:...,g:1-2-77*hh\}, on the sentence's line or on a line of their own),
 * Gatehouse {@code $PGHP} headers, and multi-sentence messages: fragments are reassembled by
 * source, channel, sequence id and fragment count (or by tag-block group), interleaved or out of
 * order; incomplete groups expire and are counted, never decoded partially. Other lines (other NMEA
 * sentences, comments, blank lines) are ignored and counted as such.
 *
 * <p>Lines are parsed from bytes without regular expressions or splitting, payload bits go into one
 * reusable buffer, and only the decoded records and their envelope are allocated. The decoder reads
 * the line's framing (vendor prefix, tag block, kind of line) and hands each step to a part with
 * one job: {@link LineHeaders} (tag blocks and {@code $PGHP} headers), {@link SentenceScanner}
 * (checksum and field boundaries), {@link SentenceHeader} (fragment numbering, channel, payload,
 * fill bits), {@link FragmentReassembler} (multi-sentence groups) and {@link MessageDecoder} (the
 * payload's bits into a message).
 *
 * <pre>{@code
 * AisDecoder decoder = AisDecoder.builder(m -> System.out.println(m.message())).source("file.nmea").build();
 * lines.forEach(decoder::accept);
 * decoder.finish();
 * }</pre>
 *
 * <p>Not thread-safe: one decoder per input stream and thread.
 */
public final class AisDecoder {

  /** Lines longer than this are rejected as {@link RejectionCause#LINE_TOO_LONG}. */
  public static final int MAX_LINE_LENGTH = 4096;

  private final Consumer<DecodedMessage> sink;
  private final TimedMessageSink timedSink;
  private final Consumer<Rejection> rejections;
  private final String defaultSource;
  private final Clock clock;
  private final AisCounters counters = new AisCounters();
  private final PayloadBits bits = new PayloadBits();
  private final MessageDecoder messageDecoder = new MessageDecoder();
  private final LineHeaders headers = new LineHeaders();
  private final SentenceScanner scanner = new SentenceScanner();
  private final SentenceHeader header = new SentenceHeader();
  private final FragmentReassembler reassembler;

  private byte[] charBuffer = new byte[128];

  // The current line, for the text of a rejection.
  private byte[] currentLine;
  private int currentOff;
  private int currentLen;

  private AisDecoder(Builder b) {
    this.sink = b.sink;
    this.timedSink = b.timedSink;
    this.rejections = b.rejections;
    this.defaultSource = b.source;
    this.clock = b.clock;
    this.reassembler =
        new FragmentReassembler(counters, b.rejections, b.maxGroupAge, b.maxOpenGroups);
  }

  /** A builder that will deliver decoded messages to {@code sink}. */
  public static Builder builder(Consumer<DecodedMessage> sink) {
    return new Builder(Objects.requireNonNull(sink, "sink"), null);
  }

  /**
   * A builder that will deliver decoded messages to {@code sink} with their time in epoch
   * milliseconds (no envelope allocated per message; the clock, if any, read with {@link
   * Clock#millis()}).
   */
  public static Builder builder(TimedMessageSink sink) {
    return new Builder(null, Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Decodes one complete armored payload (the fifth field of a sentence, or the fifth fields of all
   * fragments of a group concatenated) with the fill bits of its last sentence; empty when it is
   * not a valid AIS message. A convenience for tools and tests; thread-safe.
   */
  public static Optional<AisMessage> decodePayload(CharSequence armored, int fillBits) {
    if (fillBits < 0 || fillBits > 5 || armored.length() > PayloadBits.MAX_PAYLOAD_CHARS) {
      return Optional.empty();
    }
    byte[] b = new byte[armored.length()];
    for (int i = 0; i < b.length; i++) {
      char c = armored.charAt(i);
      b[i] = c < 0x80 ? (byte) c : (byte) '?';
    }
    PayloadBits bits = new PayloadBits();
    if (!bits.appendArmored(b, 0, b.length) || fillBits > bits.bitLength()) {
      return Optional.empty();
    }
    bits.dropFillBits(fillBits);
    return Optional.ofNullable(new MessageDecoder(1).decode(bits));
  }

  /** The running counts of this decoder. */
  public AisCounters counters() {
    return counters;
  }

  /** Accepts one line of text (the line terminator may be included or not). */
  public void accept(CharSequence line) {
    int n = line.length();
    if (charBuffer.length < n) {
      charBuffer = new byte[Math.max(n, charBuffer.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      charBuffer[i] = c < 0x80 ? (byte) c : (byte) '?';
    }
    accept(charBuffer, 0, n);
  }

  /**
   * Accepts one line given as bytes {@code buf[off, off+len)} (the line terminator may be included
   * or not). The bytes are not retained.
   */
  public void accept(byte[] buf, int off, int len) {
    counters.lines++;
    int end = off + len;
    while (end > off && buf[end - 1] <= ' ') {
      end--;
    }
    int p = off;
    while (p < end && buf[p] <= ' ') {
      p++;
    }
    currentLine = buf;
    currentOff = p;
    currentLen = end - p;
    if (p == end) {
      counters.ignored++;
      return;
    }
    if (end - p > MAX_LINE_LENGTH) {
      rejectLine(RejectionCause.LINE_TOO_LONG);
      return;
    }
    headers.startLine();
    byte first = buf[p];
    if (first == '#') {
      counters.ignored++; // a comment, even when it quotes a sentence
      return;
    }
    if (first != '\\' && first != '!' && first != '$') {
      // Vendor prefixes (a receive time, a station name) may precede the NMEA part.
      p = nmeaStart(buf, p, end);
      if (p == end) {
        counters.ignored++;
        return;
      }
      first = buf[p];
    }
    if (first == '\\') {
      p = tagBlock(buf, p, end);
      if (p >= end) {
        return;
      }
      first = buf[p];
    }
    if (first == '$') {
      dollarLine(buf, p, end);
    } else if (first == '!') {
      parseSentence(buf, p, end);
    } else {
      counters.ignored++;
    }
  }

  /**
   * Ends the input: every group still incomplete is counted as {@link
   * RejectionCause#INCOMPLETE_GROUP}. The decoder may be used again afterwards.
   */
  public void finish() {
    reassembler.dropAll();
    headers.clearPending();
  }

  // ---------------------------------------------------------------- line framing

  /** The first {@code !} or backslash in {@code buf[p, end)}, or {@code end}. */
  private static int nmeaStart(byte[] buf, int p, int end) {
    int q = p;
    while (q < end && buf[q] != '!' && buf[q] != '\\') {
      q++;
    }
    return q;
  }

  /**
   * Reads the tag block at {@code buf[p]} into the line's context: where the rest of the line
   * starts, or {@code end} when the line is done with (a tag block alone, or a bad one).
   */
  private int tagBlock(byte[] buf, int p, int end) {
    int close = NmeaBytes.indexOf(buf, p + 1, end, (byte) '\\');
    if (close < 0 || !headers.parseTagBlock(buf, p + 1, close)) {
      rejectLine(RejectionCause.BAD_TAG_BLOCK);
      return end;
    }
    if (close + 1 == end) {
      headers.holdForNextSentence();
      counters.headers++;
    }
    return close + 1;
  }

  /** A {@code $} sentence: a Gatehouse header, or another NMEA sentence that is ignored. */
  private void dollarLine(byte[] buf, int p, int end) {
    if (!NmeaBytes.startsWith(buf, p, end, LineHeaders.PGHP)) {
      counters.ignored++;
      return;
    }
    switch (headers.parsePghp(buf, p, end)) {
      case HEADER -> counters.headers++;
      case IGNORED -> counters.ignored++;
      case REJECTED -> rejectLine(RejectionCause.BAD_HEADER);
    }
  }

  // ---------------------------------------------------------------- sentence layer

  /**
   * The encapsulated sentence {@code buf[p, end)}: scan, parse its header, decode or reassemble.
   */
  private void parseSentence(byte[] buf, int p, int end) {
    // !ccVDM, : talker of two characters, then VDM or VDO.
    if (end - p < 7
        || buf[p + 3] != 'V'
        || buf[p + 4] != 'D'
        || (buf[p + 5] != 'M' && buf[p + 5] != 'O')
        || buf[p + 6] != ',') {
      if (end - p >= 7 && buf[p + 6] == ',') {
        counters.ignored++; // another encapsulated sentence (e.g. !AIABK)
      } else {
        rejectLine(RejectionCause.MALFORMED_SENTENCE);
      }
      return;
    }
    RejectionCause bad = scanner.scan(buf, p, end);
    if (bad == null) {
      bad = header.parse(buf, scanner);
    }
    if (bad != null) {
      rejectLine(bad);
      return;
    }
    counters.sentences++;
    long time = headers.sentenceTime();
    String source = headers.sentenceSource();
    headers.clearPending();
    if (header.count == 1) {
      bits.reset();
      if (!bits.appendArmored(buf, header.payloadFrom, header.payloadTo)) {
        reject(RejectionCause.INVALID_PAYLOAD_CHARACTER);
        return;
      }
      bits.dropFillBits(header.fill);
      decodeAndEmit(time, source, 1);
      return;
    }
    // Only a tag block on the sentence's own line identifies the fragment's source for reassembly:
    // header lines before a group (DMA's "\si:...\" + $PGHP) precede its first fragment only.
    switch (reassembler.add(buf, header, headers.lineGroupId, headers.lineSource, time, source)) {
      case COMPLETE -> {
        FragmentReassembler.Group g = reassembler.completed();
        RejectionCause cause = reassembler.assemble(g, bits);
        if (cause != null) {
          reject(cause);
        } else {
          decodeAndEmit(g.time, g.tagSource, g.count);
        }
      }
      case DUPLICATE -> reject(RejectionCause.DUPLICATE_FRAGMENT);
      case PENDING -> {}
    }
    if ((counters.sentences & 63) == 0 && reassembler.anyOpen()) {
      reassembler.expireOld();
    }
  }

  private void decodeAndEmit(long time, String source, int sentences) {
    AisMessage m = messageDecoder.decode(bits);
    if (m == null) {
      reject(messageDecoder.lastRejection());
      return;
    }
    counters.messages++;
    // The type from the payload, not m.type(): that call sees every record class and so is not
    // inlined.
    counters.byType[bits.uint(0, 6)]++;
    if (timedSink != null) {
      long t =
          time != LineHeaders.NO_TIME
              ? time
              : clock != null ? clock.millis() : TimedMessageSink.NO_TIME;
      timedSink.accept(m, t, source != null ? source : defaultSource, sentences);
      return;
    }
    Optional<Instant> at;
    if (time != LineHeaders.NO_TIME) {
      at = Optional.of(Instant.ofEpochMilli(time));
    } else if (clock != null) {
      at = Optional.of(clock.instant());
    } else {
      at = Optional.empty();
    }
    sink.accept(new DecodedMessage(m, at, source != null ? source : defaultSource, sentences));
  }

  // ---------------------------------------------------------------- rejections

  /** A rejection of the whole line by the sentence layer (the line never became a sentence). */
  private void rejectLine(RejectionCause cause) {
    counters.rejectedLines++;
    reject(cause);
  }

  private void reject(RejectionCause cause) {
    counters.reject(cause);
    if (rejections != null) {
      int n = Math.min(currentLen, 200);
      String text = new String(currentLine, currentOff, n, StandardCharsets.ISO_8859_1);
      rejections.accept(new Rejection(cause, counters.lines, text));
    }
  }

  /** Builds an {@link AisDecoder}. Not thread-safe. */
  public static final class Builder {
    private final Consumer<DecodedMessage> sink;
    private final TimedMessageSink timedSink;
    private Consumer<Rejection> rejections;
    private String source = "unknown";
    private Clock clock;
    private int maxGroupAge = 200;
    private int maxOpenGroups = 64;

    private Builder(Consumer<DecodedMessage> sink, TimedMessageSink timedSink) {
      this.sink = sink;
      this.timedSink = timedSink;
    }

    /** The source name reported when a sentence carries no tag-block source (default "unknown"). */
    public Builder source(String name) {
      this.source = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * A clock stamping messages that carry no receive time of their own (for live sources); without
     * one, such messages have an empty {@link DecodedMessage#receivedAt()}.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Also report each rejection (with line number and text) to {@code listener}. */
    public Builder onRejection(Consumer<Rejection> listener) {
      this.rejections = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * An incomplete group expires once this many further AIS sentences have been read (default
     * 200).
     */
    public Builder maxGroupAge(int sentences) {
      if (sentences < 1) {
        throw new IllegalArgumentException("maxGroupAge must be positive");
      }
      this.maxGroupAge = sentences;
      return this;
    }

    /** At most this many groups are reassembled at once; the oldest expires first (default 64). */
    public Builder maxOpenGroups(int groups) {
      if (groups < 1) {
        throw new IllegalArgumentException("maxOpenGroups must be positive");
      }
      this.maxOpenGroups = groups;
      return this;
    }

    /** The decoder. */
    public AisDecoder build() {
      return new AisDecoder(this);
    }
  }
}
