package dev.bulwark.node.cli;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.migration.Surge;
import dev.bulwark.incidents.migration.SurgeDetector;
import dev.bulwark.incidents.migration.SurgeIncidents;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.incidents.IncidentCollections;
import dev.bulwark.node.incidents.MigrationCountStore;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark migration surges [--json]}: runs the surge detector over the node's crossing
 * counts and raises each surge as an instrumentalised-migration incident (TLP:AMBER, reported by
 * {@code surge-detector}) in the register: a new surge is stored, one already held is left alone,
 * one that grew gets a new version that keeps its lifecycle. {@code --json}: one line per surge
 * with {@code crossing_point}, {@code start}, {@code end}, {@code peak_count}, {@code baseline},
 * {@code threshold}, {@code incident_id}. Not thread-safe.
 */
@Command(
    name = "surges",
    mixinStandardHelpOptions = true,
    description = "Detect surges of crossings per crossing point and raise them as incidents.",
    footer = {
      "Baseline: rolling 56-day median; a day surges at median + max(5 x 1.4826 x MAD, 10);",
      "28 days of history first; surging days up to 3 days apart are one surge.",
      "Exit status: 0 done, 2 the store cannot be used."
    })
final class MigrationSurgesCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      Provenance provenance = new Provenance(settings.nation(), "surge-detector");
      IncidentCollections.ensure(store, provenance);
      List<Surge> surges =
          new SurgeDetector().detect(new MigrationCountStore(stores.dataSource).all());
      Map<String, StixObject> held =
          RegisterView.latest(store, settings.nation(), Set.of("incident")).stream()
              .map(RegisterView.Held::object)
              .collect(Collectors.toMap(StixObject::id, Function.identity(), (a, b) -> a));
      List<StixObject> versions = new ArrayList<>();
      for (Surge s : surges) {
        version(s, held.get(SurgeIncidents.incidentId(s))).ifPresent(versions::add);
      }
      List<AddOutcome> outcomes =
          store.addAll(
              IncidentCollections.INCIDENTS,
              versions.stream().map(NewObject::from).toList(),
              provenance);
      long stored = outcomes.stream().filter(o -> o.status() == AddOutcome.Status.STORED).count();
      if (stored > 0) {
        stores.record(
            "migration.surges",
            IncidentCollections.INCIDENTS,
            Decision.ALLOW,
            versions.stream().map(StixObject::id).limit(100).toList(),
            stored + " surge incident version(s) stored");
      }
      for (Surge s : surges) {
        ObjectNode r = row(s);
        out.println(json ? JSON.writeValueAsString(r) : text(r));
      }
      if (!json) {
        out.printf("%d surge(s); %d incident version(s) stored%n", surges.size(), stored);
      }
      return 0;
    } catch (StoreException | IllegalStateException e) {
      System.err.printf(
          "bulwark: cannot use the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  /**
   * The version to store for a surge: the first (created at its first day, dated the day after its
   * last), none when the held one says the same, else the next version of the held one.
   */
  private static Optional<StixObject> version(Surge s, StixObject held) {
    Instant at = s.end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Incident fresh =
        SurgeIncidents.incident(s, List.of(Tlp.AMBER.markingDefinitionId()), "surge-detector", at);
    if (held == null) {
      StixObject first = IncidentStix.firstVersion(fresh, at);
      return Optional.of(first);
    }
    Incident current = IncidentStix.fromStix(held);
    if (current.details().equals(fresh.details())) {
      return Optional.empty();
    }
    Incident grown =
        new Incident(
            current.id(),
            fresh.name(),
            fresh.description(),
            fresh.details(),
            current.status(),
            current.determination(),
            current.firstSeen(),
            current.location(),
            current.entities(),
            current.history(),
            current.evidenceRefs(),
            current.markings(),
            current.createdBy(),
            current.source());
    return Optional.of(IncidentStix.nextVersion(held, grown, at));
  }

  static ObjectNode row(Surge s) {
    ObjectNode r = JSON.createObjectNode();
    r.put("crossing_point", s.crossingPoint());
    r.put("start", s.start().toString());
    r.put("end", s.end().toString());
    r.put("peak_count", s.peakCount());
    r.put("baseline", s.baseline());
    r.put("threshold", s.threshold());
    r.put("incident_id", SurgeIncidents.incidentId(s));
    return r;
  }

  private static String text(ObjectNode r) {
    return String.format(
        Locale.ROOT,
        "%-20s %s .. %s  peak %4d  baseline %6.1f  %s",
        r.path("crossing_point").asString(),
        r.path("start").asString(),
        r.path("end").asString(),
        r.path("peak_count").asInt(),
        r.path("baseline").asDouble(),
        r.path("incident_id").asString());
  }
}
