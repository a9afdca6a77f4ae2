package dev.bulwark.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keyed chain proves the log intact and names the first record that was changed or removed,
 * even when the chain was recomputed without the node's key; its head shows the newest records
 * deleted. The first record of a new log is the switch to the keyed chain ({@code audit.keyed}), so
 * the records filled in here start at #2.
 */
class AuditLogTest {
  @TempDir Path home;

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private Path keyFile() {
    return home.resolve(AuditKeyring.FILE_NAME);
  }

  private AuditLog open(HikariDataSource ds) {
    return AuditLog.open(ds, Clock.systemUTC(), keyFile(), "EST");
  }

  private AuditLog filled(HikariDataSource ds, int n) {
    AuditLog log = open(ds);
    for (int i = 1; i <= n; i++) {
      log.append(
          new AuditEntry(
              "analyst-" + i % 3,
              "EST",
              "taxii.objects",
              "intel",
              i % 4 == 0 ? Decision.DENY : Decision.ALLOW,
              List.of("indicator--" + i),
              "read " + i));
    }
    return log;
  }

  private static void sql(HikariDataSource ds, String statement) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUntouchedLogVerifies(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 12);
      AuditLog.Verification v = log.verify(n -> {});
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(13);
      assertThat(log.list(0, 100, Optional.of("analyst-1")))
          .hasSize(4)
          .allSatisfy(r -> assertThat(r.entry().principal()).isEqualTo("analyst-1"));
      assertThat(log.list(11, 100, Optional.empty()))
          .extracting(AuditRecord::seq)
          .containsExactly(12L, 13L);
      assertThat(log.list(0, 100, Optional.empty()))
          .allSatisfy(
              r -> {
                assertThat(r.scheme()).isEqualTo(AuditLog.HMAC);
                assertThat(r.keyId()).isEqualTo(log.keys().current().id());
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anEditedRecordIsNamed(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 12);
      sql(ds, "UPDATE audit_log SET decision = 'ALLOW' WHERE seq = 9");
      AuditLog.Verification v = log.verify(n -> {});
      assertThat(v.firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(9);
                assertThat(b.reason()).contains("does not match its link");
              });
      assertThat(v.records()).isEqualTo(8);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void finding8_aChainRecomputedWithoutTheKeyFailsVerify(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 8);
      // the attacker holds the database, not the key: it links with a key of its own, head included
      ChainRewriter.rewrite(ds, log.keys(), 4, "nothing happened", ChainRewriter.With.FOREIGN_KEY);
      AuditLog.Verification v = log.verify(n -> {});
      assertThat(v.firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(4);
                assertThat(b.reason()).contains("recomputed without the node's key");
              });
      assertThat(v.records()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void finding8_aChainRecomputedAsPlainSha256FailsVerify(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 8);
      // the unkeyed scheme of old records is no way around the key for records after the switch
      ChainRewriter.rewrite(ds, log.keys(), 4, "nothing happened", ChainRewriter.With.SHA256);
      assertThat(log.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(4);
                assertThat(b.reason()).contains("unkeyed");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChainRecomputedWithTheNodesOwnKeyVerifiesButNotAgainstTheAnchorsTakenBefore(
      TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 8);
      AuditLog.Head head = log.head();
      Anchor anchor = new Anchor(head.seq(), head.link(), 0);
      assertThat(log.checkAnchors(List.of(anchor)).intact()).isTrue();
      ChainRewriter.rewrite(ds, log.keys(), 4, "nothing happened", ChainRewriter.With.NODE_KEY);
      // who holds the key and the database can rewrite the chain: only the anchor a peer holds
      // shows it
      assertThat(log.verify(n -> {}).intact()).isTrue();
      AuditLog.AnchorCheck check = log.checkAnchors(List.of(anchor));
      assertThat(check.intact()).isFalse();
      assertThat(check.mismatches().get(0).reason()).contains("#9").contains("rewritten");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void finding8_deletingTheNewestRecordIsDetectedByVerify(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 6);
      sql(ds, "DELETE FROM audit_log WHERE seq = 7");
      assertThat(ChainRewriter.headSeq(ds)).isEqualTo(7);
      AuditLog.Verification v = log.verify(n -> {});
      assertThat(v.firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(7);
                assertThat(b.reason()).contains("newest record(s) were deleted");
              });
      assertThat(v.records()).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void finding8_deletingTheNewestRecordsAndSettingTheHeadBackIsDetectedByVerify(
      TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 6);
      sql(ds, "DELETE FROM audit_log WHERE seq >= 6");
      // the head names record 5 with its true link, but the attacker cannot seal it without the key
      ChainRewriter.setHead(ds, log.keys(), 5, ChainRewriter.With.FOREIGN_KEY);
      assertThat(log.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(5);
                assertThat(b.reason()).contains("seal");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void deletingEveryKeyedRecordIsDetectedByVerify(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 3);
      sql(ds, "DELETE FROM audit_log");
      sql(
          ds,
          "UPDATE audit_head SET seq = 0, hash = '"
              + ChainLinks.GENESIS
              + "', key_id = '', mac = ''");
      assertThat(log.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(1);
                assertThat(b.reason()).contains("keyed records were deleted");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChainFromBeforeTheKeyStillVerifiesAndTheSwitchIsRecorded(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      // three records as a node before the keyed chain wrote them: plain SHA-256, no key
      String prev = ChainLinks.GENESIS;
      for (long seq = 1; seq <= 3; seq++) {
        AuditEntry e = entry((int) seq);
        String hash = ChainLinks.hash(seq, 1_000L * seq, e, prev);
        sql(
            ds,
            "INSERT INTO audit_log (seq, at_us, principal, nation, action, collection_id, decision, object_refs,"
                + " detail, prev_hash, hash) VALUES ("
                + seq
                + ", "
                + 1_000L * seq
                + ", 'p', 'EST', 'taxii.add', 'intel',"
                + " 'ALLOW', 'x--"
                + seq
                + "', '', '"
                + prev
                + "', '"
                + hash
                + "')");
        prev = hash;
      }
      sql(ds, "UPDATE audit_head SET seq = 3, hash = '" + prev + "'");
      AuditLog log = open(ds);
      log.append(entry(4));
      List<AuditRecord> records = log.list(0, 100, Optional.empty());
      assertThat(records)
          .extracting(AuditRecord::scheme)
          .containsExactly(
              AuditLog.SHA256, AuditLog.SHA256, AuditLog.SHA256, AuditLog.HMAC, AuditLog.HMAC);
      assertThat(records.get(3).entry().action()).isEqualTo("audit.keyed");
      assertThat(records.get(3).entry().detail())
          .contains(log.keys().current().id())
          .contains("records #1 to #3 are sha256");
      assertThat(log.keys().keyedFrom()).isEqualTo(4);
      assertThat(log.verify(n -> {}))
          .satisfies(
              v -> {
                assertThat(v.intact()).isTrue();
                assertThat(v.records()).isEqualTo(5);
              });

      // an old record rewritten and the chain recomputed without the key: it breaks at the switch
      ChainRewriter.rewrite(ds, log.keys(), 2, "rewritten", ChainRewriter.With.SHA256);
      assertThat(log.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(4);
                assertThat(b.reason()).contains("unkeyed");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aKeyedChainWhoseKeyFileIsMissingIsNotSilentlyRekeyed(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      filled(ds, 2);
      Files.delete(keyFile());
      assertThatThrownBy(() -> open(ds))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(keyFile().toString())
          .hasMessageContaining("restore it");
      assertThat(keyFile()).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRotatedKeyLinksNewRecordsWhileOlderRecordsStillVerify(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 2);
      String first = log.keys().current().id();
      AuditLog rotated = log.rotateKey("admin", "EST");
      rotated.append(entry(9));
      assertThat(rotated.keys().current().id()).isNotEqualTo(first);
      assertThat(rotated.list(0, 100, Optional.empty()))
          .extracting(AuditRecord::keyId)
          .containsExactly(
              first, first, first, rotated.keys().current().id(), rotated.keys().current().id());
      AuditLog reopened = open(ds);
      assertThat(reopened.verify(n -> {}).intact()).isTrue();
      // a record after the rotation linked with the older key is named, though that key is the
      // node's
      ChainRewriter.rewrite(ds, log.keys(), 5, "older key", ChainRewriter.With.NODE_KEY);
      assertThat(reopened.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(5);
                assertThat(b.reason()).contains("older than the key");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aKeyRotatedByAnotherProcessIsPickedUpByARunningNode(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog node = filled(ds, 2);
      AuditLog cli = open(ds);
      String rotatedTo = cli.rotateKey("admin", "EST").keys().current().id();
      AuditRecord next = node.append(entry(7));
      assertThat(next.keyId()).isEqualTo(rotatedTo);
      assertThat(node.verify(n -> {}).intact()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theKeyFileIsReadableByItsOwnerOnly(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      open(ds);
      assertThat(Files.getPosixFilePermissions(keyFile()))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRemovedRecordIsNamed(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 6);
      sql(ds, "DELETE FROM audit_log WHERE seq = 3");
      assertThat(log.verify(n -> {}).firstBreak())
          .hasValueSatisfying(
              b -> {
                assertThat(b.seq()).isEqualTo(3);
                assertThat(b.reason()).contains("missing");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentAppendsKeepOneChain(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      // two logs over one database stand for the node and a CLI process appending at once
      AuditLog a = open(ds);
      AuditLog b = open(ds);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      Thread t1 =
          new Thread(
              () -> {
                for (int i = 0; i < 40; i++) {
                  a.append(entry(i));
                }
              });
      Thread t2 =
          new Thread(
              () -> {
                for (int i = 0; i < 40; i++) {
                  b.append(entry(i));
                }
              });
      t1.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      t2.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      t1.start();
      t2.start();
      t1.join();
      t2.join();
      assertThat(failures).isEmpty();
      AuditLog.Verification v = a.verify(n -> {});
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(81);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void recordsAppendedInACallersTransactionCommitOrRollBackWithIt(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 3);
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        log.appendAll(c, List.of(entry(10), entry(11)));
        c.rollback();
        List<AuditRecord> kept = log.appendAll(c, List.of(entry(12), entry(13)));
        c.commit();
        assertThat(kept).extracting(AuditRecord::seq).containsExactly(5L, 6L);
        c.setAutoCommit(true);
      }
      assertThat(log.list(1, 100, Optional.empty()))
          .extracting(r -> r.entry().objectRefs().get(0))
          .containsExactly("indicator--1", "indicator--2", "indicator--3", "x--12", "x--13");
      assertThat(log.verify(n -> {}).intact()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void appendsWaitForAnOpenTransactionThatAppendsAndFollowIt(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = open(ds);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      // as the store does: records appended within a longer write transaction, committed later,
      // while requests append their own records in transactions of their own
      Thread writer =
          new Thread(
              () -> {
                try (Connection c = ds.getConnection()) {
                  c.setAutoCommit(false);
                  for (int i = 0; i < 15; i++) {
                    log.appendAll(c, List.of(entry(i), entry(100 + i)));
                    Thread.sleep(20);
                    c.commit();
                  }
                } catch (Exception e) {
                  failures.add(e);
                }
              });
      Thread reader =
          new Thread(
              () -> {
                for (int i = 0; i < 40; i++) {
                  log.append(entry(200 + i));
                }
              });
      writer.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      reader.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      writer.start();
      reader.start();
      writer.join();
      reader.join();
      assertThat(failures).isEmpty();
      AuditLog.Verification v = log.verify(n -> {});
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(71);
    }
  }

  private static AuditEntry entry(int i) {
    return new AuditEntry("p", "EST", "taxii.add", "intel", Decision.ALLOW, List.of("x--" + i), "");
  }
}
