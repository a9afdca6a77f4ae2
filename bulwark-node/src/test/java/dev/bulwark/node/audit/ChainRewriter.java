package dev.bulwark.node.audit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An attacker who can write the node's database: changes one record's detail and recomputes every
 * link from there on, and the head, so that the chain looks whole. With the node's own key (the
 * strongest attacker, who also holds BULWARK_HOME/audit.key), with a key of its own, or as plain
 * SHA-256. For tests.
 */
public final class ChainRewriter {
  private ChainRewriter() {}

  /** How the attacker recomputes the links. */
  public enum With {
    NODE_KEY,
    FOREIGN_KEY,
    SHA256
  }

  public static void rewrite(
      DataSource ds, AuditKeyring nodeKeys, long seq, String detail, With with)
      throws SQLException {
    byte[] foreign = new byte[32];
    new SecureRandom().nextBytes(foreign);
    AuditLog reader = new AuditLog(ds, Clock.systemUTC(), nodeKeys);
    List<AuditRecord> records = reader.list(seq - 1, Integer.MAX_VALUE, Optional.empty());
    String prev =
        seq == 1 ? ChainLinks.GENESIS : reader.list(seq - 2, 1, Optional.empty()).get(0).hash();
    long last = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ?, scheme = ?, key_id = ? WHERE seq = ?")) {
      for (AuditRecord r : records) {
        AuditEntry e = r.entry();
        if (r.seq() == seq) {
          e =
              new AuditEntry(
                  e.principal(),
                  e.nation(),
                  e.action(),
                  e.collectionId(),
                  e.decision(),
                  e.objectRefs(),
                  detail);
        }
        String keyId = with == With.SHA256 ? "" : nodeKeys.current().id();
        String scheme = with == With.SHA256 ? AuditLog.SHA256 : AuditLog.HMAC;
        String link =
            switch (with) {
              case SHA256 -> ChainLinks.hash(r.seq(), r.atMicros(), e, prev);
              case NODE_KEY ->
                  nodeKeys.mac(
                      keyId, ChainLinks.content(r.seq(), r.atMicros(), e, prev, scheme, keyId));
              case FOREIGN_KEY ->
                  AuditKeyring.mac(
                      foreign, ChainLinks.content(r.seq(), r.atMicros(), e, prev, scheme, keyId));
            };
        s.setString(1, e.detail());
        s.setString(2, prev);
        s.setString(3, link);
        s.setString(4, scheme);
        s.setString(5, keyId);
        s.setLong(6, r.seq());
        s.executeUpdate();
        prev = link;
        last = r.seq();
      }
      setHead(c, nodeKeys, last, prev, with, foreign);
    }
  }

  /** Sets the head to a record, sealing it as the attacker can. */
  public static void setHead(DataSource ds, AuditKeyring nodeKeys, long seq, With with)
      throws SQLException {
    AuditLog reader = new AuditLog(ds, Clock.systemUTC(), nodeKeys);
    String link = reader.list(seq - 1, 1, Optional.empty()).get(0).hash();
    byte[] foreign = new byte[32];
    new SecureRandom().nextBytes(foreign);
    try (Connection c = ds.getConnection()) {
      setHead(c, nodeKeys, seq, link, with, foreign);
    }
  }

  private static void setHead(
      Connection c, AuditKeyring nodeKeys, long seq, String link, With with, byte[] foreign)
      throws SQLException {
    String keyId = nodeKeys.current().id();
    byte[] content = ChainLinks.headContent(seq, link);
    String mac =
        switch (with) {
          case NODE_KEY -> nodeKeys.mac(keyId, content);
          case FOREIGN_KEY -> AuditKeyring.mac(foreign, content);
          case SHA256 -> "";
        };
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE audit_head SET seq = ?, hash = ?, key_id = ?, mac = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.setString(2, link);
      s.setString(3, with == With.SHA256 ? "" : keyId);
      s.setString(4, mac);
      s.executeUpdate();
    }
  }

  /** The stored head, to check it was kept. */
  static long headSeq(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT seq FROM audit_head");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
