package dev.bulwark.node.cli;

import dev.bulwark.misp.Counts;
import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.stix.LossEntry;
import dev.bulwark.misp.stix.LossReport;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.misp.MispEventSink;
import dev.bulwark.node.misp.MispLinkSettings;
import dev.bulwark.node.misp.MispPathImport;
import dev.bulwark.node.misp.MispStore;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark misp import FILE|DIR... --collection NAME}: MISP events (one event, a {@code
 * {"response": [...]}} collection, or a feed folder with {@code manifest.json}) mapped to STIX by
 * {@code bulwark-misp} and stored, without starting the node. Prints the events, attributes and
 * objects stored, already held and rejected, and every loss. The audience follows the node's MISP
 * link settings ({@code bulwark.misp.link-nations}, {@code bulwark.misp.org-nations}). Not
 * thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import MISP events (an event file, a {\"response\": [...]} collection or a feed folder) into a"
            + " collection of the node's store.",
    footer =
        "Exit status: 0 nothing lost or rejected, 1 something rejected or lost (reported), 2 unreadable"
            + " input or store.")
final class MispImportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Event files or feed folders.")
  List<Path> paths;

  @Option(
      names = "--collection",
      required = true,
      paramLabel = "NAME",
      description = "The collection to import into (created when missing).")
  String collection;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      defaultValue = "cli",
      description = "Who is recorded as having added the objects (default: ${DEFAULT-VALUE}).")
  String addedBy;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    AudienceSettings link;
    try {
      link = MispLinkSettings.load(settings.nation(), settings::property);
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark misp import: " + e.getMessage());
      return 2;
    }
    return CollectionImport.into(
        settings,
        collection,
        "misp import",
        out,
        (stores, store) -> run(settings, link, stores, store));
  }

  private int run(
      NodeSettings settings, AudienceSettings link, NodeStores stores, ObjectStore store) {
    PrintStream out = System.out;
    MispStore misp = new MispStore(stores.dataSource);
    ImportResult r;
    List<String> refused;
    try (MispEventSink sink =
        new MispEventSink(store, misp, collection, addedBy, List.of(), link, settings.nation())) {
      r = new MispPathImport(new MispImport(link, sink), sink).importPaths(paths);
      sink.close();
      refused = sink.refused();
    } catch (IOException e) {
      out.printf("cannot read: %s%n", e.getMessage());
      return 2;
    }
    print(out, r, refused);
    stores.record(
        "misp.import",
        collection,
        Decision.ALLOW,
        List.of(),
        String.format(
            "%s: events %s, attributes %s, %d loss(es); added as %s",
            paths, counts(r.events()), counts(r.attributes()), lossCount(r), addedBy));
    return refused.isEmpty() ? r.exitCode() : Math.max(1, r.exitCode());
  }

  private static void print(PrintStream out, ImportResult r, List<String> refused) {
    out.printf("events: %s%n", counts(r.events()));
    out.printf("attributes: %s%n", counts(r.attributes()));
    out.printf("objects: %s%n", counts(r.objects()));
    for (String u : r.unreadable()) {
      out.printf("unreadable: %s%n", u);
    }
    CollectionImport.printFirst(
        out,
        r.rejections(),
        r.rejections().size(),
        "  ... and %d more rejection(s)",
        j -> String.format("rejected %s %s: %s", j.source(), j.path(), j.reason()));
    List<String> lost = new ArrayList<>();
    for (LossReport l : r.losses()) {
      for (LossEntry e : l.entries()) {
        lost.add(l.eventUuid() + " " + e.path() + ": " + e.what() + ": " + e.reason());
      }
    }
    lost.addAll(refused);
    out.printf("loss report: %d loss(es)%s%n", lost.size(), lost.isEmpty() ? "" : ":");
    CollectionImport.printFirst(
        out,
        lost,
        lost.size(),
        "  ... and %d more (every loss is kept with its event: misp_losses)",
        l -> "  lost " + l);
    r.collisions()
        .forEach(
            c ->
                out.printf(
                    "  uuid collision %s: %s and %s (the second got %s)%n",
                    c.mispUuid(), c.firstStixId(), c.secondStixId(), c.assignedMispUuid()));
  }

  private static long lossCount(ImportResult r) {
    return r.losses().stream().mapToLong(LossReport::size).sum();
  }

  static String counts(Counts c) {
    return c.stored() + " stored, " + c.held() + " already held, " + c.rejected() + " rejected";
  }
}
