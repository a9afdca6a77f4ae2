package dev.bulwark.node.cli;

import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoreException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark incident list [--json]}: the register's incidents (latest version of each) as this
 * node's nation may read them, by first seen. {@code --json} prints one object per line: {@code
 * id}, {@code kind}, {@code status}, {@code first_seen}, {@code location} ({@code lat}, {@code
 * lon}, when known), {@code origin}. Incidents without the Bulwark extension (maritime alerts, an
 * ally's plain STIX) show their incident-core type and investigation status. Not thread-safe.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the register's incidents (latest versions) as this node may read them.",
    footer = "Exit status: 0 listed, 2 the store cannot be read.")
final class IncidentListCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      List<ObjectNode> rows =
          RegisterView.latest(store, settings.nation(), Set.of("incident")).stream()
              .map(h -> row(h.object().json(), h.originNation()))
              .sorted(
                  Comparator.comparing((ObjectNode r) -> r.path("first_seen").asString(""))
                      .thenComparing(r -> r.path("id").asString("")))
              .toList();
      for (ObjectNode r : rows) {
        out.println(json ? JSON.writeValueAsString(r) : text(r));
      }
      if (!json) {
        out.printf("%d incident(s)%n", rows.size());
      }
      return 0;
    } catch (StoreException e) {
      System.err.printf(
          "bulwark: cannot read the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  /** The list's JSON for one incident. */
  static ObjectNode row(JsonNode incident, String origin) {
    JsonNode b = incident.path("extensions").path(BulwarkExtensions.INCIDENT);
    JsonNode core = incident.path("extensions").path(BulwarkExtensions.INCIDENT_CORE);
    ObjectNode r = JSON.createObjectNode();
    r.put("id", incident.path("id").asString(""));
    r.put("kind", b.path("kind").asString(core.path("incident_types").path(0).asString("")));
    r.put("status", b.path("status").asString(core.path("investigation_status").asString("")));
    r.put("first_seen", b.path("first_seen").asString(incident.path("created").asString("")));
    JsonNode loc = b.path("location");
    if (loc.isObject()) {
      r.putObject("location")
          .put("lat", loc.path("latitude").asDouble())
          .put("lon", loc.path("longitude").asDouble());
    }
    r.put("origin", origin);
    r.put("name", incident.path("name").asString(""));
    return r;
  }

  private static String text(ObjectNode r) {
    return String.format(
        "%-24s %-26s %-10s %s  %s  (%s)",
        r.path("first_seen").asString(),
        r.path("kind").asString(),
        r.path("status").asString(),
        r.path("id").asString(),
        r.path("name").asString(),
        r.path("origin").asString());
  }
}
