package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditKeyring;
import dev.bulwark.node.audit.ChainRewriter;
import dev.bulwark.node.store.NodeDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes the node's store (or its support ledger) leaves a record in the audit
 * log, naming who ran it and what it wrote; {@code audit verify} proves the chain and its head, as
 * a person at a terminal uses them, on a node's home (issue 14, finding 8).
 */
class CliWritesAreAuditedTest {
  private static final String OPERATOR = System.getProperty("user.name", "cli");
  @TempDir Path dir;
  private Path home;
  private final PrintStream stdout = System.out;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void home() {
    home = dir.resolve("home");
    System.setProperty("bulwark.home", home.toString());
    System.setProperty("bulwark.security.pbkdf2-iterations", "1000");
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.clearProperty("bulwark.security.pbkdf2-iterations");
    System.clearProperty("bulwark.home");
  }

  private String printed() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  /** What {@code audit list} prints now. */
  private String auditList() {
    printed();
    assertThat(BulwarkMain.execute("audit", "list", "--limit", "1000")).isZero();
    return printed();
  }

  private void assertVerifies() {
    printed();
    assertThat(BulwarkMain.execute("audit", "verify")).isZero();
    assertThat(printed()).contains("audit log intact");
  }

  @Test
  void finding8_stixImportIsAudited() throws Exception {
    Path file = dir.resolve("indicator.json");
    try (var in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/stix/indicator-for-c2-ip-address.json"))) {
      Files.copy(in, file);
    }
    assertThat(
            BulwarkMain.execute(
                "stix", "import", file.toString(), "--collection", "intel", "--as", "loader"))
        .isZero();
    String list = auditList();
    assertThat(list)
        .containsPattern("#\\d+ \\S+ " + OPERATOR + "/EST collection.create intel ALLOW");
    assertThat(list)
        .containsPattern(
            "#\\d+ \\S+ "
                + OPERATOR
                + "/EST stix.import intel ALLOW 0 object\\(s\\) "
                + "\\Q"
                + file
                + "\\E \\(sha256 [0-9a-f]{64}\\): 1 stored, 0 already held, 0 rejected; added as loader");
    assertVerifies();
  }

  @Test
  void finding8_peerAddReplaceAndRemoveAreAuditedWithoutTheToken() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "peer",
                "add",
                "fin",
                "--url",
                "http://127.0.0.1:9/bulwark/",
                "--nation",
                "FIN",
                "--token",
                "secret-token-of-fin",
                "--pull",
                "intel"))
        .isZero();
    assertThat(
            BulwarkMain.execute(
                "peer",
                "add",
                "fin",
                "--url",
                "http://127.0.0.1:9/bulwark/",
                "--nation",
                "FIN",
                "--token",
                "secret-token-of-fin",
                "--push",
                "intel"))
        .isZero();
    assertThat(BulwarkMain.execute("peer", "remove", "fin")).isZero();
    String list = auditList();
    assertThat(list)
        .containsPattern(
            OPERATOR
                + "/EST peer.add - ALLOW 0 object\\(s\\) fin FIN http://127.0.0.1:9/bulwark/ pull=\\[intel\\]");
    assertThat(list)
        .containsPattern(
            OPERATOR + "/EST peer.replace - ALLOW 0 object\\(s\\) fin FIN .* push=\\[intel\\]");
    assertThat(list).containsPattern(OPERATOR + "/EST peer.remove - ALLOW 0 object\\(s\\) fin");
    assertThat(list).doesNotContain("secret-token-of-fin");
    assertVerifies();
  }

  @Test
  void principalAddAndRevokeAreAudited() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal",
                "add",
                "alice",
                "--nation",
                "FIN",
                "--roles",
                "reader",
                "--expires",
                "P30D"))
        .isZero();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isZero();
    String list = auditList();
    assertThat(list)
        .containsPattern(
            OPERATOR + "/EST principal.add - ALLOW 0 object\\(s\\) alice FIN reader expires ");
    assertThat(list)
        .containsPattern(OPERATOR + "/EST principal.revoke - ALLOW 0 object\\(s\\) alice");
    assertThat(list).doesNotContain("bwk_");
  }

  @Test
  void supportImportIsAuditedInTheNodeOfItsHome() throws Exception {
    Path csv = dir.resolve("contributions.csv");
    Files.writeString(
        csv,
        "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source\n"
            + "A,EST,2024-01-10,delivered,training,bilateral,,1000,EUR,,contract_price,,,\n");
    assertThat(BulwarkMain.execute("support", "import", csv.toString(), "--home", home.toString()))
        .isZero();
    assertThat(auditList())
        .containsPattern(
            OPERATOR
                + "/EST support.import - ALLOW 0 object\\(s\\) \\Q"
                + csv
                + "\\E: 1 contributions into the node's ledger");
    assertVerifies();
  }

  @Test
  void supportImportKielIsAudited() throws Exception {
    Path kiel = dir.resolve("data_explorer.csv");
    Files.copy(
        Path.of(
            "..",
            "bulwark-support",
            "src",
            "test",
            "resources",
            "dev",
            "bulwark",
            "support",
            "kiel",
            "kiel_synthetic_data_explorer.csv"),
        kiel);
    // the support commands take the home from --home or BULWARK_HOME (never the user's own here)
    assertThat(
            BulwarkMain.execute(
                "support",
                "import-kiel",
                kiel.toString(),
                "--release",
                "2025-01",
                "--home",
                home.toString()))
        .isZero();
    assertThat(auditList())
        .containsPattern(
            OPERATOR
                + "/EST support.import-kiel - ALLOW 0 object\\(s\\) \\Q"
                + kiel
                + "\\E: \\d+ contributions into the node's ledger \\(release 2025-01\\)");
    assertVerifies();
  }

  @Test
  void finding8_deletingTheNewestRecordIsDetectedByVerify() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "EST", "--roles", "reader"))
        .isZero();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isZero();
    try (Connection c = DriverManager.getConnection(NodeDatabase.defaultUrl(home), "bulwark", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    }
    printed();
    assertThat(BulwarkMain.execute("audit", "verify")).isEqualTo(1);
    assertThat(printed())
        .contains("TAMPERED: first bad record is #3")
        .contains("newest record(s) were deleted");
  }

  @Test
  void finding8_aChainRecomputedWithoutTheKeyFailsVerify() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "EST", "--roles", "reader"))
        .isZero();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isZero();
    try (HikariDataSource ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2)) {
      AuditKeyring keys = AuditKeyring.read(home.resolve("audit.key")).orElseThrow();
      ChainRewriter.rewrite(ds, keys, 2, "bob EST reader", ChainRewriter.With.FOREIGN_KEY);
    }
    printed();
    assertThat(BulwarkMain.execute("audit", "verify")).isEqualTo(1);
    assertThat(printed())
        .contains("TAMPERED: first bad record is #2")
        .contains("recomputed without the node's key");
  }

  @Test
  void aRotatedKeyIsRecordedAndOlderRecordsStillVerify() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "EST", "--roles", "reader"))
        .isZero();
    assertThat(BulwarkMain.execute("audit", "rotate-key")).isZero();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isZero();
    assertThat(auditList())
        .containsPattern(
            OPERATOR
                + "/EST audit.key-rotated - ALLOW 0 object\\(s\\) records are linked with key [0-9a-f]{16}");
    assertThat(
            AuditKeyring.read(home.resolve("audit.key"))
                .orElseThrow()
                .indexOf(AuditKeyring.read(home.resolve("audit.key")).orElseThrow().current().id()))
        .isEqualTo(1);
    assertVerifies();
  }
}
