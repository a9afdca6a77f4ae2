package dev.bulwark.node.cli;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.attribution.AttributionStix;
import dev.bulwark.incidents.csv.IncidentCsv;
import dev.bulwark.incidents.response.ResponseStix;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.incidents.IncidentCollections;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StoreException;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.ImportNormaliser;
import dev.bulwark.stix.validation.StixValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark incident import FILE... [--format stix|csv]}: stores incidents in the register's
 * collection, each file all or nothing: one bad object or row rejects the whole file, every problem
 * printed with its place (object path or CSV line) and reason. Objects of a STIX file are
 * normalised (with a warning per repair) and validated; register incidents must also read as typed
 * incidents. Each file is recorded in the audit log. Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import incidents (STIX bundles or the register's CSV) into the register.",
    footer = {
      "CSV columns (header row): name, kind, first_seen (required); latitude, longitude,",
      "description, tlp, determination, reported_at, imo, mmsi, ip, domain, actor (lists: ';'),",
      "kind_fields (a JSON object). See README, section 'Hostile-act register'.",
      "Exit status: 0 all stored (or already held), 1 some file rejected, 2 unreadable input or store."
    })
final class IncidentImportCommand implements Callable<Integer> {
  private static final int MAX_OBJECTS = 100_000;
  private static final int SHOWN = 50;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; - reads stdin.")
  List<String> files;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "stix or csv (default: csv for *.csv, else stix).")
  String format;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      defaultValue = "cli",
      description = "Who is recorded as having reported the incidents (default: ${DEFAULT-VALUE}).")
  String addedBy;

  /** A file's objects to store, or why it was refused. */
  private record Read(List<StixObject> objects, List<String> rejections, List<String> warnings) {}

  @Override
  public Integer call() {
    if (format != null && !format.equals("stix") && !format.equals("csv")) {
      System.err.println("bulwark: --format must be stix or csv");
      return 2;
    }
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    try (NodeStores stores = new NodeStores(settings)) {
      ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
      Provenance provenance = new Provenance(settings.nation(), addedBy);
      if (IncidentCollections.ensure(store, provenance)) {
        stores.record(
            "collection.create",
            IncidentCollections.INCIDENTS,
            Decision.ALLOW,
            List.of(),
            "by incident import");
      }
      boolean unreadable = false;
      boolean rejected = false;
      for (String file : files) {
        Read read;
        try (InputStream in = StixValidateCommand.open(file)) {
          read = csv(file) ? readCsv(in) : readStix(in, file);
        } catch (NoSuchFileException e) {
          out.printf("%s: no such file%n", file);
          unreadable = true;
          continue;
        } catch (IOException e) {
          out.printf("%s: unreadable: %s%n", file, e.getMessage());
          unreadable = true;
          continue;
        }
        rejected |= store(out, stores, store, provenance, file, read);
      }
      return unreadable ? 2 : rejected ? 1 : 0;
    } catch (StoreException | IllegalStateException e) {
      System.err.printf(
          "bulwark: cannot use the node's store (%s): %s%n",
          settings.dbUrl(), StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  /** Stores a file's objects (or reports its rejection); returns whether it was rejected. */
  private boolean store(
      PrintStream out,
      NodeStores stores,
      ObjectStore store,
      Provenance provenance,
      String file,
      Read read) {
    if (!read.rejections().isEmpty()) {
      out.printf("%s: rejected, nothing stored (%d problem(s))%n", file, read.rejections().size());
      read.rejections().stream().limit(SHOWN).forEach(r -> out.printf("  %s%n", r));
      if (read.rejections().size() > SHOWN) {
        out.printf("  ... and %d more%n", read.rejections().size() - SHOWN);
      }
      stores.record(
          "incident.import",
          IncidentCollections.INCIDENTS,
          Decision.DENY,
          List.of(),
          file + ": rejected, " + read.rejections().size() + " problem(s); by " + addedBy);
      return true;
    }
    List<AddOutcome> outcomes =
        store.addAll(
            IncidentCollections.INCIDENTS,
            read.objects().stream().map(NewObject::from).toList(),
            provenance);
    long stored = outcomes.stream().filter(o -> o.status() == AddOutcome.Status.STORED).count();
    out.printf("%s: %d stored, %d already held%n", file, stored, outcomes.size() - stored);
    read.warnings().stream().limit(SHOWN).forEach(w -> out.printf("  warning %s%n", w));
    stores.record(
        "incident.import",
        IncidentCollections.INCIDENTS,
        Decision.ALLOW,
        read.objects().stream().map(StixObject::id).distinct().limit(100).toList(),
        String.format(
            Locale.ROOT,
            "%s: %d stored, %d already held; by %s",
            file,
            stored,
            outcomes.size() - stored,
            addedBy));
    return false;
  }

  private boolean csv(String file) {
    return format != null ? format.equals("csv") : file.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private Read readCsv(InputStream in) throws IOException {
    IncidentCsv.Result r =
        IncidentCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), addedBy);
    List<String> rejections = r.problems().stream().map(Problem::toString).toList();
    List<StixObject> objects = new ArrayList<>();
    for (Incident i : r.incidents()) {
      objects.add(IncidentStix.firstVersion(i, i.history().get(0).at()));
    }
    return new Read(objects, rejections, List.of());
  }

  private static Read readStix(InputStream in, String file) throws IOException {
    StixValidator validator = new StixValidator();
    List<StixObject> objects = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    new StixCodec()
        .read(
            in,
            new StixReadListener() {
              @Override
              public void object(StixObject read, String location) {
                if (objects.size() + rejections.size() >= MAX_OBJECTS) {
                  rejections.add(location + ": more than " + MAX_OBJECTS + " objects in one file");
                  return;
                }
                ImportNormaliser.Normalised n = ImportNormaliser.normalise(read);
                n.warnings().forEach(w -> warnings.add(location + " " + read.id() + ": " + w));
                List<Finding> errors = validator.validate(n.object()).errors();
                for (Finding f : errors) {
                  rejections.add(
                      location
                          + " "
                          + read.id()
                          + " "
                          + f.path()
                          + ": "
                          + f.message()
                          + " ("
                          + f.citation()
                          + ")");
                }
                if (errors.isEmpty()) {
                  registerRules(n.object())
                      .forEach(
                          p ->
                              rejections.add(
                                  location
                                      + " "
                                      + read.id()
                                      + " $"
                                      + p.path()
                                      + ": "
                                      + p.reason()));
                }
                objects.add(n.object());
              }

              @Override
              public void malformed(String location, String message) {
                rejections.add(location + ": malformed: " + message);
              }
            });
    if (objects.isEmpty() && rejections.isEmpty()) {
      rejections.add(file + ": no STIX object");
    }
    return new Read(objects, rejections, warnings);
  }

  /**
   * The register library's rules for the objects it knows, the same the node's API applies: an
   * incident with the Bulwark extension, an attribution ({@code attributed-to} or opinion with the
   * attribution extension), a response (a task with the response extension).
   */
  static List<Problem> registerRules(StixObject o) {
    JsonNode extensions = o.json().path("extensions");
    try {
      if (IncidentStix.isBulwarkIncident(o)) {
        IncidentStix.fromStix(o);
      } else if (extensions.has(BulwarkExtensions.ATTRIBUTION)) {
        AttributionStix.fromStix(o);
      } else if (extensions.has(BulwarkExtensions.RESPONSE)) {
        ResponseStix.fromStix(o);
      }
      return List.of();
    } catch (IncidentException e) {
      return e.problems();
    }
  }
}
