package dev.bulwark.ais;

/**
 * Header parsing, the second step of reading an encapsulated sentence: from the separators that
 * {@link SentenceScanner} found, the fragment count and number, the sequence id, the radio channel,
 * where the armored payload lies and its fill bits, each checked the way gpsd checks it.
 *
 * <p>Not thread-safe: each decoder owns one and reuses it for every sentence (the fields are those
 * of the last sentence parsed), so parsing allocates nothing.
 */
final class SentenceHeader {

  /** Fragments in the message (1-9). */
  int count;

  /** This fragment's number (1-{@link #count}). */
  int number;

  /** Sequential message id (0-9999), or -1 when the field is empty. */
  int seq;

  /** Radio channel character ({@code 'A'}, {@code 'B'}, ...), or 0 when the field is empty. */
  int channel;

  /** The armored payload is {@code buf[payloadFrom, payloadTo)}. */
  int payloadFrom;

  int payloadTo;

  /** Fill bits at the end of the payload (0-5). */
  int fill;

  /**
   * Parses the fields of the sentence in {@code buf} that {@code scanned} has just scanned: null
   * when they are well-formed, else why not.
   */
  RejectionCause parse(byte[] buf, SentenceScanner scanned) {
    int[] commas = scanned.commas;
    int star = scanned.star;
    count = NmeaBytes.singleDigit(buf, commas[0] + 1, commas[1]);
    number = NmeaBytes.singleDigit(buf, commas[1] + 1, commas[2]);
    if (count < 1 || number < 1 || number > count) {
      return RejectionCause.BAD_FRAGMENT_NUMBERING;
    }
    seq = -1;
    if (commas[3] > commas[2] + 1) {
      long v = NmeaBytes.number(buf, commas[2] + 1, commas[3]);
      if (v < 0 || v > 9999) {
        return RejectionCause.MALFORMED_SENTENCE;
      }
      seq = (int) v;
    }
    channel = 0;
    int chLen = commas[4] - commas[3] - 1;
    if (chLen == 1) {
      channel = buf[commas[3] + 1];
    } else if (chLen > 1) {
      return RejectionCause.MALFORMED_SENTENCE;
    }
    payloadFrom = commas[4] + 1;
    payloadTo = commas[5];
    return parseFill(buf, commas[5] + 1, star);
  }

  private RejectionCause parseFill(byte[] buf, int from, int star) {
    fill = 0;
    if (star > from) {
      fill = NmeaBytes.singleDigit(buf, from, star);
      if (fill < 0 || fill > 5) {
        return RejectionCause.BAD_FILL_BITS;
      }
    }
    // Only the last fragment may carry fill bits, and no more than its payload has.
    if (fill > 0 && number < count) {
      return RejectionCause.BAD_FILL_BITS;
    }
    int payloadLen = payloadTo - payloadFrom;
    if (fill > payloadLen * 6) {
      return RejectionCause.BAD_FILL_BITS;
    }
    if (payloadLen > PayloadBits.MAX_PAYLOAD_CHARS) {
      return RejectionCause.OVERSIZE_PAYLOAD;
    }
    return null;
  }
}
