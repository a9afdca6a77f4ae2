package dev.bulwark.node.audit;

import dev.bulwark.node.audit.AuditEntry.Decision;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * How the audit chain is written down, shared by the writer ({@link AuditLog}) and the verifier
 * ({@link ChainVerifier}): a record's content as linked, the content the head's seal covers, the
 * columns of table {@code audit_log} and the head row of {@code audit_head}. A change here changes
 * every link: the format is fixed. Stateless; thread-safe.
 */
final class ChainLinks {
  /** The link before the first record. */
  static final String GENESIS = "0".repeat(64);

  static final String COLUMNS =
      "seq, at_us, principal, nation, action, collection_id, decision, object_refs, detail,"
          + " prev_hash, hash, scheme, key_id";

  private ChainLinks() {}

  /** The head row; {@code forUpdate} locks it until the transaction ends (appends take turns). */
  static AuditLog.Head head(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, hash, key_id, mac FROM audit_head WHERE id = 1"
                    + (forUpdate ? " FOR UPDATE" : ""));
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_head has no row: the schema is not migrated");
      }
      return new AuditLog.Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
  }

  static AuditRecord recordOf(ResultSet rs) throws SQLException {
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
}
