package dev.bulwark.node.demo;

import dev.bulwark.node.incidents.RegisterDemo;
import dev.bulwark.node.misp.MispDemo;
import dev.bulwark.node.readiness.ReadinessDemo;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ImportSummary;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StixImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo's intelligence into a fresh node: the collections and the STIX content shipped in
 * {@code classpath:demo/} (see its SOURCES.md). Runs once per start of {@code bulwark demo};
 * loading twice is harmless because the store ignores versions it already holds. Thread-safe after
 * start.
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
public class DemoContent {
  static final String INTEL = "intel";
  private static final List<String> BUNDLES =
      List.of("demo/hybrid-threats.json", "demo/poisonivy.json");

  private final ObjectStore store;
  private final StixImporter importer;
  private final String nation;
  private final RegisterDemo register;
  private final MispDemo misp;

  public DemoContent(
      ObjectStore store,
      StixImporter importer,
      @Value("${bulwark.nation:EST}") String nation,
      RegisterDemo register,
      MispDemo misp) {
    this.misp = misp;
    this.store = store;
    this.importer = importer;
    this.nation = nation;
    this.register = register;
  }

  /** Creates the demo collections and imports the demo bundles; returns one line per bundle. */
  public List<String> load() {
    store.ensureCollection(
        new CollectionInfo(
            INTEL,
            "Shared intelligence",
            "Hybrid-threat intelligence shared with allies",
            Set.of()));
    List<String> lines = new ArrayList<>();
    Provenance provenance = new Provenance(nation, "demo");
    for (String bundle : BUNDLES) {
      try (InputStream in = new ClassPathResource(bundle).getInputStream()) {
        ImportSummary s = importer.importFrom(in, bundle, INTEL, provenance);
        lines.add(
            String.format(
                "  %-28s %d stored, %d already held, %d rejected",
                bundle.substring(bundle.indexOf('/') + 1),
                s.stored(),
                s.duplicates(),
                s.rejected()));
        s.rejections().forEach(r -> lines.add("    rejected " + r.location() + ": " + r.reason()));
      } catch (IOException e) {
        throw new UncheckedIOException("demo content missing from the jar: " + bundle, e);
      }
    }
    lines.addAll(register.load());
    lines.addAll(ReadinessDemo.load(store, nation));
    lines.addAll(misp.load());
    return lines;
  }
}
