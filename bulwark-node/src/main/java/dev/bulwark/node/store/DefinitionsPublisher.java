package dev.bulwark.node.store;

import dev.bulwark.stix.markings.ReleasabilityMarking;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes Bulwark's own STIX definitions on every node: the releasability marking's
 * extension-definition and the identity that created it, marked TLP:CLEAR, in the collection {@code
 * definitions} (so allies' tools fetch them over TAXII and federation), and the extension's JSON
 * schema at {@code /bulwark/extensions/releasability/schema.json}. Storing them again at each start
 * is a no-op. Thread-safe.
 */
@Component
@RestController
class DefinitionsPublisher {
  static final String COLLECTION = "definitions";

  private final ObjectStore store;
  private final String nation;

  DefinitionsPublisher(ObjectStore store, @Value("${bulwark.nation:EST}") String nation) {
    this.store = store;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  @EventListener
  void publish(ApplicationReadyEvent ignored) {
    store.ensureCollection(
        new CollectionInfo(
            COLLECTION,
            "Bulwark definitions",
            "STIX extension-definitions and marking definitions Bulwark nodes use",
            Set.of()));
    store.addAll(
        COLLECTION,
        List.of(
            NewObject.from(ReleasabilityMarking.bulwarkIdentity()),
            NewObject.from(ReleasabilityMarking.extensionDefinition())),
        new Provenance(nation, "bulwark"));
  }

  @GetMapping(
      path = "/bulwark/extensions/releasability/schema.json",
      produces = "application/schema+json")
  ResponseEntity<String> schema() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/schema+json"))
        .body(ReleasabilityMarking.jsonSchema());
  }
}
