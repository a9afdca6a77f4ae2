package dev.bulwark.node.audit;

import dev.bulwark.node.audit.AuditEntry.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Comparator;
import java.util.HexFormat;
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
 */
public final class AuditLog {
  static final String GENESIS = "0".repeat(64);

  /** The scheme of keyed records. */
  public static final String HMAC = "hmac-sha256";

  /** The scheme of records written before the chain was keyed. */
  public static final String SHA256 = "sha256";

  private static final String COLUMNS =
      "seq, at_us, principal, nation, action, collection_id, decision, object_refs, detail,"
          + " prev_hash, hash, scheme, key_id";

  private final DataSource dataSource;
  private final Clock clock;

  /**
   * Replaced only by a keyring that extends it (a key added by {@code bulwark audit rotate-key}).
   */
  private volatile AuditKeyring keys;

  private final ReentrantLock lock = new ReentrantLock();

  public AuditLog(DataSource dataSource, Clock clock, AuditKeyring keys) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.keys = keys;
  }

  /**
   * The audit log of the database, keyed with the keyring in {@code keyFile}. When there is no such
   * file yet, creates it (mode 0600) and records the switch to the keyed chain, naming the key and
   * the first keyed record, as the chain's next record ({@code audit.keyed}); refuses when the
   * chain already holds keyed records, because a new key would leave them unverifiable without
   * saying so (restore the file from its backup instead).
   *
   * @param nation the node's nation, recorded with the switch
   */
  public static AuditLog open(DataSource dataSource, Clock clock, Path keyFile, String nation) {
    Optional<AuditKeyring> existing = AuditKeyring.read(keyFile);
    if (existing.isPresent()) {
      return new AuditLog(dataSource, clock, existing.get());
    }
    return keyFromNextRecord(
        dataSource,
        clock,
        keyFile,
        "cannot key the audit log",
        new NewKey() {
          @Override
          public Optional<AuditLog> instead(Connection c, Head head) throws SQLException {
            // under the head's lock: another process that created the key meanwhile has it in the
            // file
            Optional<AuditKeyring> made = AuditKeyring.read(keyFile);
            if (made.isPresent()) {
              return Optional.of(new AuditLog(dataSource, clock, made.get()));
            }
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT seq, key_id FROM audit_log WHERE scheme <> ? ORDER BY seq DESC LIMIT 1")) {
              s.setString(1, SHA256);
              try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                  throw new IllegalStateException(
                      "the audit log is keyed (record #"
                          + rs.getLong(1)
                          + ", key "
                          + rs.getString(2)
                          + ") but its key file "
                          + keyFile
                          + " is missing: restore it from its backup"
                          + " (bulwark audit rotate-key --replace-lost starts a new key; keyed records before it"
                          + " then cannot be verified)");
                }
              }
            }
            return Optional.empty();
          }

          @Override
          public AuditEntry record(Head head, AuditKeyring ring) {
            return new AuditEntry(
                "bulwark",
                nation,
                "audit.keyed",
                "",
                Decision.ALLOW,
                List.of(),
                "the chain is keyed from this record on: "
                    + HMAC
                    + " with key "
                    + ring.current().id()
                    + " in "
                    + keyFile.getFileName()
                    + (head.seq() == 0 ? "" : "; records #1 to #" + head.seq() + " are " + SHA256));
          }
        });
  }

  /**
   * When the key file is lost: starts a new one, keyed from the next record, and records that as
   * {@code audit.key-replaced}. Records linked with the lost key stay unverifiable ({@link #verify}
   * names the first of them); refuses when the key file exists.
   */
  public static AuditLog replaceLostKey(
      DataSource dataSource, Clock clock, Path keyFile, String principal, String nation) {
    if (Files.exists(keyFile)) {
      throw new IllegalStateException(keyFile + " exists: rotate the key instead");
    }
    return keyFromNextRecord(
        dataSource,
        clock,
        keyFile,
        "cannot replace the audit key",
        new NewKey() {
          @Override
          public Optional<AuditLog> instead(Connection c, Head head) {
            return Optional.empty();
          }

          @Override
          public AuditEntry record(Head head, AuditKeyring ring) {
            return new AuditEntry(
                principal,
                nation,
                "audit.key-replaced",
                "",
                Decision.ALLOW,
                List.of(),
                "the audit key was lost and replaced: records are linked with key "
                    + ring.current().id()
                    + " from here on; keyed records before #"
                    + (head.seq() + 1)
                    + " can no longer be verified");
          }
        });
  }

  /**
   * What starting a key file checks under the head's lock, and the record that names the new key.
   */
  private interface NewKey {
    /**
     * The log to return instead of keying (another process keyed it meanwhile); may refuse by
     * throwing.
     */
    Optional<AuditLog> instead(Connection c, Head head) throws SQLException;

    /** The record, written with the new key as the chain's next one, that says why it starts. */
    AuditEntry record(Head head, AuditKeyring ring);
  }

  /**
   * Creates {@code keyFile} (keyed from the record after the head) and writes the record that names
   * it, in one transaction holding the head's lock; a key whose record did not commit is deleted
   * again, since it would be a key no record names.
   */
  private static AuditLog keyFromNextRecord(
      DataSource dataSource, Clock clock, Path keyFile, String failure, NewKey step) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      Path created = null;
      try {
        Head head = head(c, true);
        Optional<AuditLog> instead = step.instead(c, head);
        if (instead.isPresent()) {
          c.rollback();
          return instead.get();
        }
        AuditKeyring ring = AuditKeyring.create(keyFile, head.seq() + 1);
        created = keyFile;
        AuditLog log = new AuditLog(dataSource, clock, ring);
        log.appendAll(c, List.of(step.record(head, ring)));
        c.commit();
        return log;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        if (created != null) {
          Files.deleteIfExists(created);
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(failure + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the audit key " + keyFile + ": " + e.getMessage(), e);
    }
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
        head(c, true);
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
    Head head = head(c, true);
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
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry entry : entries) {
        seq++;
        long at = nowMicros();
        String link = AuditKeyring.mac(key.secret(), content(seq, at, entry, prev, HMAC, key.id()));
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
      s.setString(4, AuditKeyring.mac(key.secret(), headContent(seq, prev)));
      s.executeUpdate();
    }
    return appended;
  }

  /** The chain's head as stored: the newest record's number and link, and the seal over them. */
  public record Head(long seq, String link, String keyId, String mac) {}

  /** The chain's head as stored now. */
  public Head head() {
    try (Connection c = dataSource.getConnection()) {
      return head(c, false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  private static Head head(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, hash, key_id, mac FROM audit_head WHERE id = 1"
                    + (forUpdate ? " FOR UPDATE" : ""));
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_head has no row: the schema is not migrated");
      }
      return new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
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
            + COLUMNS
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

  /**
   * Walks the whole chain and checks its head; {@code progress} is told how many records were
   * checked, now and then. The head is read first, so records appended while this runs are checked
   * too.
   */
  public Verification verify(Consumer<Long> progress) {
    long expectedSeq = 1;
    String prev = GENESIS;
    long checked = 0;
    int keyIndex = -1;
    String headRecordLink = null;
    refreshKeys();
    Head head;
    try (Connection c = dataSource.getConnection()) {
      head = head(c, false);
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
              Optional<String> broken;
              if (r.seq() != expectedSeq) {
                broken = Optional.of("record missing (next present is " + r.seq() + ")");
              } else if (!r.prevHash().equals(prev)) {
                broken = Optional.of("does not follow the record before it");
              } else {
                broken = checkLink(r, keyIndex);
              }
              if (broken.isPresent()) {
                return new Verification(checked, Optional.of(new Break(expectedSeq, broken.get())));
              }
              if (r.scheme().equals(HMAC)) {
                keyIndex = keys.indexOf(r.keyId());
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
        if (r.seq() >= keys.keyedFrom() || previousKeyIndex >= 0) {
          return Optional.of(
              "an unkeyed ("
                  + SHA256
                  + ") record where the chain is keyed (from #"
                  + keys.keyedFrom()
                  + " on, "
                  + keys.file().getFileName()
                  + "): written or rewritten without the node's key");
        }
        if (!hash(r.seq(), r.atMicros(), r.entry(), r.prevHash()).equals(r.hash())) {
          return Optional.of("content does not match its hash");
        }
        return Optional.empty();
      }
      case HMAC -> {
        int index = keys.indexOf(r.keyId());
        if (index < 0) {
          return Optional.of(
              "linked with key "
                  + r.keyId()
                  + ", which "
                  + keys.file()
                  + " does not hold (a lost or foreign key: the record cannot be verified)");
        }
        if (index < previousKeyIndex) {
          return Optional.of(
              "linked with key " + r.keyId() + ", older than the key of the record before it");
        }
        String link =
            keys.mac(
                r.keyId(),
                content(r.seq(), r.atMicros(), r.entry(), r.prevHash(), HMAC, r.keyId()));
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
  private Verification checkHead(Head head, long checked, long lastSeq, String headRecordLink) {
    if (head.seq() < keys.keyedFrom()) {
      return broken(
          checked,
          keys.keyedFrom(),
          "record missing: the chain is keyed from #"
              + keys.keyedFrom()
              + " ("
              + keys.file().getFileName()
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
    if (keys.indexOf(head.keyId()) < 0) {
      return broken(
          checked,
          head.seq(),
          "the chain's head is not sealed with a key of "
              + keys.file().getFileName()
              + " (the head was rewritten)");
    }
    String mac = keys.mac(head.keyId(), headContent(head.seq(), head.link()));
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
    return new Verification(checked, Optional.empty());
  }

  private static Verification broken(long checked, long seq, String reason) {
    return new Verification(checked, Optional.of(new Break(seq, reason)));
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
    List<Anchor> sorted = anchors.stream().sorted(Comparator.comparingLong(Anchor::seq)).toList();
    List<AnchorMismatch> mismatches = new ArrayList<>();
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
                new AnchorMismatch(
                    a,
                    "record #"
                        + a.seq()
                        + " is missing (the log ends at #"
                        + end
                        + "; records were deleted)"));
          } else if (!rs.getString(1).equals(a.link())) {
            mismatches.add(
                new AnchorMismatch(
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
      return new AnchorCheck(sorted.size(), mismatches);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  private static String abbrev(String link) {
    return link.length() > 16 ? link.substring(0, 16) + "…" : link;
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
    return new AuditRecord(
        rs.getLong(1),
        rs.getLong(2),
        entry,
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13));
  }

  /**
   * The link of a record of the unkeyed scheme: SHA-256 over its content, as nodes before V13 wrote
   * it.
   */
  static String hash(long seq, long atMicros, AuditEntry e, String prevHash) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(content(seq, atMicros, e, prevHash)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /**
   * A record's content as linked: length-prefixed fields, so that no two different records encode
   * alike; a keyed record also covers its scheme and key id, so that neither can be swapped.
   */
  static byte[] content(long seq, long atMicros, AuditEntry e, String prevHash, String... more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(atMicros).array());
    List<String> fields =
        new ArrayList<>(
            List.of(
                e.principal(),
                e.nation(),
                e.action(),
                e.collectionId(),
                e.decision().name(),
                String.join(",", e.objectRefs()),
                e.detail(),
                prevHash));
    fields.addAll(List.of(more));
    for (String field : fields) {
      byte[] b = field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /** What the head's seal covers; the label keeps it from ever equalling a record's content. */
  static byte[] headContent(long seq, String link) {
    return ("bulwark audit head\0" + seq + "\0" + link).getBytes(StandardCharsets.US_ASCII);
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
