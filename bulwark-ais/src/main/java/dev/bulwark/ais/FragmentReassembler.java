package dev.bulwark.ais;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fragment reassembly, the last step of the sentence layer: collects the fragments of
 * multi-sentence messages by source, channel, sequence id and fragment count (or by tag-block
 * group), interleaved or out of order, and hands back each group once complete. Incomplete groups
 * expire (by age in sentences, or the oldest when all slots are taken) and are counted, never
 * decoded partially.
 *
 * <p>The groups and their payload buffers are allocated once and reused, so reassembly allocates
 * nothing once the buffers have grown to the longest fragment seen.
 *
 * <p>Not thread-safe: each decoder owns one.
 */
final class FragmentReassembler {

  /** What {@link #add} did with a fragment. */
  enum Outcome {
    /** Kept; its group still misses fragments. */
    PENDING,
    /** It completed its group: {@link #completed()} is ready to {@link #assemble}. */
    COMPLETE,
    /** The same fragment again (same number, same payload): dropped. */
    DUPLICATE
  }

  /** One multi-sentence message being reassembled. */
  static final class Group {
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

    void open(int groupId, String source, int channel, int seq, int count, long opened) {
      this.active = true;
      this.groupId = groupId;
      this.source = source;
      this.channel = channel;
      this.seq = seq;
      this.count = count;
      this.received = 0;
      this.opened = opened;
      this.time = LineHeaders.NO_TIME;
      this.tagSource = null;
    }
  }

  private final AisCounters counters;
  private final Consumer<Rejection> rejections;
  private final int maxGroupAge;
  private final Group[] groups;

  /** The open groups are {@code active[0, openGroups)}, in opening order; the rest is free. */
  private final Group[] active;

  private int openGroups;
  private Group completed;

  /**
   * A reassembler counting into {@code counters} (and reporting dropped groups to {@code
   * rejections}, which may be null) that keeps at most {@code maxOpenGroups} groups, each for at
   * most {@code maxGroupAge} sentences.
   */
  FragmentReassembler(
      AisCounters counters, Consumer<Rejection> rejections, int maxGroupAge, int maxOpenGroups) {
    this.counters = counters;
    this.rejections = rejections;
    this.maxGroupAge = maxGroupAge;
    this.groups = new Group[maxOpenGroups];
    this.active = new Group[maxOpenGroups];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new Group();
    }
  }

  /** The group the last {@link Outcome#COMPLETE} fragment completed (closed already). */
  Group completed() {
    return completed;
  }

  /**
   * Adds the fragment whose header is {@code h} and whose payload is in {@code buf}. {@code
   * groupId} is the tag-block group of its line (or -1), {@code keySource} the source of a tag
   * block on its own line (or null): only those identify a fragment's group. {@code time} and
   * {@code source} are what the lines around it said, kept for the message.
   */
  Outcome add(
      byte[] buf, SentenceHeader h, int groupId, String keySource, long time, String source) {
    String key = groupId >= 0 ? null : keySource;
    Group g = find(groupId, key, h.channel, h.seq, h.count);
    int idx = h.number - 1;
    int bit = 1 << idx;
    int n = h.payloadTo - h.payloadFrom;
    if (g != null && (g.received & bit) != 0) {
      if (g.lengths[idx] == n
          && Arrays.equals(g.payloads[idx], 0, n, buf, h.payloadFrom, h.payloadTo)) {
        return Outcome.DUPLICATE;
      }
      drop(g, RejectionCause.SEQUENCE_ID_REUSED);
      g = null;
    }
    if (g == null) {
      g = openGroup();
      g.open(groupId, key, h.channel, h.seq, h.count, counters.sentences);
      active[openGroups++] = g;
    }
    if (g.payloads[idx] == null || g.payloads[idx].length < n) {
      g.payloads[idx] = new byte[Math.max(n, 64)];
    }
    System.arraycopy(buf, h.payloadFrom, g.payloads[idx], 0, n);
    g.lengths[idx] = n;
    g.received |= bit;
    if (h.number == h.count) {
      g.fill = h.fill;
    }
    if (g.time == LineHeaders.NO_TIME) {
      g.time = time;
    }
    if (g.tagSource == null) {
      g.tagSource = source;
    }
    if (g.received != (1 << h.count) - 1) {
      return Outcome.PENDING;
    }
    close(g);
    completed = g;
    return Outcome.COMPLETE;
  }

  /**
   * Puts the payload of the complete group {@code g} into {@code bits}, fill bits dropped: null
   * when done, else why it is not a message.
   */
  RejectionCause assemble(Group g, PayloadBits bits) {
    int total = 0;
    for (int i = 0; i < g.count; i++) {
      total += g.lengths[i];
    }
    if (total > PayloadBits.MAX_PAYLOAD_CHARS) {
      return RejectionCause.OVERSIZE_PAYLOAD;
    }
    bits.reset();
    for (int i = 0; i < g.count; i++) {
      if (!bits.appendArmored(g.payloads[i], 0, g.lengths[i])) {
        return RejectionCause.INVALID_PAYLOAD_CHARACTER;
      }
    }
    if (g.fill > total * 6) {
      return RejectionCause.BAD_FILL_BITS;
    }
    bits.dropFillBits(g.fill);
    return null;
  }

  /** Expires the groups opened more than the maximum age ago; cheap when none is open. */
  void expireOld() {
    long limit = counters.sentences - maxGroupAge;
    while (openGroups > 0 && active[0].opened < limit) {
      drop(active[0], RejectionCause.INCOMPLETE_GROUP);
    }
  }

  boolean anyOpen() {
    return openGroups > 0;
  }

  /** Drops every open group as incomplete (the end of the input). */
  void dropAll() {
    while (openGroups > 0) {
      drop(active[0], RejectionCause.INCOMPLETE_GROUP);
    }
  }

  private Group find(int groupId, String key, int channel, int seq, int count) {
    for (int i = 0; i < openGroups; i++) {
      if (active[i].matches(groupId, key, channel, seq, count)) {
        return active[i];
      }
    }
    return null;
  }

  private Group openGroup() {
    if (openGroups == active.length) {
      // All in use: the oldest (first opened, so first in the active list) expires.
      drop(active[0], RejectionCause.INCOMPLETE_GROUP);
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

  private void drop(Group g, RejectionCause cause) {
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
}
