package dev.bulwark.node.cli;

import dev.bulwark.incidents.campaign.CampaignSuggester;
import dev.bulwark.incidents.campaign.Suggestion;
import dev.bulwark.node.incidents.CampaignRejections;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoreException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark campaign suggest [--json]}: campaign suggestions among the incidents this node's
 * nation may read, less those the nation rejected (nothing is changed). {@code --json}: one line
 * per suggestion with {@code id}, {@code incidents} (ids), {@code score} and {@code reasons}. Not
 * thread-safe.
 */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = "Suggest campaigns by time, place, kind and shared entities (nothing is merged).",
    footer = "Exit status: 0 done, 2 the store cannot be read.")
final class CampaignSuggestCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      // what this nation rejected (in the console or API) is not suggested again here either
      Set<String> rejected = new CampaignRejections(stores.dataSource).rejected(settings.nation());
      List<Suggestion> suggestions =
          new CampaignSuggester()
              .suggest(RegisterIncidents.visible(store, settings.nation())).stream()
                  .filter(s -> !rejected.contains(s.id()))
                  .toList();
      for (Suggestion s : suggestions) {
        if (json) {
          ObjectNode r = JSON.createObjectNode();
          r.put("id", s.id());
          ArrayNode ids = r.putArray("incidents");
          s.incidents().forEach(ids::add);
          r.put("score", s.score());
          ArrayNode reasons = r.putArray("reasons");
          s.reasons().forEach(reasons::add);
          out.println(JSON.writeValueAsString(r));
        } else {
          out.printf(
              Locale.ROOT,
              "%.2f  %d incidents  %s%n      %s%n",
              s.score(),
              s.incidents().size(),
              String.join("; ", s.reasons()),
              String.join(" ", s.incidents()));
        }
      }
      if (!json) {
        out.printf("%d suggestion(s)%n", suggestions.size());
      }
      return 0;
    } catch (StoreException e) {
      System.err.printf(
          "bulwark: cannot read the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
