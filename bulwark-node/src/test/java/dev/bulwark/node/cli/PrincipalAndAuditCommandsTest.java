package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bulwark principal} and {@code bulwark audit} on a node's home, without Spring. */
class PrincipalAndAuditCommandsTest {
  private Path home;
  private String previousHome;
  private final PrintStream stdout = System.out;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void home() throws Exception {
    home = TempDirs.create("bulwark-cli-principal-");
    previousHome = System.getProperty("bulwark.home");
    System.setProperty("bulwark.home", home.toString());
    // fast hashes for the test only (tokens are 256-bit random; the count only slows guessing)
    System.setProperty("bulwark.security.pbkdf2-iterations", "1000");
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.clearProperty("bulwark.security.pbkdf2-iterations");
    if (previousHome == null) {
      System.clearProperty("bulwark.home");
    } else {
      System.setProperty("bulwark.home", previousHome);
    }
  }

  private String printed() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  @Test
  void updateChangesRolesAndExpiryKeepsTheTokenAndIsAudited() {
    assertThat(BulwarkMain.execute("principal", "update", "--help")).isZero();
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "carol", "--nation", "LVA", "--roles", "reader"))
        .isZero();
    printed();
    assertThat(
            BulwarkMain.execute(
                "principal",
                "update",
                "carol",
                "--roles",
                "reader,contributor",
                "--expires",
                "2099-12-31T00:00:00Z"))
        .isZero();
    assertThat(printed())
        .contains("principal carol: roles reader,contributor, expires 2099-12-31T00:00:00Z");
    assertThat(BulwarkMain.execute("principal", "update", "carol", "--expires", "never")).isZero();
    assertThat(printed()).contains("principal carol: roles reader,contributor, expires never");
    assertThat(BulwarkMain.execute("principal", "update", "carol")).isEqualTo(2);
    assertThat(BulwarkMain.execute("principal", "update", "carol", "--roles", "wizard"))
        .isEqualTo(2);
    assertThat(BulwarkMain.execute("principal", "update", "nobody", "--roles", "reader"))
        .isEqualTo(1);
    printed();
    assertThat(BulwarkMain.execute("audit", "list")).isZero();
    assertThat(printed()).contains("principal.update").contains("carol roles=reader,contributor");
  }

  @Test
  void addListRevokeAndVerify() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "est", "--roles", "reader,contributor"))
        .isZero();
    String added = printed();
    assertThat(added)
        .contains("principal alice (EST, reader,contributor) created")
        .containsPattern("token: +bwk_[a-z0-9]{16}_");
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "EST", "--roles", "reader"))
        .isEqualTo(2);
    assertThat(
            BulwarkMain.execute("principal", "add", "bob", "--nation", "EST", "--roles", "wizard"))
        .isEqualTo(2);
    printed();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isZero();
    assertThat(BulwarkMain.execute("principal", "revoke", "alice")).isEqualTo(1);
    printed();
    assertThat(BulwarkMain.execute("principal", "list")).isZero();
    assertThat(printed()).containsPattern("alice +EST +reader,contributor +revoked");
    assertThat(BulwarkMain.execute("audit", "verify")).isZero();
    assertThat(printed()).contains("audit log intact: 3 record(s)");

    try (Connection c = DriverManager.getConnection(NodeDatabase.defaultUrl(home), "bulwark", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 1");
    }
    assertThat(BulwarkMain.execute("audit", "verify")).isEqualTo(1);
    assertThat(printed()).contains("TAMPERED: first bad record is #1");
  }
}
