package dev.bulwark.node.cli;

import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ServingFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;

/**
 * {@code bulwark status}: which node the command line talks to: its home, database, nation,
 * collections (with their object counts), peers (and whether an exchange fails), and whether a node
 * is serving that home now. Not thread-safe.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the node the command line works on: home, database, nation, collections, peers,"
            + " and whether a node is serving it.",
    footer = {"", "The home is BULWARK_HOME (default ~/.bulwark)."})
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    NodeSettings settings = NodeSettings.load();
    System.out.printf("home:        %s%n", settings.home());
    System.out.printf("database:    %s%n", StoreNotice.describe(settings));
    System.out.printf("nation:      %s%n", settings.nation());
    System.out.printf(
        "serving:     %s%n",
        ServingFile.read(settings.home())
            .map(s -> "yes, process " + s.pid() + " at " + s.url() + " since " + s.since())
            .orElse("no node is serving this home now"));
    if (settings.dbUrl().startsWith("jdbc:h2:") && !StoreNotice.exists(settings)) {
      System.out.println(
          "no database in this home: point the command line at a node's home with"
              + " export BULWARK_HOME=DIR (bulwark demo prints its own)");
      return 1;
    }
    try (NodeStores stores = new NodeStores(settings)) {
      Map<String, Long> counts = counts(stores.dataSource);
      List<CollectionInfo> collections =
          new ObjectStore(stores.dataSource, Clock.systemUTC()).collections();
      System.out.printf("collections: %s%n", collections.isEmpty() ? "none" : "");
      for (CollectionInfo c : collections) {
        System.out.printf(
            "  %-20s %8d object version(s)  %s%n",
            c.id(), counts.getOrDefault(c.id(), 0L), c.title());
      }
      List<Peer> peers = new PeerStore(stores.dataSource).list();
      System.out.printf("peers:       %s%n", peers.isEmpty() ? "none" : "");
      CursorStore cursors = new CursorStore(stores.dataSource);
      for (Peer p : peers) {
        boolean failing =
            cursors.all().stream().anyMatch(c -> c.peer().equals(p.name()) && c.failing());
        System.out.printf(
            "  %-20s %-4s %s pull=%s push=%s%s%s%n",
            p.name(),
            p.nation(),
            p.apiRoot(),
            p.pull(),
            p.push(),
            PeerTrustCommand.pinText(p),
            failing ? "  FAILING (bulwark federation status says why)" : "");
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark status: cannot open the store: " + StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  private static Map<String, Long> counts(DataSource ds) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT collection_id, COUNT(*) FROM stix_objects GROUP BY collection_id")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the objects: " + e.getMessage(), e);
    }
    return counts;
  }
}
