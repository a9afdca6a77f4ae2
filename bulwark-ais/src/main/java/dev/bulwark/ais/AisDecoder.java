package dev.bulwark.ais;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
 * reusable buffer, and only the decoded records and their envelope are allocated.
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

  private static final long NO_TIME = Long.MIN_VALUE;
  private static final byte[] PGHP = "$PGHP,".getBytes(StandardCharsets.US_ASCII);

  private final Consumer<DecodedMessage> sink;
  private final Consumer<Rejection> rejections;
  private final String defaultSource;
  private final Clock clock;
  private final int maxGroupAge;
  private final AisCounters counters = new AisCounters();
  private final PayloadBits bits = new PayloadBits();
  private final MessageDecoder messageDecoder = new MessageDecoder();
  private final Group[] groups;

  /** The open groups are {@code active[0, openGroups)}; the rest of {@code groups} is free. */
  private final Group[] active;

  private int openGroups;

  // Context of the current line, and of header lines (tag block alone, $PGHP) waiting for a
  // sentence.
  private long lineTime;
  private String lineSource;
  private int lineGroupId;
  private long pendingTime = NO_TIME;
  private String pendingSource;

  private byte[] lastSourceBytes = new byte[0];
  private String lastSourceString = "";
  private byte[] charBuffer = new byte[128];
  private byte[] currentLine;
  private int currentOff;
  private int currentLen;

  private AisDecoder(Builder b) {
    this.sink = b.sink;
    this.rejections = b.rejections;
    this.defaultSource = b.source;
    this.clock = b.clock;
    this.maxGroupAge = b.maxGroupAge;
    this.groups = new Group[b.maxOpenGroups];
    this.active = new Group[b.maxOpenGroups];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new Group();
    }
  }

  /** A builder that will deliver decoded messages to {@code sink}. */
  public static Builder builder(Consumer<DecodedMessage> sink) {
    return new Builder(sink);
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
    lineTime = NO_TIME;
    lineSource = null;
    lineGroupId = -1;
    byte first = buf[p];
    if (first == '#') {
      counters.ignored++; // a comment, even when it quotes a sentence
      return;
    }
    if (first != '\\' && first != '!' && first != '$') {
      // Vendor prefixes (a receive time, a station name) may precede the NMEA part.
      int q = p;
      while (q < end && buf[q] != '!' && buf[q] != '\\') {
        q++;
      }
      if (q == end) {
        counters.ignored++;
        return;
      }
      p = q;
      first = buf[p];
    }
    if (first == '\\') {
      int close = indexOf(buf, p + 1, end, (byte) '\\');
      if (close < 0 || !parseTagBlock(buf, p + 1, close)) {
        rejectLine(RejectionCause.BAD_TAG_BLOCK);
        return;
      }
      p = close + 1;
      if (p == end) {
        // A tag block on a line of its own describes the sentence that follows.
        if (lineTime != NO_TIME) {
          pendingTime = lineTime;
        }
        if (lineSource != null) {
          pendingSource = lineSource;
        }
        counters.headers++;
        return;
      }
      first = buf[p];
    }
    if (first == '$') {
      if (startsWith(buf, p, end, PGHP)) {
        parsePghp(buf, p, end);
      } else {
        counters.ignored++;
      }
      return;
    }
    if (first != '!') {
      counters.ignored++;
      return;
    }
    parseSentence(buf, p, end);
  }

  /**
   * Ends the input: every group still incomplete is counted as {@link
   * RejectionCause#INCOMPLETE_GROUP}. The decoder may be used again afterwards.
   */
  public void finish() {
    while (openGroups > 0) {
      dropGroup(active[0], RejectionCause.INCOMPLETE_GROUP);
    }
    pendingTime = NO_TIME;
    pendingSource = null;
  }

  // ---------------------------------------------------------------- sentence layer

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
    // Eight bytes per step, without a branch per byte: the first '*' ends the checksummed part
    // (the bytes from it on are masked off the word), every ',' before it is located from a
    // bit mask, and the words are XOR-folded into the checksum below.
    int star = -1;
    int[] commas = commaScratch;
    int nc = 0;
    long wordSum = 0;
    for (int i = p + 1; i < end; i += 8) {
      int n = end - i;
      long w;
      if (n >= 8) {
        w = (long) LONGS.get(buf, i);
      } else if (end >= 8) {
        // The last word of the array slice, shifted so that bytes i.. are its low bytes.
        w = (long) LONGS.get(buf, end - 8) >>> (8 * (8 - n));
      } else {
        w = 0;
        for (int k = n - 1; k >= 0; k--) {
          w = (w << 8) | (buf[i + k] & 0xff);
        }
      }
      long stars = zeroBytes(w ^ ('*' * ONES));
      if (stars != 0) {
        int k = Long.numberOfTrailingZeros(stars) >>> 3;
        star = i + k;
        w &= (1L << (8 * k)) - 1;
      }
      for (long m = zeroBytes(w ^ (',' * ONES)); m != 0; m &= m - 1) {
        if (nc < commas.length) {
          commas[nc] = i + (Long.numberOfTrailingZeros(m) >>> 3);
        }
        nc++;
      }
      wordSum ^= w;
      if (star >= 0) {
        break;
      }
    }
    wordSum ^= wordSum >>> 32;
    wordSum ^= wordSum >>> 16;
    wordSum ^= wordSum >>> 8;
    int sum = (int) wordSum;
    if (star < 0) {
      rejectLine(RejectionCause.MALFORMED_SENTENCE);
      return;
    }
    if (star + 3 > end) {
      rejectLine(RejectionCause.BAD_CHECKSUM);
      return;
    }
    int h1 = hex(buf[star + 1]);
    int h2 = hex(buf[star + 2]);
    if (h1 < 0 || h2 < 0 || ((h1 << 4) | h2) != (sum & 0xff)) {
      rejectLine(RejectionCause.BAD_CHECKSUM);
      return;
    }
    if (nc != 6) {
      rejectLine(RejectionCause.MALFORMED_SENTENCE);
      return;
    }
    // Fields: count, number, sequence id, channel, payload, fill bits.
    int count = singleDigit(buf, commas[0] + 1, commas[1]);
    int number = singleDigit(buf, commas[1] + 1, commas[2]);
    if (count < 1 || number < 1 || number > count) {
      rejectLine(RejectionCause.BAD_FRAGMENT_NUMBERING);
      return;
    }
    int seq = -1;
    if (commas[3] > commas[2] + 1) {
      long v = number(buf, commas[2] + 1, commas[3]);
      seq = v > 9999 ? -1 : (int) v;
      if (seq < 0) {
        rejectLine(RejectionCause.MALFORMED_SENTENCE);
        return;
      }
    }
    int channel = 0;
    int chLen = commas[4] - commas[3] - 1;
    if (chLen == 1) {
      channel = buf[commas[3] + 1];
    } else if (chLen > 1) {
      rejectLine(RejectionCause.MALFORMED_SENTENCE);
      return;
    }
    int payloadFrom = commas[4] + 1;
    int payloadTo = commas[5];
    int fill = 0;
    if (star > commas[5] + 1) {
      fill = singleDigit(buf, commas[5] + 1, star);
      if (fill < 0 || fill > 5) {
        rejectLine(RejectionCause.BAD_FILL_BITS);
        return;
      }
    }
    if (fill > 0 && number < count) {
      rejectLine(RejectionCause.BAD_FILL_BITS);
      return;
    }
    int payloadLen = payloadTo - payloadFrom;
    if (fill > payloadLen * 6) {
      rejectLine(RejectionCause.BAD_FILL_BITS);
      return;
    }
    if (payloadLen > PayloadBits.MAX_PAYLOAD_CHARS) {
      rejectLine(RejectionCause.OVERSIZE_PAYLOAD);
      return;
    }
    counters.sentences++;
    long time = lineTime != NO_TIME ? lineTime : pendingTime;
    String source = lineSource != null ? lineSource : pendingSource;
    pendingTime = NO_TIME;
    pendingSource = null;

    if (count == 1) {
      bits.reset();
      if (!bits.appendArmored(buf, payloadFrom, payloadTo)) {
        reject(RejectionCause.INVALID_PAYLOAD_CHARACTER);
        return;
      }
      bits.dropFillBits(fill);
      decodeAndEmit(time, source, 1);
      return;
    }
    // Only a tag block on the sentence's own line identifies the fragment's source for reassembly:
    // header lines before a group (DMA's "\si:...\" + $PGHP) precede its first fragment only.
    fragment(
        buf, payloadFrom, payloadTo, fill, count, number, seq, channel, time, source, lineSource);
    if ((counters.sentences & 63) == 0 && openGroups > 0) {
      expireOldGroups();
    }
  }

  private final int[] commaScratch = new int[6];

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;

  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  /**
   * 0x80 in each byte of {@code v} that is zero, 0 in the others (exact: no carries between bytes).
   */
  private static long zeroBytes(long v) {
    return ~(((v & LOWS) + LOWS) | v | LOWS);
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
    Optional<Instant> at;
    if (time != NO_TIME) {
      at = Optional.of(Instant.ofEpochMilli(time));
    } else if (clock != null) {
      at = Optional.of(clock.instant());
    } else {
      at = Optional.empty();
    }
    sink.accept(new DecodedMessage(m, at, source != null ? source : defaultSource, sentences));
  }

  // ---------------------------------------------------------------- reassembly

  /** One multi-sentence message being reassembled. */
  private static final class Group {
    boolean active;
    int groupId;
    String source;
    int channel;
    int seq;
    int count;
    int received;
    long opened;
    long time;
    String tagSource;
    int fill;
    final byte[][] payloads = new byte[9][];
    final int[] lengths = new int[9];

    boolean matches(int groupId, String source, int channel, int seq, int count) {
      if (!active || this.count != count) {
        return false;
      }
      if (groupId >= 0 || this.groupId >= 0) {
        return this.groupId == groupId;
      }
      return this.seq == seq && this.channel == channel && Objects.equals(this.source, source);
    }
  }

  private void fragment(
      byte[] buf,
      int from,
      int to,
      int fill,
      int count,
      int number,
      int seq,
      int channel,
      long time,
      String source,
      String keySource) {
    int groupId = lineGroupId;
    String key = groupId >= 0 ? null : keySource;
    Group g = null;
    for (int i = 0; i < openGroups; i++) {
      if (active[i].matches(groupId, key, channel, seq, count)) {
        g = active[i];
        break;
      }
    }
    int bit = 1 << (number - 1);
    if (g != null && (g.received & bit) != 0) {
      int idx = number - 1;
      if (g.lengths[idx] == to - from
          && Arrays.equals(g.payloads[idx], 0, g.lengths[idx], buf, from, to)) {
        reject(RejectionCause.DUPLICATE_FRAGMENT);
        return;
      }
      dropGroup(g, RejectionCause.SEQUENCE_ID_REUSED);
      g = null;
    }
    if (g == null) {
      g = openGroup();
      g.active = true;
      g.groupId = groupId;
      g.source = key;
      g.channel = channel;
      g.seq = seq;
      g.count = count;
      g.received = 0;
      g.opened = counters.sentences;
      g.time = NO_TIME;
      g.tagSource = null;
      active[openGroups++] = g;
    }
    int idx = number - 1;
    int n = to - from;
    if (g.payloads[idx] == null || g.payloads[idx].length < n) {
      g.payloads[idx] = new byte[Math.max(n, 64)];
    }
    System.arraycopy(buf, from, g.payloads[idx], 0, n);
    g.lengths[idx] = n;
    g.received |= bit;
    if (number == count) {
      g.fill = fill;
    }
    if (g.time == NO_TIME) {
      g.time = time;
    }
    if (g.tagSource == null) {
      g.tagSource = source;
    }
    if (g.received == (1 << count) - 1) {
      completeGroup(g);
    }
  }

  private void completeGroup(Group g) {
    close(g);
    int total = 0;
    for (int i = 0; i < g.count; i++) {
      total += g.lengths[i];
    }
    if (total > PayloadBits.MAX_PAYLOAD_CHARS) {
      reject(RejectionCause.OVERSIZE_PAYLOAD);
      return;
    }
    bits.reset();
    for (int i = 0; i < g.count; i++) {
      if (!bits.appendArmored(g.payloads[i], 0, g.lengths[i])) {
        reject(RejectionCause.INVALID_PAYLOAD_CHARACTER);
        return;
      }
    }
    if (g.fill > total * 6) {
      reject(RejectionCause.BAD_FILL_BITS);
      return;
    }
    bits.dropFillBits(g.fill);
    decodeAndEmit(g.time, g.tagSource, g.count);
  }

  private Group openGroup() {
    if (openGroups == active.length) {
      // All in use: the oldest (first opened, so first in the active list) expires.
      dropGroup(active[0], RejectionCause.INCOMPLETE_GROUP);
    }
    for (Group g : groups) {
      if (!g.active) {
        return g;
      }
    }
    throw new IllegalStateException("no free group after expiry");
  }

  /** Removes {@code g} from the open groups, keeping the others in opening order. */
  private void close(Group g) {
    g.active = false;
    for (int i = 0; i < openGroups; i++) {
      if (active[i] == g) {
        System.arraycopy(active, i + 1, active, i, openGroups - i - 1);
        active[--openGroups] = null;
        return;
      }
    }
  }

  private void expireOldGroups() {
    long limit = counters.sentences - maxGroupAge;
    while (openGroups > 0 && active[0].opened < limit) {
      dropGroup(active[0], RejectionCause.INCOMPLETE_GROUP);
    }
  }

  private void dropGroup(Group g, RejectionCause cause) {
    close(g);
    counters.reject(cause);
    if (rejections != null) {
      rejections.accept(
          new Rejection(
              cause,
              counters.lines,
              "group of "
                  + g.count
                  + " fragments (received "
                  + Integer.bitCount(g.received)
                  + (g.seq >= 0 ? ", sequence id " + g.seq : "")
                  + (g.channel != 0 ? ", channel " + (char) g.channel : "")
                  + (g.groupId >= 0 ? ", tag group " + g.groupId : "")
                  + ")"));
    }
  }

  // ---------------------------------------------------------------- tag blocks and headers

  private boolean parseTagBlock(byte[] buf, int from, int to) {
    int star = -1;
    int sum = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '*') {
        star = i;
        break;
      }
      sum ^= buf[i];
    }
    if (star < 0 || star + 3 != to) {
      return false;
    }
    int h1 = hex(buf[star + 1]);
    int h2 = hex(buf[star + 2]);
    if (h1 < 0 || h2 < 0 || ((h1 << 4) | h2) != (sum & 0xff)) {
      return false;
    }
    int p = from;
    while (p < star) {
      int comma = indexOf(buf, p, star, (byte) ',');
      if (comma < 0) {
        comma = star;
      }
      int colon = indexOf(buf, p, comma, (byte) ':');
      if (colon < 0) {
        return false;
      }
      int keyLen = colon - p;
      int v = colon + 1;
      if (keyLen == 1 && buf[p] == 'c') {
        long t = number(buf, v, comma);
        if (t < 0) {
          return false;
        }
        lineTime = t >= 100_000_000_000L ? t : t * 1000;
      } else if ((keyLen == 1 && buf[p] == 's')
          || (keyLen == 2 && buf[p] == 's' && buf[p + 1] == 'i')) {
        if (lineSource == null || keyLen == 1) {
          lineSource = sourceString(buf, v, comma);
        }
      } else if (keyLen == 1 && (buf[p] == 'g' || buf[p] == 'G')) {
        // g:<sentence>-<total>-<group id>
        int d1 = indexOf(buf, v, comma, (byte) '-');
        int d2 = d1 < 0 ? -1 : indexOf(buf, d1 + 1, comma, (byte) '-');
        if (d2 < 0) {
          return false;
        }
        long id = number(buf, d2 + 1, comma);
        if (id < 0 || id > Integer.MAX_VALUE) {
          return false;
        }
        lineGroupId = (int) id;
      }
      p = comma + 1;
    }
    return true;
  }

  private String sourceString(byte[] buf, int from, int to) {
    int n = to - from;
    if (n == lastSourceBytes.length && Arrays.equals(lastSourceBytes, 0, n, buf, from, to)) {
      return lastSourceString;
    }
    lastSourceBytes = Arrays.copyOfRange(buf, from, to);
    lastSourceString = new String(lastSourceBytes, StandardCharsets.ISO_8859_1);
    return lastSourceString;
  }

  private void parsePghp(byte[] buf, int p, int end) {
    // $PGHP,1,yyyy,m,d,h,min,s,ms,...*hh
    int star = indexOf(buf, p, end, (byte) '*');
    if (star < 0 || star + 3 > end) {
      rejectLine(RejectionCause.BAD_HEADER);
      return;
    }
    int sum = 0;
    for (int i = p + 1; i < star; i++) {
      sum ^= buf[i];
    }
    int h1 = hex(buf[star + 1]);
    int h2 = hex(buf[star + 2]);
    if (h1 < 0 || h2 < 0 || ((h1 << 4) | h2) != (sum & 0xff)) {
      rejectLine(RejectionCause.BAD_HEADER);
      return;
    }
    int q = p + PGHP.length;
    long[] f = pghpScratch;
    for (int i = 0; i < f.length; i++) {
      int comma = indexOf(buf, q, star, (byte) ',');
      if (comma < 0) {
        comma = star;
      }
      f[i] = number(buf, q, comma);
      q = comma + 1;
      if (q > star && i < f.length - 1) {
        rejectLine(RejectionCause.BAD_HEADER);
        return;
      }
    }
    if (f[0] != 1) {
      counters.ignored++; // other Gatehouse header types carry no receive time
      return;
    }
    long year = f[1];
    long month = f[2];
    long day = f[3];
    if (year < 1970
        || year > 9999
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || f[4] < 0
        || f[4] > 23
        || f[5] < 0
        || f[5] > 59
        || f[6] < 0
        || f[6] > 60
        || f[7] < 0
        || f[7] > 999) {
      rejectLine(RejectionCause.BAD_HEADER);
      return;
    }
    long days = daysFromCivil(year, month, day);
    pendingTime = ((days * 24 + f[4]) * 60 + f[5]) * 60_000 + f[6] * 1000 + f[7];
    if (lineSource != null) {
      pendingSource = lineSource;
    }
    counters.headers++;
  }

  private final long[] pghpScratch = new long[8];

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  // ---------------------------------------------------------------- small helpers

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

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] buf, int p, int end, byte[] prefix) {
    if (end - p < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[p + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static int singleDigit(byte[] buf, int from, int to) {
    if (to - from != 1) {
      return -1;
    }
    int d = buf[from] - '0';
    return d >= 0 && d <= 9 ? d : -1;
  }

  /** A non-negative decimal number of up to 18 digits, or -1. */
  private static long number(byte[] buf, int from, int to) {
    if (to <= from || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Builds an {@link AisDecoder}. Not thread-safe. */
  public static final class Builder {
    private final Consumer<DecodedMessage> sink;
    private Consumer<Rejection> rejections;
    private String source = "unknown";
    private Clock clock;
    private int maxGroupAge = 200;
    private int maxOpenGroups = 64;

    private Builder(Consumer<DecodedMessage> sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
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
