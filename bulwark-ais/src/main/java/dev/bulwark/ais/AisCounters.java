package dev.bulwark.ais;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running counts of one {@link AisDecoder}: lines read, sentences accepted, messages decoded per
 * type, rejections per {@link RejectionCause}, and lines ignored because they are not AIS (other
 * NMEA sentences, comments, blank lines).
 *
 * <p>Written only by the decoder's thread and not thread-safe: read it on that thread, or after the
 * source feeding the decoder has stopped, or take a {@link #snapshot()} there.
 */
public final class AisCounters {

  private static final RejectionCause[] CAUSES = RejectionCause.values();

  long lines;
  long sentences;
  long messages;
  long ignored;
  long headers;
  long rejectedLines;
  final long[] byType = new long[64];
  final long[] rejections = new long[CAUSES.length];

  void reject(RejectionCause cause) {
    rejections[cause.ordinal()]++;
  }

  /** Lines given to the decoder. */
  public long lines() {
    return lines;
  }

  /** AIS sentences that passed the sentence layer (checksum and fields). */
  public long sentences() {
    return sentences;
  }

  /** Messages decoded and delivered. */
  public long messages() {
    return messages;
  }

  /** Lines that are not AIS sentences (other NMEA sentences, comments, blank lines). */
  public long ignoredLines() {
    return ignored;
  }

  /** Header lines consumed as context for the next sentence (a tag block alone, {@code $PGHP}). */
  public long headerLines() {
    return headers;
  }

  /**
   * Lines rejected by the sentence layer (before becoming a sentence). Every line is counted once:
   * {@code lines == ignoredLines + headerLines + rejectedLines + sentences}.
   */
  public long rejectedLines() {
    return rejectedLines;
  }

  /** Messages of the given type (1..27) decoded. */
  public long messagesOfType(int type) {
    return type >= 0 && type < byType.length ? byType[type] : 0;
  }

  /** Rejections counted under {@code cause}. */
  public long rejected(RejectionCause cause) {
    return rejections[cause.ordinal()];
  }

  /** All rejections. */
  public long rejectedTotal() {
    long sum = 0;
    for (long r : rejections) {
      sum += r;
    }
    return sum;
  }

  /** An immutable copy of the counts. */
  public Snapshot snapshot() {
    Map<Integer, Long> types = new TreeMap<>();
    for (int t = 0; t < byType.length; t++) {
      if (byType[t] > 0) {
        types.put(t, byType[t]);
      }
    }
    Map<RejectionCause, Long> rej = new EnumMap<>(RejectionCause.class);
    for (RejectionCause c : CAUSES) {
      if (rejections[c.ordinal()] > 0) {
        rej.put(c, rejections[c.ordinal()]);
      }
    }
    return new Snapshot(
        lines,
        sentences,
        messages,
        ignored,
        Collections.unmodifiableMap(types),
        Collections.unmodifiableMap(rej));
  }

  /**
   * An immutable copy of the counters; maps hold only non-zero entries. Thread-safe.
   *
   * @param lines lines read
   * @param sentences AIS sentences accepted by the sentence layer
   * @param messages messages decoded
   * @param ignoredLines non-AIS lines
   * @param messagesByType messages per type, ascending
   * @param rejections rejections per cause
   */
  public record Snapshot(
      long lines,
      long sentences,
      long messages,
      long ignoredLines,
      Map<Integer, Long> messagesByType,
      Map<RejectionCause, Long> rejections) {

    /** All rejections. */
    public long rejectedTotal() {
      return rejections.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
