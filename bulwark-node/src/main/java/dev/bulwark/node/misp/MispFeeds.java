package dev.bulwark.node.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.feed.FeedWriter;
import dev.bulwark.misp.feed.ManifestEntry;
import dev.bulwark.misp.write.ExportResult;
import dev.bulwark.misp.write.ExportedEvent;
import dev.bulwark.misp.write.StixToMisp;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A collection as a MISP feed for one reader: every object the reader may read (the {@link
 * AccessPolicy}'s filter, granular markings applied as on TAXII), in its newest readable version,
 * through {@code bulwark-misp}'s STIX → MISP writer with the node's uuid table (so a round trip
 * keeps the MISP uuids). Nothing the reader may not read is ever an input, so the manifest, the
 * events and hashes.csv can name nothing of it: no uuid, no count. Thread-safe.
 */
public final class MispFeeds {
  private static final int PAGE = 5_000;

  private final ObjectStore store;
  private final AccessPolicy policy;
  private final GranularMarkings parts;
  private final MispStore misp;
  private final AudienceSettings settings;
  private final StixCodec codec = new StixCodec();

  public MispFeeds(
      ObjectStore store, AccessPolicy policy, MispStore misp, AudienceSettings settings) {
    this.store = store;
    this.policy = policy;
    this.parts = new GranularMarkings(policy);
    this.misp = misp;
    this.settings = settings;
  }

  /**
   * One reader's feed of a collection: the events by uuid (their {@code {"Event":...}} JSON), the
   * manifest and hashes.csv as MISP's feed format has them, and what could not be exported.
   * Immutable.
   *
   * @param notExported objects the reader may read that MISP cannot carry (TLP:RED, a rule MISP
   *     cannot express), as the writer counts them
   */
  public record Feed(
      Map<String, String> events,
      String manifest,
      String hashes,
      int attributes,
      int notExported) {}

  /**
   * The feed of this collection for a reader.
   *
   * @param rule the read gate's filter for this reader and collection ({@link
   *     AccessPolicy#readFilter})
   */
  public Feed build(CollectionInfo collection, Reader reader, ReadFilter rule) {
    Map<String, String> origins = new HashMap<>();
    List<StixObject> readable = readable(collection, reader, rule, origins);
    ExportResult result =
        new StixToMisp(settings)
            .export(
                collection.id(),
                readable,
                ref -> resolve(ref, origins.values()),
                o -> origins.getOrDefault(o.id(), settings.ownNation()),
                reader.nation());
    return render(result);
  }

  /**
   * The feed's files as {@link FeedWriter} writes them (its static renderers: the same bytes, in
   * memory, no temporary folder).
   */
  private static Feed render(ExportResult result) {
    Map<String, String> events = new LinkedHashMap<>();
    List<ManifestEntry> manifest = new ArrayList<>(result.events().size());
    for (ExportedEvent e : result.events()) {
      events.put(e.uuid(), FeedWriter.eventJson(e));
      manifest.add(e.manifest());
    }
    return new Feed(
        events,
        FeedWriter.manifestJson(manifest),
        FeedWriter.hashesCsv(result.events()),
        result.attributes(),
        result.notExported());
  }

  /** A marking ref, as any of the readable objects' origins defines it (TLP from the library). */
  private Optional<StixObject> resolve(String ref, Collection<String> origins) {
    for (String origin : new LinkedHashSet<>(origins)) {
      Optional<StixObject> m = policy.resolve(ref, origin);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /**
   * The newest readable version of every object of the collection, as the reader may receive it;
   * puts each one's originating nation in {@code origins} by id (where its markings resolve).
   */
  private List<StixObject> readable(
      CollectionInfo collection, Reader reader, ReadFilter rule, Map<String, String> origins) {
    ReadFilter withholding = parts.withholding(rule, reader, collection.defaultNations());
    Map<String, StoredObject> newest = new LinkedHashMap<>();
    long after = 0;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery(collection.id(), after, Set.of(), Set.of(), Set.of(), PAGE),
              withholding);
      for (StoredObject o : page.items()) {
        StoredObject before = newest.get(o.objectId());
        if (before == null || before.versionMicros() <= o.versionMicros()) {
          newest.put(o.objectId(), o);
        }
      }
      if (!page.more()) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    List<StixObject> out = new ArrayList<>(newest.size());
    for (StoredObject o : newest.values()) {
      Optional<String> json = parts.jsonFor(reader, o, collection.defaultNations());
      if (json.isEmpty()) {
        continue;
      }
      origins.put(o.objectId(), o.originNation());
      try {
        out.add(codec.parseObject(json.get()));
      } catch (StixParseException e) {
        // stored objects were valid when stored; one that no longer parses is not served
      }
    }
    return out;
  }
}
