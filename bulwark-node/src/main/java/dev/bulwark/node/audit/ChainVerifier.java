package dev.bulwark.node.audit;

import static dev.bulwark.node.audit.AuditLog.HMAC;
import static dev.bulwark.node.audit.AuditLog.SHA256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Checks the audit chain that {@link AuditLog} writes: every record's link (keyed or, before the
 * keyring's {@code keyed-from}, plain SHA-256), the order of keys, the head's seal (so that
 * deleting the newest records shows), and the links peers received as anchors (so that a rewrite by
 * whoever holds the key shows). Reads only; thread-safe.
 */
final class ChainVerifier {
  private final DataSource dataSource;

  /** The log's keyring as it is now (a rotation in another process may extend it). */
  private final Supplier<AuditKeyring> keys;

  ChainVerifier(DataSource dataSource, Supplier<AuditKeyring> keys) {
    this.dataSource = dataSource;
    this.keys = keys;
  }

  /**
   * Walks the whole chain and checks its head; {@code progress} is told how many records were
   * checked, now and then. The head is read first, so records appended while this runs are checked
   * too.
   */
  AuditLog.Verification verify(Consumer<Long> progress) {
    long expectedSeq = 1;
    String prev = ChainLinks.GENESIS;
    long checked = 0;
    int keyIndex = -1;
    String headRecordLink = null;
    AuditLog.Head head;
    try (Connection c = dataSource.getConnection()) {
      head = ChainLinks.head(c, false);
      while (true) {
        int rows = 0;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + ChainLinks.COLUMNS
                    + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 5000")) {
          s.setLong(1, expectedSeq);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows++;
              AuditRecord r = ChainLinks.recordOf(rs);
              Optional<String> broken;
              if (r.seq() != expectedSeq) {
                broken = Optional.of("record missing (next present is " + r.seq() + ")");
              } else if (!r.prevHash().equals(prev)) {
                broken = Optional.of("does not follow the record before it");
              } else {
                broken = checkLink(r, keyIndex);
              }
              if (broken.isPresent()) {
                return new AuditLog.Verification(
                    checked, Optional.of(new AuditLog.Break(expectedSeq, broken.get())));
              }
              if (r.scheme().equals(HMAC)) {
                keyIndex = keys.get().indexOf(r.keyId());
              }
              if (r.seq() == head.seq()) {
                headRecordLink = r.hash();
              }
              prev = r.hash();
              expectedSeq++;
              checked++;
            }
          }
        }
        progress.accept(checked);
        if (rows < 5000) {
          break;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
    return checkHead(head, checked, expectedSeq - 1, headRecordLink);
  }

  /** Why a record's own link does not hold, if it does not. */
  private Optional<String> checkLink(AuditRecord r, int previousKeyIndex) {
    switch (r.scheme()) {
      case SHA256 -> {
        if (r.seq() >= keys.get().keyedFrom() || previousKeyIndex >= 0) {
          return Optional.of(
              "an unkeyed ("
                  + SHA256
                  + ") record where the chain is keyed (from #"
                  + keys.get().keyedFrom()
                  + " on, "
                  + keys.get().file().getFileName()
                  + "): written or rewritten without the node's key");
        }
        if (!ChainLinks.hash(r.seq(), r.atMicros(), r.entry(), r.prevHash()).equals(r.hash())) {
          return Optional.of("content does not match its hash");
        }
        return Optional.empty();
      }
      case HMAC -> {
        int index = keys.get().indexOf(r.keyId());
        if (index < 0) {
          return Optional.of(
              "linked with key "
                  + r.keyId()
                  + ", which "
                  + keys.get().file()
                  + " does not hold (a lost or foreign key: the record cannot be verified)");
        }
        if (index < previousKeyIndex) {
          return Optional.of(
              "linked with key " + r.keyId() + ", older than the key of the record before it");
        }
        String link =
            keys.get()
                .mac(
                    r.keyId(),
                    ChainLinks.content(
                        r.seq(), r.atMicros(), r.entry(), r.prevHash(), HMAC, r.keyId()));
        if (!MessageDigest.isEqual(
            link.getBytes(StandardCharsets.US_ASCII),
            r.hash().getBytes(StandardCharsets.US_ASCII))) {
          return Optional.of(
              "content does not match its link (changed, or the chain recomputed without the node's key)");
        }
        return Optional.empty();
      }
      default -> {
        return Optional.of("unknown link scheme '" + r.scheme() + "'");
      }
    }
  }

  /**
   * The head must name the newest record (or one appended while verifying) with its link, sealed
   * with the node's key once the chain is keyed: otherwise the newest records were deleted, or the
   * head set back.
   */
  private AuditLog.Verification checkHead(
      AuditLog.Head head, long checked, long lastSeq, String headRecordLink) {
    if (head.seq() < keys.get().keyedFrom()) {
      return broken(
          checked,
          keys.get().keyedFrom(),
          "record missing: the chain is keyed from #"
              + keys.get().keyedFrom()
              + " ("
              + keys.get().file().getFileName()
              + ") but its head is #"
              + head.seq()
              + " (keyed records were deleted)");
    }
    if (head.seq() > lastSeq) {
      return broken(
          checked,
          lastSeq + 1,
          "record missing: the chain's head names #"
              + head.seq()
              + " but the log ends at #"
              + lastSeq
              + " (the newest record(s) were deleted)");
    }
    if (head.seq() > 0 && !head.link().equals(headRecordLink)) {
      return broken(
          checked,
          head.seq(),
          "does not match the chain's head (the record or the head was changed)");
    }
    if (keys.get().indexOf(head.keyId()) < 0) {
      return broken(
          checked,
          head.seq(),
          "the chain's head is not sealed with a key of "
              + keys.get().file().getFileName()
              + " (the head was rewritten)");
    }
    String mac = keys.get().mac(head.keyId(), ChainLinks.headContent(head.seq(), head.link()));
    if (!MessageDigest.isEqual(
        mac.getBytes(StandardCharsets.US_ASCII), head.mac().getBytes(StandardCharsets.US_ASCII))) {
      return broken(
          checked,
          head.seq(),
          "the chain's head does not match its seal (the head was set back"
              + " or rewritten: records after #"
              + head.seq()
              + " may have been deleted)");
    }
    return new AuditLog.Verification(checked, Optional.empty());
  }

  private static AuditLog.Verification broken(long checked, long seq, String reason) {
    return new AuditLog.Verification(checked, Optional.of(new AuditLog.Break(seq, reason)));
  }

  /**
   * Checks that this node's records still have the links its peers received as anchors: a record
   * changed (even with the chain recomputed with the node's own key) or deleted since shows as a
   * mismatch at every anchor from that record on. Mismatches come lowest record first.
   */
  AuditLog.AnchorCheck checkAnchors(List<Anchor> anchors) {
    List<Anchor> sorted = anchors.stream().sorted(Comparator.comparingLong(Anchor::seq)).toList();
    List<AuditLog.AnchorMismatch> mismatches = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?");
        PreparedStatement last = c.prepareStatement("SELECT MAX(seq) FROM audit_log")) {
      for (Anchor a : sorted) {
        if (a.seq() == 0) {
          continue;
        }
        s.setLong(1, a.seq());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            long end;
            try (ResultSet m = last.executeQuery()) {
              end = m.next() ? m.getLong(1) : 0;
            }
            mismatches.add(
                new AuditLog.AnchorMismatch(
                    a,
                    "record #"
                        + a.seq()
                        + " is missing (the log ends at #"
                        + end
                        + "; records were deleted)"));
          } else if (!rs.getString(1).equals(a.link())) {
            mismatches.add(
                new AuditLog.AnchorMismatch(
                    a,
                    "record #"
                        + a.seq()
                        + " has link "
                        + abbrev(rs.getString(1))
                        + ", not "
                        + abbrev(a.link())
                        + " as anchored: the chain was rewritten at or before #"
                        + a.seq()));
          }
        }
      }
      return new AuditLog.AnchorCheck(sorted.size(), mismatches);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  private static String abbrev(String link) {
    return link.length() > 16 ? link.substring(0, 16) + "…" : link;
  }
}
