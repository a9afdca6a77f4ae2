package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.NodeCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine;

/**
 * The first hour of a node's admin on the command line (issue 19): which store a command opens, the
 * node's certificate handed to a peer (never its key) and pinned there, nation codes checked,
 * {@code bulwark status}, and {@code --help} on every command without a warning. Without Spring.
 */
class FirstHourCommandsTest {
  private Path home;
  private String previousHome;
  private final PrintStream stdout = System.out;
  private final PrintStream stderr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void home() throws Exception {
    home = Files.createTempDirectory("bulwark-cli-firsthour-");
    previousHome = System.getProperty("bulwark.home");
    System.setProperty("bulwark.home", home.toString());
    System.setProperty("bulwark.security.pbkdf2-iterations", "1000");
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() throws Exception {
    System.setOut(stdout);
    System.setErr(stderr);
    System.clearProperty("bulwark.security.pbkdf2-iterations");
    if (previousHome == null) {
      System.clearProperty("bulwark.home");
    } else {
      System.setProperty("bulwark.home", previousHome);
    }
    FileSystemUtils.deleteRecursively(home);
  }

  private String printed() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  private String warned() {
    String s = err.toString(StandardCharsets.UTF_8);
    err.reset();
    return s;
  }

  @Test
  void everyStoreCommandSaysWhichStoreOnStderrAndNothingElse() {
    assertThat(BulwarkMain.execute("principal", "list")).isZero();
    assertThat(warned()).isEqualTo("using store " + home + " (H2, new: no database there yet)\n");
    assertThat(BulwarkMain.execute("principal", "list")).isZero();
    assertThat(warned()).isEqualTo("using store " + home + " (H2)\n");
    assertThat(printed()).doesNotContain("using store", "WARN", "Flyway");
  }

  @Test
  void theCertificateIsExportedWithoutItsKeyAndPinnedAtThePeer() throws Exception {
    Path pem = home.resolve("est.pem");
    assertThat(BulwarkMain.execute("tls", "export-cert", "--out", pem.toString())).isZero();
    String text = Files.readString(pem);
    assertThat(text).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
    X509Certificate cert = NodeCertificates.readPem(pem);
    String fingerprint = NodeCertificates.fingerprint(cert);
    assertThat(printed()).contains("wrote " + pem).contains(fingerprint);

    assertThat(
            BulwarkMain.execute(
                "peer",
                "add",
                "fin",
                "--url",
                "https://localhost:8444/bulwark/",
                "--nation",
                "FIN",
                "--token",
                "t",
                "--cert",
                pem.toString(),
                "--pull",
                "intel"))
        .isZero();
    assertThat(printed()).contains("certificate " + fingerprint);
    assertThat(BulwarkMain.execute("peer", "list")).isZero();
    assertThat(printed()).contains("fin").contains("certificate " + fingerprint);

    // a key is refused, with what to ask for instead
    Path key = home.resolve("key.pem");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
    assertThat(BulwarkMain.execute("peer", "trust", "fin", "--cert", key.toString())).isEqualTo(2);
    assertThat(warned()).contains("holds a private key").contains("bulwark tls export-cert");
    assertThat(BulwarkMain.execute("peer", "trust", "fin", "--fingerprint", "AB:CD")).isEqualTo(2);
    assertThat(warned()).contains("64 digits");
    assertThat(BulwarkMain.execute("peer", "trust", "nobody", "--cert", pem.toString()))
        .isEqualTo(1);
    assertThat(warned()).contains("no peer nobody");
    String upper = fingerprint.substring("sha256:".length()).toUpperCase();
    assertThat(BulwarkMain.execute("peer", "trust", "fin", "--fingerprint", upper)).isZero();
    assertThat(printed()).contains("fingerprint " + fingerprint);
  }

  @Test
  void nationsAreCountriesOfIso3166() {
    for (String bad : List.of("XXX", "ets", "NATO", "EE")) {
      assertThat(
              BulwarkMain.execute(
                  "principal", "add", "p-" + bad, "--nation", bad, "--roles", "reader"))
          .as(bad)
          .isEqualTo(2);
      assertThat(warned()).contains("--nation " + bad);
    }
    assertThat(BulwarkMain.execute("principal", "add", "p", "--nation", "est", "--roles", "reader"))
        .isZero();
    assertThat(printed()).contains("(EST, reader)");
  }

  @Test
  void statusShowsHomeDatabaseNationCollectionsPeersAndWhetherANodeServes() {
    // a home without a database is said, and no database is made there
    assertThat(BulwarkMain.execute("status")).isEqualTo(1);
    assertThat(printed()).contains("no database in this home").contains("export BULWARK_HOME");
    assertThat(home.resolve("db")).doesNotExist();
    assertThat(BulwarkMain.execute("principal", "list")).isZero();
    printed();
    assertThat(BulwarkMain.execute("status")).isZero();
    String status = printed();
    assertThat(status)
        .contains("home:        " + home)
        .contains("database:    " + home + " (H2)")
        .contains("nation:      EST")
        .contains("no node is serving this home now")
        .contains("peers:       none");
  }

  @Test
  void aBackupRestoresIntoANewHomeWithItsAuditChainIntact() throws Exception {
    assertThat(
            BulwarkMain.execute(
                "principal", "add", "alice", "--nation", "EST", "--roles", "reader"))
        .isZero();
    Path backup = home.resolve("backup.zip");
    assertThat(BulwarkMain.execute("backup", "--out", backup.toString())).isZero();
    assertThat(printed()).contains("backed up " + home + " to " + backup);
    assertThat(BulwarkMain.execute("backup", "--out", backup.toString())).isEqualTo(2);
    warned();
    // written after the backup: not in the restored node
    assertThat(
            BulwarkMain.execute("principal", "add", "bob", "--nation", "EST", "--roles", "reader"))
        .isZero();
    Path restored = home.resolve("restored");
    System.setProperty("bulwark.home", restored.toString());
    assertThat(BulwarkMain.execute("restore", backup.toString())).isZero();
    assertThat(printed()).contains("into " + restored);
    assertThat(BulwarkMain.execute("principal", "list")).isZero();
    assertThat(printed()).contains("alice").doesNotContain("bob");
    assertThat(BulwarkMain.execute("audit", "verify")).isZero();
    assertThat(printed()).contains("audit log intact");
    // never over a database
    assertThat(BulwarkMain.execute("restore", backup.toString())).isEqualTo(2);
    assertThat(warned()).contains("already has a database");
  }

  @Test
  void anEmptySupportLedgerIsSaidNotShownAsAShortfall() {
    assertThat(BulwarkMain.execute("support", "fair-share", "--year", "2024")).isZero();
    assertThat(warned()).contains("the support ledger is empty").contains("using store " + home);
    assertThat(printed())
        .contains("Shortfall against the baseline: not measured (the ledger is empty)")
        .doesNotContain("Shortfall against the baseline: EUR");
  }

  @Test
  void everyCommandsHelpAnswersWithExitZeroAndNoWarning() {
    List<String[]> commands = new ArrayList<>();
    collect(new CommandLine(new BulwarkMain()), new ArrayList<>(), commands);
    assertThat(commands).hasSizeGreaterThan(30);
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of(command));
      args.add("--help");
      assertThat(BulwarkMain.execute(args.toArray(String[]::new)))
          .as(String.join(" ", args))
          .isZero();
      assertThat(warned()).as(String.join(" ", args)).isEmpty();
      assertThat(printed()).as(String.join(" ", args)).contains("Usage: bulwark");
    }
  }

  @Test
  void theLazyCommandTreeShowsWhatTheWholeTreeShows() {
    CommandLine whole = new CommandLine(new BulwarkMain());
    assertThat(BulwarkMain.commandLine("--help").getUsageMessage())
        .isEqualTo(whole.getUsageMessage())
        .contains("stix", "support", "status");
    whole
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              assertThat(lazy(name, name).getUsageMessage())
                  .as(name)
                  .isEqualTo(sub.getUsageMessage());
              assertThat(lazy(name, "help", name).getUsageMessage())
                  .as("help " + name)
                  .isEqualTo(sub.getUsageMessage());
            });
    assertThat(BulwarkMain.execute("--version")).isZero();
    assertThat(printed()).startsWith("bulwark ");
    assertThat(BulwarkMain.execute("help", "stix")).isZero();
    assertThat(printed()).contains("Usage: bulwark stix").contains("validate");
  }

  private static CommandLine lazy(String name, String... args) {
    return BulwarkMain.commandLine(args).getSubcommands().get(name);
  }

  private static void collect(CommandLine c, List<String> path, List<String[]> into) {
    c.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return; // the help command, and aliases
              }
              List<String> p = new ArrayList<>(path);
              p.add(name);
              into.add(p.toArray(String[]::new));
              collect(sub, p, into);
            });
  }
}
