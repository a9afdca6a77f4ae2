package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the import commands ({@code stix import}, {@code misp import}) share: opening the node's
 * store, creating the target collection when missing (audited), the exit status 2 when the store
 * cannot be opened, and printing the first few of a long list of rejections, losses or warnings.
 * Stateless; thread-safe.
 */
final class CollectionImport {
  /** How many rejections, losses or warnings a command prints before "... and N more". */
  static final int SHOWN = 20;

  private CollectionImport() {}

  /** The body of an import, given the open store; returns the command's exit status. */
  @FunctionalInterface
  interface Body {
    int run(NodeStores stores, ObjectStore store);
  }

  /**
   * Opens the store, creates {@code collection} when missing (printed and audited as created by
   * {@code command}), and runs {@code body}; exit status 2 when the store cannot be opened or
   * fails.
   */
  static int into(
      NodeSettings settings, String collection, String command, PrintStream out, Body body) {
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      if (store.ensureCollection(
          new CollectionInfo(collection, collection, "Created by " + command, Set.of()))) {
        stores.record("collection.create", collection, Decision.ALLOW, List.of(), "by " + command);
        out.printf("created collection %s%n", collection);
      }
      return body.run(stores, store);
    } catch (RuntimeException e) {
      System.err.printf(
          "bulwark: cannot open the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  /**
   * Prints the first {@link #SHOWN} items, one line each, then {@code more} (a format with the
   * count of the others) when {@code total} is larger.
   */
  static <T> void printFirst(
      PrintStream out, List<T> items, long total, String more, Function<T, String> line) {
    items.stream().limit(SHOWN).forEach(i -> out.println(line.apply(i)));
    if (total > SHOWN) {
      out.printf(more + "%n", total - SHOWN);
    }
  }
}
