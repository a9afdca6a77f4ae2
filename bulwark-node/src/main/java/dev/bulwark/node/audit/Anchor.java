package dev.bulwark.node.audit;

import java.util.HexFormat;

/**
 * A node's audit chain head as published to a peer: the record number and its link, and when the
 * node took it. A peer that keeps it can later show that the node's record at {@code seq} still has
 * that link ({@link AuditLog#checkAnchors}). Immutable.
 *
 * @param issuedMicros when the sending node took it, microseconds since the epoch
 */
public record Anchor(long seq, String link, long issuedMicros) {
  public Anchor {
    if (seq < 0) {
      throw new IllegalArgumentException("an anchor's seq is not negative");
    }
    if (link.length() != 64) {
      throw new IllegalArgumentException("an anchor's link is 64 hex digits");
    }
    HexFormat.of().parseHex(link);
  }
}
