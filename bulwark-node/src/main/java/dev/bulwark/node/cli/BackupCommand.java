package dev.bulwark.node.cli;

import dev.bulwark.node.store.NodeSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark backup --out FILE}: an online, consistent copy of the node's embedded database
 * (H2's {@code BACKUP TO}, which copies a consistent state while the node keeps running) with the
 * home's own files (the audit key, without which the restored audit chain cannot be verified, the
 * settings and the TLS keystore), as one zip. PostgreSQL is backed up with its own tools (README,
 * "Backup and restore"). Not thread-safe.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Copy the node's embedded database (while it runs) and its home's files into one zip.",
    footer = {
      "",
      "Restore with: bulwark restore FILE (into an empty home, or with no node serving it).",
      "PostgreSQL: pg_dump -Fc (see README, Backup and restore)."
    })
final class BackupCommand implements Callable<Integer> {
  /** The home's own files that a backup carries besides the database. */
  static final List<String> HOME_FILES =
      List.of("audit.key", NodeSettings.FILE_NAME, "tls/node.p12", "tls/node.pass");

  /** Where the database's files are in a backup zip. */
  static final String DB_PREFIX = "db/";

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    NodeSettings settings = NodeSettings.load();
    if (!settings.dbUrl().startsWith("jdbc:h2:")) {
      System.err.println(
          "bulwark backup: the node's database is not the embedded one: back PostgreSQL up with"
              + " pg_dump -Fc (README, Backup and restore)");
      return 2;
    }
    if (Files.exists(out)) {
      System.err.println("bulwark backup: " + out + " exists; give a new file");
      return 2;
    }
    Path dbZip = Files.createTempFile(out.toAbsolutePath().getParent(), ".bulwark-db-", ".zip");
    try {
      Files.delete(dbZip);
      try (NodeStores stores = new NodeStores(settings)) {
        backupTo(stores.dataSource, dbZip);
      }
      Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".bulwark-", ".zip");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
        copyEntries(dbZip, DB_PREFIX, zip);
        for (String name : HOME_FILES) {
          Path file = settings.home().resolve(name);
          if (Files.isRegularFile(file)) {
            zip.putNextEntry(new ZipEntry(name));
            Files.copy(file, zip);
            zip.closeEntry();
          }
        }
      }
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(dbZip);
    }
    System.out.printf("backed up %s to %s (%d bytes)%n", settings.home(), out, Files.size(out));
    return 0;
  }

  private static void backupTo(DataSource ds, Path zip) {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
      s.setString(1, zip.toAbsolutePath().toString());
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("the database could not be copied: " + e.getMessage(), e);
    }
  }

  private static void copyEntries(Path from, String prefix, ZipOutputStream to) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isDirectory()) {
          to.putNextEntry(new ZipEntry(prefix + Path.of(e.getName()).getFileName()));
          in.transferTo(to);
          to.closeEntry();
        }
      }
    }
  }

  /** Extracts a backup into {@code home} (its database files and home files only). */
  static int extract(Path backup, Path home) throws IOException {
    int files = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String name = e.getName();
        boolean db = name.startsWith(DB_PREFIX) && !name.substring(3).contains("/");
        if (e.isDirectory() || !(db || HOME_FILES.contains(name))) {
          continue; // nothing outside the known names: a zip cannot write elsewhere
        }
        Path target = home.resolve(name);
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
          in.transferTo(o);
        }
        files++;
      }
    }
    return files;
  }

  static boolean hasDatabase(Path home) throws IOException {
    Path db = home.resolve("db");
    if (!Files.isDirectory(db)) {
      return false;
    }
    try (Stream<Path> s = Files.list(db)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
    }
  }
}
