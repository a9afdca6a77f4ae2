package dev.bulwark.node.cli;

import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ServingFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark restore FILE}: puts a {@code bulwark backup} back into {@code BULWARK_HOME}: into
 * a home without a database (a new machine, or after moving the broken one aside), never under a
 * running node. Not thread-safe.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a bulwark backup into BULWARK_HOME (a home without a database).",
    footer = {
      "",
      "Example: BULWARK_HOME=/srv/bulwark-est bulwark restore est-2026-12-07.zip",
      "Then: bulwark audit verify, and bulwark serve."
    })
final class RestoreCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A zip from bulwark backup.")
  Path backup;

  @Override
  public Integer call() throws IOException {
    NodeSettings settings = NodeSettings.load();
    Path home = settings.home();
    if (!Files.isRegularFile(backup)) {
      System.err.println("bulwark restore: no such file: " + backup);
      return 2;
    }
    if (ServingFile.read(home).isPresent()) {
      System.err.println("bulwark restore: a node is serving " + home + ": stop it first");
      return 2;
    }
    if (BackupCommand.hasDatabase(home)) {
      System.err.println(
          "bulwark restore: "
              + home
              + " already has a database: restore into a new home, or move "
              + home.resolve("db")
              + " aside first");
      return 2;
    }
    Files.createDirectories(home);
    int files = BackupCommand.extract(backup, home);
    if (!BackupCommand.hasDatabase(home)) {
      System.err.println("bulwark restore: " + backup + " holds no Bulwark database");
      return 2;
    }
    System.out.printf("restored %d file(s) from %s into %s%n", files, backup, home);
    return 0;
  }
}
