package dev.bulwark.node.audit;

import static dev.bulwark.node.audit.AuditLog.HMAC;
import static dev.bulwark.node.audit.AuditLog.SHA256;

import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog.Head;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Starts the key of an audit chain: opens the log with the key file it has, or creates the file and
 * records, as the chain's next record, from where on the chain is keyed (a first key, or a new one
 * when the file was lost). The key file and the record that names it are made together, under the
 * head's lock: a key no record names is deleted again. Stateless; thread-safe.
 */
final class AuditKeying {
  private AuditKeying() {}

  /**
   * The audit log of the database, keyed with the keyring in {@code keyFile}. When there is no such
   * file yet, creates it (mode 0600) and records the switch to the keyed chain, naming the key and
   * the first keyed record, as the chain's next record ({@code audit.keyed}); refuses when the
   * chain already holds keyed records, because a new key would leave them unverifiable without
   * saying so (restore the file from its backup instead).
   *
   * @param nation the node's nation, recorded with the switch
   */
  static AuditLog open(DataSource dataSource, Clock clock, Path keyFile, String nation) {
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
   * {@code audit.key-replaced}. Records linked with the lost key stay unverifiable ({@link
   * AuditLog#verify} names the first of them); refuses when the key file exists.
   */
  static AuditLog replaceLostKey(
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
        Head head = ChainLinks.head(c, true);
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
}
