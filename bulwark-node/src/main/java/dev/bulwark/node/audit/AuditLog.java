package dev.bulwark.node.audit;

import dev.bulwark.node.audit.AuditEntry.Decision;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The append-only, hash-chained audit log in the node's database. Each record holds the SHA-256 of
 * the one before it and of its own content, so that editing, inserting or deleting a record breaks
 * the chain at that point; {@link #verify} finds the first such break.
 *
 * <p>Appends are serialised in this process by a lock and across processes (the CLI also appends) by
 * a row lock on the chain's head (table {@code audit_head}), in one transaction with the insert.
 * Deleting the newest records together with resetting the head cannot be told from a shorter log;
 * everything else (editing, inserting, removing a record) breaks the chain. Thread-safe.
 */
public final class AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final String COLUMNS =
      "seq, at_us, principal, nation, action, collection_id, decision, object_refs, detail,"
          + " prev_hash, hash";

  private final DataSource dataSource;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();

  public AuditLog(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
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
   * auto-commit mode; the caller commits): for records that must commit together with what they record,
   * such as the objects a POST stored. The chain's head stays locked until that transaction ends, so
   * other appends wait for it; keep the transaction short.
   */
  public List<AuditRecord> appendAll(Connection c, List<AuditEntry> entries) throws SQLException {
    long seq;
    String prev;
    // the head row's lock serialises appends across transactions and processes (the CLI appends too)
    try (PreparedStatement s =
            c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_head has no row: the schema is not migrated");
      }
      seq = rs.getLong(1);
      prev = rs.getString(2);
    }
    List<AuditRecord> appended = new ArrayList<>(entries.size());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry entry : entries) {
        seq++;
        long at = nowMicros();
        String hash = hash(seq, at, entry, prev);
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
        s.setString(11, hash);
        s.executeUpdate();
        appended.add(new AuditRecord(seq, at, entry, prev, hash));
        prev = hash;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.setString(2, prev);
      s.executeUpdate();
    }
    return appended;
  }

  /** Records after {@code afterSeq}, oldest first, at most {@code limit}, optionally of one principal. */
  public List<AuditRecord> list(long afterSeq, int limit, Optional<String> principal) {
    List<AuditRecord> out = new ArrayList<>();
    String sql =
        "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ?"
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
          out.add(recordOf(rs));
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

  /** Walks the whole chain; {@code progress} is told how many records were checked, now and then. */
  public Verification verify(Consumer<Long> progress) {
    long expectedSeq = 1;
    String prev = GENESIS;
    long checked = 0;
    try (Connection c = dataSource.getConnection()) {
      while (true) {
        int rows = 0;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 5000")) {
          s.setLong(1, expectedSeq);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows++;
              AuditRecord r = recordOf(rs);
              if (r.seq() != expectedSeq) {
                return new Verification(
                    checked,
                    Optional.of(new Break(expectedSeq, "record missing (next present is " + r.seq() + ")")));
              }
              if (!r.prevHash().equals(prev)) {
                return new Verification(
                    checked, Optional.of(new Break(r.seq(), "does not follow the record before it")));
              }
              if (!hash(r.seq(), r.atMicros(), r.entry(), r.prevHash()).equals(r.hash())) {
                return new Verification(
                    checked, Optional.of(new Break(r.seq(), "content does not match its hash")));
              }
              prev = r.hash();
              expectedSeq++;
              checked++;
            }
          }
        }
        progress.accept(checked);
        if (rows < 5000) {
          return new Verification(checked, Optional.empty());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  private static AuditRecord recordOf(ResultSet rs) throws SQLException {
    String refs = rs.getString(8);
    AuditEntry entry =
        new AuditEntry(
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            Decision.valueOf(rs.getString(7)),
            refs.isEmpty() ? List.of() : Arrays.asList(refs.split(",")),
            rs.getString(9));
    return new AuditRecord(rs.getLong(1), rs.getLong(2), entry, rs.getString(10), rs.getString(11));
  }

  /** SHA-256 over length-prefixed fields, so that no two different records encode alike. */
  static String hash(long seq, long atMicros, AuditEntry e, String prevHash) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(ByteBuffer.allocate(16).putLong(seq).putLong(atMicros).array());
      for (String field :
          List.of(
              e.principal(),
              e.nation(),
              e.action(),
              e.collectionId(),
              e.decision().name(),
              String.join(",", e.objectRefs()),
              e.detail(),
              prevHash)) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        d.update(ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
