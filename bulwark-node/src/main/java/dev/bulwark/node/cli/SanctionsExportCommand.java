package dev.bulwark.node.cli;

import dev.bulwark.incidents.sanctions.FtmWriter;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.incidents.IncidentCollections;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark sanctions export --format ftm [--campaign ID] [--out FILE]}: a sanctions proposal
 * as FollowTheMoney JSON lines (Vessel, Person, Company, and a Sanction with status {@code
 * proposed} for each) from the incidents, attributions and identities this node's nation may read
 * (of one campaign with {@code --campaign}). Audited. Not thread-safe.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a sanctions proposal as FollowTheMoney JSON lines.",
    footer =
        "Exit status: 0 exported, 1 nothing to propose, 2 bad options or the store cannot be read.")
final class SanctionsExportCommand implements Callable<Integer> {
  /** The maritime watch's collection (the default of {@code bulwark.maritime.collection}). */
  private static final String MARITIME_COLLECTION = "maritime-alerts";

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "ftm (FollowTheMoney JSON lines).")
  String format;

  @Option(
      names = "--campaign",
      paramLabel = "ID",
      description = "Only the incidents of this campaign.")
  String campaign;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (default: standard output).")
  Path out;

  @Option(
      names = "--authority",
      defaultValue = "Council of the European Union",
      description = "Listing authority (default: ${DEFAULT-VALUE}).")
  String authority;

  @Option(
      names = "--program",
      defaultValue =
          "EU restrictive measures in view of Russia's destabilising activities (hybrid threats)",
      description = "Sanctions program (default: ${DEFAULT-VALUE}).")
  String program;

  @Option(
      names = "--reason",
      defaultValue =
          "Responsible for, supporting or benefiting from hostile hybrid acts recorded in the evidence",
      description = "Legal basis and grounds (default: ${DEFAULT-VALUE}).")
  String reason;

  @Option(
      names = "--listing-date",
      paramLabel = "YYYY-MM-DD",
      description = "Proposed listing date (default: today).")
  LocalDate listingDate;

  @Override
  public Integer call() {
    if (!"ftm".equals(format)) {
      System.err.println("bulwark: --format must be ftm");
      return 2;
    }
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      List<StixObject> visible = new ArrayList<>();
      RegisterView.latest(store, settings.nation(), Set.of("incident", "relationship", "identity"))
          .forEach(h -> visible.add(h.object()));
      // the maritime watch's vessel identities name the vessels (read through the same gate)
      RegisterView.latest(store, MARITIME_COLLECTION, settings.nation(), Set.of("identity"))
          .forEach(h -> visible.add(h.object()));
      List<StixObject> evidence =
          campaign == null ? visible : FtmWriter.ofCampaign(visible, campaign);
      List<String> lines =
          FtmWriter.proposal(
              evidence,
              authority,
              program,
              reason,
              listingDate != null ? listingDate : LocalDate.now(ZoneOffset.UTC));
      if (lines.isEmpty()) {
        System.err.println(
            "bulwark: nothing to propose (no vessel, person or company in the evidence you may read)");
        return 1;
      }
      String text = String.join("\n", lines) + "\n";
      if (out != null) {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.printf("%s: %d FtM entities%n", out, lines.size());
      } else {
        PrintStream o = System.out;
        o.print(text);
      }
      stores.record(
          "sanctions.export",
          IncidentCollections.INCIDENTS,
          Decision.ALLOW,
          List.of(),
          lines.size() + " FtM entities" + (campaign == null ? "" : " of " + campaign));
      return 0;
    } catch (IOException e) {
      System.err.printf("bulwark: cannot write %s: %s%n", out, e.getMessage());
      return 2;
    } catch (StoreException e) {
      System.err.printf(
          "bulwark: cannot read the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
