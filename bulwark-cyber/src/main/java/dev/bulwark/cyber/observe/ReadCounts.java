package dev.bulwark.cyber.observe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a read produced: lines seen, observations made, lines rejected per {@link RejectCause}. Not
 * thread-safe: one per reader thread; {@link #add} merges.
 */
public final class ReadCounts {
  private long lines;
  private long observations;
  private final long[] rejected = new long[RejectCause.values().length];
  private final List<String> examples = new ArrayList<>();

  /** How many rejections are kept with their line and reason (the rest are only counted). */
  public static final int EXAMPLES = 10;

  /** Counts one line read (accepted or not). */
  public void line() {
    lines++;
  }

  /** Counts one observation made. */
  public void observation() {
    observations++;
  }

  /** Counts one line rejected for the given cause. */
  public void reject(RejectCause cause) {
    rejected[cause.ordinal()]++;
  }

  /** Counts one line rejected, keeping where and why for the first {@link #EXAMPLES}. */
  public void reject(RejectCause cause, String where, String reason) {
    reject(cause);
    if (examples.size() < EXAMPLES) {
      examples.add(where + ": " + cause.label() + ": " + reason);
    }
  }

  /** The first rejections, each as {@code where: cause: reason}. */
  public List<String> examples() {
    return List.copyOf(examples);
  }

  /** Lines read, including rejected and header lines. */
  public long lines() {
    return lines;
  }

  /** Observations made. */
  public long observations() {
    return observations;
  }

  /** Lines rejected for one cause. */
  public long rejected(RejectCause cause) {
    return rejected[cause.ordinal()];
  }

  /** Lines rejected for any cause. */
  public long rejectedTotal() {
    long sum = 0;
    for (long r : rejected) {
      sum += r;
    }
    return sum;
  }

  /** The non-zero rejection counts, by cause, in declaration order. */
  public Map<RejectCause, Long> rejectedByCause() {
    Map<RejectCause, Long> out = new EnumMap<>(RejectCause.class);
    for (RejectCause c : RejectCause.values()) {
      if (rejected[c.ordinal()] > 0) {
        out.put(c, rejected[c.ordinal()]);
      }
    }
    return out;
  }

  /** Adds another count into this one. */
  public void add(ReadCounts other) {
    lines += other.lines;
    observations += other.observations;
    for (int i = 0; i < rejected.length; i++) {
      rejected[i] += other.rejected[i];
    }
    for (String e : other.examples) {
      if (examples.size() < EXAMPLES) {
        examples.add(e);
      }
    }
  }
}
