package dev.bulwark.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.storage.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash chain proves the log intact and names the first record that was changed or removed. */
class AuditLogTest {
  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private static AuditLog filled(HikariDataSource ds, int n) {
    AuditLog log = new AuditLog(ds, Clock.systemUTC());
    for (int i = 1; i <= n; i++) {
      log.append(new AuditEntry("analyst-" + i % 3, "EST", "taxii.objects", "intel",
          i % 4 == 0 ? Decision.DENY : Decision.ALLOW, List.of("indicator--" + i), "read " + i));
    }
    return log;
  }

  private static void sql(HikariDataSource ds, String statement) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUntouchedLogVerifies(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 12);
      AuditLog.Verification v = log.verify(n -> { });
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(12);
      assertThat(log.list(0, 100, Optional.of("analyst-1"))).hasSize(4)
          .allSatisfy(r -> assertThat(r.entry().principal()).isEqualTo("analyst-1"));
      assertThat(log.list(10, 100, Optional.empty())).extracting(AuditRecord::seq).containsExactly(11L, 12L);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anEditedRecordIsNamed(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 12);
      sql(ds, "UPDATE audit_log SET decision = 'ALLOW' WHERE seq = 8");
      AuditLog.Verification v = log.verify(n -> { });
      assertThat(v.firstBreak()).hasValueSatisfying(b -> {
        assertThat(b.seq()).isEqualTo(8);
        assertThat(b.reason()).contains("hash");
      });
      assertThat(v.records()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRecordRewrittenWithAFreshHashBreaksTheNextLink(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 6);
      AuditRecord third = log.list(2, 1, Optional.empty()).get(0);
      AuditEntry forged = new AuditEntry("someone-else", "EST", third.entry().action(), "intel", Decision.ALLOW, List.of(), "");
      String hash = AuditLog.hash(3, third.atMicros(), forged, third.prevHash());
      sql(ds, "UPDATE audit_log SET principal = 'someone-else', object_refs = '', detail = '', hash = '" + hash + "' WHERE seq = 3");
      assertThat(log.verify(n -> { }).firstBreak()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(4));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRemovedRecordIsNamed(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = filled(ds, 6);
      sql(ds, "DELETE FROM audit_log WHERE seq = 2");
      assertThat(log.verify(n -> { }).firstBreak()).hasValueSatisfying(b -> {
        assertThat(b.seq()).isEqualTo(2);
        assertThat(b.reason()).contains("missing");
      });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentAppendsKeepOneChain(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      // two logs over one database stand for the node and a CLI process appending at once
      AuditLog a = new AuditLog(ds, Clock.systemUTC());
      AuditLog b = new AuditLog(ds, Clock.systemUTC());
      java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      Thread t1 = new Thread(() -> { for (int i = 0; i < 40; i++) { a.append(entry(i)); } });
      Thread t2 = new Thread(() -> { for (int i = 0; i < 40; i++) { b.append(entry(i)); } });
      t1.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      t2.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      t1.start();
      t2.start();
      t1.join();
      t2.join();
      assertThat(failures).isEmpty();
      AuditLog.Verification v = a.verify(n -> { });
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(80);
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
        assertThat(kept).extracting(AuditRecord::seq).containsExactly(4L, 5L);
        c.setAutoCommit(true);
      }
      assertThat(log.list(0, 100, Optional.empty()))
          .extracting(r -> r.entry().objectRefs().get(0))
          .containsExactly("indicator--1", "indicator--2", "indicator--3", "x--12", "x--13");
      assertThat(log.verify(n -> { }).intact()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void appendsWaitForAnOpenTransactionThatAppendsAndFollowIt(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      AuditLog log = new AuditLog(ds, Clock.systemUTC());
      java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      // as the store does: records appended within a longer write transaction, committed later,
      // while requests append their own records in transactions of their own
      Thread writer = new Thread(() -> {
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
      Thread reader = new Thread(() -> { for (int i = 0; i < 40; i++) { log.append(entry(200 + i)); } });
      writer.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      reader.setUncaughtExceptionHandler((t, e) -> failures.add(e));
      writer.start();
      reader.start();
      writer.join();
      reader.join();
      assertThat(failures).isEmpty();
      AuditLog.Verification v = log.verify(n -> { });
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(70);
    }
  }

  private static AuditEntry entry(int i) {
    return new AuditEntry("p", "EST", "taxii.add", "intel", Decision.ALLOW, List.of("x--" + i), "");
  }
}
