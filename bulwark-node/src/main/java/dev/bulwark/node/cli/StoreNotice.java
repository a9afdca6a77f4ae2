package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.NodeSettings;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * Says which store a command works on, on stderr, before it opens it ({@code using store
 * /srv/bulwark-est (H2)}): a command pointed at the wrong {@code BULWARK_HOME} shows it at once
 * instead of silently making a new empty database. Every command that opens the node's database
 * goes through {@link #open} (or {@link NodeStores}, which calls it). Stateless; thread-safe.
 */
final class StoreNotice {
  private StoreNotice() {}

  /** Announces the store on stderr and opens a pool of {@code size} connections to it. */
  static HikariDataSource open(NodeSettings settings, int size) {
    announce(settings, System.err);
    return NodeDatabase.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), size);
  }

  /** Prints {@code using store WHERE (KIND)}. */
  static void announce(NodeSettings settings, PrintStream err) {
    err.println("using store " + describe(settings));
  }

  /** Whether the embedded database of the home exists already. */
  static boolean exists(NodeSettings settings) {
    return Files.isRegularFile(settings.home().resolve("db").resolve("bulwark.mv.db"));
  }

  /**
   * The store in words: the home folder for the embedded database, host/database for PostgreSQL
   * (never the URL's parameters, which may hold a password).
   */
  static String describe(NodeSettings settings) {
    String url = settings.dbUrl();
    if (url.startsWith("jdbc:h2:")) {
      // a command pointed at the wrong home would otherwise make an empty database unnoticed
      return settings.home() + (exists(settings) ? " (H2)" : " (H2, new: no database there yet)");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      String where = url.substring("jdbc:postgresql:".length());
      int query = where.indexOf('?');
      where = query < 0 ? where : where.substring(0, query);
      return where.replaceFirst("^//", "") + " (PostgreSQL, home " + settings.home() + ")";
    }
    int colon = url.indexOf(':', 5);
    return settings.home() + " (" + (colon > 5 ? url.substring(5, colon) : "database") + ")";
  }
}
