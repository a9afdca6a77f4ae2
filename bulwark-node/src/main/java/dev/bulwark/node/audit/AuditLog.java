package dev.bulwark.node.audit;

import dev.bulwark.node.audit.AuditEntry.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The append-only, keyed audit chain in the node's database. Each record holds the link of the one
 * before it and its own link, an HMAC-SHA256 under the node's audit key ({@link AuditKeyring}, kept
 * outside the database) over its content and the previous link. Editing, inserting or deleting a
 * record breaks the chain at that point, and whoever can write the database but does not hold the
 * key cannot recompute it; {@link #verify} names the first such break. The chain's head (table
 * {@code audit_head}) is sealed with the key too and checked by {@link #verify}, so that deleting
 * the newest records shows. Records written before the chain was keyed (scheme {@value #SHA256})
 * still verify as plain SHA-256 links; every record from the keyring's {@code keyed-from} on must
 * be keyed.
 *
 * <p>Who holds the database and the key can still rewrite the chain; anchors (heads sent to peers,
 * {@link AnchorStore}, {@link #checkAnchors}) show such a rewrite against what the peers received.
 *
 * <p>Appends are serialised in this process by a lock and across processes (the CLI also appends)
 * by a row lock on the chain's head, in one transaction with the insert. Thread-safe.
 *
 * <p>This class writes the chain and rotates its key; {@link ChainLinks} fixes how a record and the
 * head are linked, {@link ChainVerifier} checks the chain, its head and the anchors, {@link
 * AuditKeying} starts a key file with the record that names it. The append stays on hand-written
 * JDBC: it runs in the caller's transaction on every TAXII add (the TAXII benchmark measures it).
 */
public final class AuditLog {
  /** The scheme of keyed records. */
  public static final String HMAC = "hmac-sha256";

  /** The scheme of records written before the chain was keyed. */
  public static final String SHA256 = "sha256";

  private final DataSource dataSource;
  private final Clock clock;

  /**
   * Replaced only by a keyring that extends it (a key added by {@code bulwark audit rotate-key}).
   */
  private volatile AuditKeyring keys;

  private final ReentrantLock lock = new ReentrantLock();
  private final ChainVerifier verifier;

  public AuditLog(DataSource dataSource, Clock clock, AuditKeyring keys) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.keys = keys;
    this.verifier = new ChainVerifier(dataSource, this::keys);
  }

  /**
   * The audit log of the database, keyed with the keyring in {@code keyFile}. When there is no such
   * file yet, creates it (mode 0600) and records the switch to the keyed chain, naming the key and
   * the first keyed record, as the chain's next record ({@code audit.keyed}); refuses when the
   * chain already holds keyed records, because a new key would leave them unverifiable without
   * saying so (restore the file from its backup instead). See {@link AuditKeying}.
   *
   * @param nation the node's nation, recorded with the switch
   */
  public static AuditLog open(DataSource dataSource, Clock clock, Path keyFile, String nation) {
    return AuditKeying.open(dataSource, clock, keyFile, nation);
  }

  /**
   * When the key file is lost: starts a new one, keyed from the next record, and records that as
   * {@code audit.key-replaced}. Records linked with the lost key stay unverifiable ({@link #verify}
   * names the first of them); refuses when the key file exists.
   */
  public static AuditLog replaceLostKey(
      DataSource dataSource, Clock clock, Path keyFile, String principal, String nation) {
    return AuditKeying.replaceLostKey(dataSource, clock, keyFile, principal, nation);
  }

  /**
   * Makes a new key the one that links records from now on (the old ones stay in the file to verify
   * older records) and records the rotation with the new key. Returns the log keyed with it.
   */
  public AuditLog rotateKey(String principal, String nation) {
    lock.lock();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        ChainLinks.head(c, true);
        AuditKeyring before = refreshKeys();
        AuditKeyring ring = before.rotated();
        AuditLog log = new AuditLog(dataSource, clock, ring);
        log.appendAll(
            c,
            List.of(
                new AuditEntry(
                    principal,
                    nation,
                    "audit.key-rotated",
                    "",
                    Decision.ALLOW,
                    List.of(),
                    "records are linked with key "
                        + ring.current().id()
                        + " from here on, after key "
                        + before.current().id())));
        c.commit();
        return log;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot rotate the audit key: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the audit key " + keys.file() + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Picks up a key another process added to the key file (a rotation while the node runs), so that
   * this log links with it too and verifies the records linked with it. Keeps the keys it has when
   * the file cannot be read or does not extend them.
   */
  private AuditKeyring refreshKeys() {
    AuditKeyring ring = keys;
    try {
      Optional<AuditKeyring> fresh = AuditKeyring.read(ring.file());
      if (fresh.isPresent() && fresh.get().extendsKeys(ring)) {
        keys = fresh.get();
        return fresh.get();
      }
    } catch (RuntimeException e) {
      // unreadable now: keep linking with the keys read before
    }
    return ring;
  }

  /** The keyring this log links records with. */
  public AuditKeyring keys() {
    return keys;
  }

  /** Appends one record, in a transaction of its own, and returns it. */
  public AuditRecord append(AuditEntry entry) {
    lock.lock();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        AuditRecord record = appendAll(c, List.of(entry)).get(0);
        c.commit();
        return record;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to the audit log: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends the records, in order, in the caller's transaction on {@code c} (which must not be in
   * auto-commit mode; the caller commits): for records that must commit together with what they
   * record, such as the objects a POST stored. The chain's head stays locked until that transaction
   * ends, so other appends wait for it; keep the transaction short.
   */
  public List<AuditRecord> appendAll(Connection c, List<AuditEntry> entries) throws SQLException {
    // the head row's lock serialises appends across transactions and processes (the CLI appends
    // too)
    Head head = ChainLinks.head(c, true);
    long seq = head.seq();
    String prev = head.link();
    if (!head.keyId().isEmpty() && keys.indexOf(head.keyId()) < 0) {
      refreshKeys(); // the newest record was linked with a key added since this log read the file
    }
    AuditKeyring.Key key = keys.current();
    List<AuditRecord> appended = new ArrayList<>(entries.size());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_log ("
                + ChainLinks.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry entry : entries) {
        seq++;
        long at = nowMicros();
        String link =
            AuditKeyring.mac(
                key.secret(), ChainLinks.content(seq, at, entry, prev, HMAC, key.id()));
        s.setLong(1, seq);
        s.setLong(2, at);
        s.setString(3, entry.principal());
        s.setString(4, entry.nation());
        s.setString(5, entry.action());
        s.setString(6, entry.collectionId());
        s.setString(7, entry.decision().name());
        s.setString(8, String.join(",", entry.objectRefs()));
        s.setString(9, entry.detail());
        s.setString(10, prev);
        s.setString(11, link);
        s.setString(12, HMAC);
        s.setString(13, key.id());
        s.executeUpdate();
        appended.add(new AuditRecord(seq, at, entry, prev, link, HMAC, key.id()));
        prev = link;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE audit_head SET seq = ?, hash = ?, key_id = ?, mac = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.setString(2, prev);
      s.setString(3, key.id());
      s.setString(4, AuditKeyring.mac(key.secret(), ChainLinks.headContent(seq, prev)));
      s.executeUpdate();
    }
    return appended;
  }

  /** The chain's head as stored: the newest record's number and link, and the seal over them. */
  public record Head(long seq, String link, String keyId, String mac) {}

  /** The chain's head as stored now. */
  public Head head() {
    try (Connection c = dataSource.getConnection()) {
      return ChainLinks.head(c, false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * Records after {@code afterSeq}, oldest first, at most {@code limit}, optionally of one
   * principal.
   */
  public List<AuditRecord> list(long afterSeq, int limit, Optional<String> principal) {
    List<AuditRecord> out = new ArrayList<>();
    String sql =
        "SELECT "
            + ChainLinks.COLUMNS
            + " FROM audit_log WHERE seq > ?"
            + (principal.isPresent() ? " AND principal = ?" : "")
            + " ORDER BY seq LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      s.setLong(p++, afterSeq);
      if (principal.isPresent()) {
        s.setString(p++, principal.get());
      }
      s.setInt(p, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(ChainLinks.recordOf(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  /** What {@link #verify} found. */
  public record Verification(long records, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  /** The first record where the chain does not hold, and why. */
  public record Break(long seq, String reason) {}

  /**
   * Walks the whole chain and checks its head ({@link ChainVerifier}); {@code progress} is told how
   * many records were checked, now and then. The head is read first, so records appended while this
   * runs are checked too.
   */
  public Verification verify(Consumer<Long> progress) {
    refreshKeys();
    return verifier.verify(progress);
  }

  /**
   * An anchor that does not hold: this node's record at {@code seq} is missing or has another link.
   */
  public record AnchorMismatch(Anchor anchor, String reason) {}

  /**
   * What {@link #checkAnchors} found: how many anchors were checked, and those that do not hold.
   */
  public record AnchorCheck(long checked, List<AnchorMismatch> mismatches) {
    public AnchorCheck {
      mismatches = List.copyOf(mismatches);
    }

    public boolean intact() {
      return mismatches.isEmpty();
    }
  }

  /**
   * Checks that this node's records still have the links its peers received as anchors: a record
   * changed (even with the chain recomputed with the node's own key) or deleted since shows as a
   * mismatch at every anchor from that record on. Mismatches come lowest record first.
   */
  public AnchorCheck checkAnchors(List<Anchor> anchors) {
    return verifier.checkAnchors(anchors);
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
