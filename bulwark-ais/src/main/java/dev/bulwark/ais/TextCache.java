package dev.bulwark.ais;

/**
 * Remembers the Strings of recently decoded six-bit text fields (names, call signs, destinations,
 * vendor ids), keyed by the field's bits: a vessel sends the same text again and again, so most
 * lookups return the String built the first time instead of decoding and allocating a new one.
 *
 * <p>Direct-mapped with a fixed number of slots, so its memory is bounded: a text evicts whatever
 * text held its slot. A hit compares the full key (up to 120 bits, the character count and whether
 * trailing spaces are trimmed), so a cached String always equals a fresh decode. Fields longer than
 * {@link #MAX_CHARS} characters are decoded without the cache. Not thread-safe: one per {@link
 * MessageDecoder}.
 */
final class TextCache {

  /** The longest field cached: 20 characters (120 bits) fit in two 60-bit reads. */
  static final int MAX_CHARS = 20;

  private final int shift;
  private final long[] high;
  private final long[] low;

  /** {@code chars << 1 | trim} of each slot's text; 0 for an empty slot. */
  private final int[] shapes;

  private final String[] texts;

  /** A cache of {@code 2^log2Slots} slots (1..16). */
  TextCache(int log2Slots) {
    if (log2Slots < 1 || log2Slots > 16) {
      throw new IllegalArgumentException("log2Slots must be 1..16");
    }
    int slots = 1 << log2Slots;
    this.shift = 64 - log2Slots;
    this.high = new long[slots];
    this.low = new long[slots];
    this.shapes = new int[slots];
    this.texts = new String[slots];
  }

  /** The same String as {@code b.text(start, chars, trim)}, from the cache when it holds it. */
  String text(PayloadBits b, int start, int chars, boolean trim) {
    if (chars <= 0 || chars > MAX_CHARS || start + 6 * chars > PayloadBits.CAPACITY_BITS) {
      return b.text(start, chars, trim);
    }
    long hi = b.ulong(start, 6 * Math.min(chars, 10));
    long lo = chars > 10 ? b.ulong(start + 60, 6 * (chars - 10)) : 0;
    int shape = (chars << 1) | (trim ? 1 : 0);
    int slot = (int) (((hi * 0x9E3779B97F4A7C15L + lo + shape) * 0xC2B2AE3D27D4EB4FL) >>> shift);
    if (shapes[slot] == shape && high[slot] == hi && low[slot] == lo) {
      return texts[slot];
    }
    String s = b.text(start, chars, trim);
    shapes[slot] = shape;
    high[slot] = hi;
    low[slot] = lo;
    texts[slot] = s;
    return s;
  }
}
