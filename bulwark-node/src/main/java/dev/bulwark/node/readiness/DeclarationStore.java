package dev.bulwark.node.readiness;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.GranularMarkings;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.readiness.stix.ForceDeclarationStix;
import dev.bulwark.readiness.stix.ReadinessExtension;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node's force declarations: each row becomes a new version of the unit's STIX object in the
 * collection {@value #COLLECTION} (id by nation and unit), marked TLP:AMBER and releasable to the
 * declaring nation, the alliance's planners ({@code bulwark.readiness.planners}) and whom the row
 * names; the node's own nation, as origin, reads them too. Reads go through the {@link
 * AccessPolicy} for the reader (and its granular markings), so a reader's declarations — and every
 * total made from them — hold only what that reader may see. A version counts only when its origin
 * may speak for the declaring nation ({@link #speaksFor}). Thread-safe.
 */
public final class DeclarationStore {
  /** The collection of force declarations. */
  public static final String COLLECTION = "force-declarations";

  private static final int PAGE = 5_000;
  private static final int CACHE_LIMIT = 500_000;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final ObjectStore store;
  private final AccessPolicy policy;
  private final GranularMarkings granular;
  private final StixValidator validator;
  private final StixCodec codec = new StixCodec();
  private final String nation;
  private final Set<String> planners;
  private final Set<String> plannerNations;
  private final Clock clock;

  /** Parsed versions by origin, id and version: a stored version never changes. */
  private final Map<String, Optional<Declaration>> cache = new ConcurrentHashMap<>();

  /**
   * @param nation this node's nation: the origin of what it stores
   * @param planners nations or groups of the alliance's planners, who read every unit
   */
  public DeclarationStore(
      ObjectStore store,
      AccessPolicy policy,
      StixValidator validator,
      String nation,
      Set<String> planners,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.granular = new GranularMarkings(policy);
    this.validator = validator;
    this.nation = nation.toUpperCase(Locale.ROOT);
    this.planners = Set.copyOf(planners);
    Set<String> expanded = new TreeSet<>();
    planners.forEach(p -> expanded.addAll(NationGroups.expand(p)));
    this.plannerNations = Set.copyOf(expanded);
    this.clock = clock;
  }

  /** This node's nation. */
  public String nation() {
    return nation;
  }

  /** Makes the collection if missing and keeps the extension-definition in it (TLP:CLEAR). */
  public void ensureCollection() {
    store.ensureCollection(
        new CollectionInfo(
            COLLECTION,
            "Force declarations",
            "Allies' force declarations to the NATO Force Model (x-bulwark-force-declaration),"
                + " marked per nation",
            Set.of()));
    store.addAll(
        COLLECTION,
        List.of(
            NewObject.from(ReleasabilityMarking.bulwarkIdentity()),
            NewObject.from(ReadinessExtension.definition())),
        new Provenance(nation, "bulwark"));
  }

  /** A stored version: its STIX id and {@code modified}. */
  public record Stored(String id, String modified) {}

  /**
   * Stores the rows as new versions, all in one transaction or none.
   *
   * @param addedBy the principal's name, for the record
   * @return the versions stored, in the rows' order
   * @throws IllegalStateException when a version would not be valid STIX (a bug, not bad input)
   */
  public List<Stored> store(List<DeclarationCsv.Row> rows, String addedBy) {
    ensureCollection();
    List<NewObject> batch = new ArrayList<>();
    Map<String, StixObject> definitions = new HashMap<>();
    Map<String, String[]> latest = new HashMap<>();
    ReadFilter own = ownFilter();
    List<Stored> out = new ArrayList<>();
    for (DeclarationCsv.Row row : rows) {
      Declaration d = row.declaration();
      String id = ForceDeclarationStix.id(d.nation(), d.unit());
      String[] prior = latest.computeIfAbsent(id, k -> previous(k, own));
      long now = clock.millis();
      String created = prior == null ? StixTimestamps.formatMillis(now) : prior[0];
      String modified =
          StixTimestamps.formatMillis(
              StixVersions.nextModifiedMillis(created, prior == null ? null : prior[1], now));
      List<String> refs = new ArrayList<>();
      refs.add(Tlp.AMBER.markingDefinitionId());
      StixObject marking = marking(d.nation(), row.releasableTo());
      definitions.putIfAbsent(marking.id(), marking);
      refs.add(marking.id());
      StixObject version = ForceDeclarationStix.toStix(d, created, modified, refs);
      ValidationResult v = validator.validate(version);
      if (!v.valid()) {
        throw new IllegalStateException(
            "a declaration is not valid STIX: " + v.errors().get(0).message());
      }
      batch.add(NewObject.from(version));
      latest.put(id, new String[] {created, modified});
      out.add(new Stored(id, modified));
    }
    List<NewObject> all = new ArrayList<>();
    definitions.values().forEach(m -> all.add(NewObject.from(m)));
    all.addAll(batch);
    store.addAll(COLLECTION, all, new Provenance(nation, addedBy));
    return out;
  }

  /**
   * Publishes alliance totals TLP:CLEAR: a STIX {@code note} about the readiness extension whose
   * content is the given JSON (totals only, never a unit), in the collection, from where TAXII and
   * federation carry it to anyone.
   *
   * @return the note's id
   */
  public String publish(String title, String totalsJson, String addedBy) {
    ensureCollection();
    String now = StixTimestamps.formatMillis(clock.millis());
    ObjectNode note = MAPPER.createObjectNode();
    note.put("type", "note");
    note.put("id", StixIds.random("note"));
    note.put("abstract", title);
    note.put("content", totalsJson);
    note.putArray("authors").add("Bulwark node " + nation);
    note.putArray("object_refs").add(ReadinessExtension.ID);
    note.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    StixObject o = StixVersions.stamped(note, now, now);
    ValidationResult v = validator.validate(o);
    if (!v.valid()) {
      throw new IllegalStateException(
          "the totals note is not valid STIX: " + v.errors().get(0).message());
    }
    store.add(COLLECTION, NewObject.from(o), new Provenance(nation, addedBy));
    return o.id();
  }

  /** Every version of every declaration this principal may see, in the order they were made. */
  public List<Visible> visibleTo(NodePrincipal principal) {
    return read(principal.reader(), policy.readFilter(principal, collectionInfo()));
  }

  /** Every version this reader (a nation, e.g. the node's own for its CLI) may see. */
  public List<Visible> visibleTo(Reader reader) {
    return read(reader, policy.readFilter(reader, collectionInfo().defaultNations()));
  }

  /** One version a reader may see: the declaration, its STIX id, version and origin. */
  public record Visible(Declaration declaration, String id, String modified, String origin) {}

  private List<Visible> read(Reader reader, ReadFilter filter) {
    Set<String> defaults = collectionInfo().defaultNations();
    ReadFilter withheld = granular.withholding(filter, reader, defaults);
    List<Visible> out = new ArrayList<>();
    List<Long> order = new ArrayList<>();
    long after = 0;
    while (true) {
      Page page =
          store.page(
              new ObjectQuery(
                  COLLECTION, after, Set.of(ForceDeclarationStix.TYPE), Set.of(), Set.of(), PAGE),
              withheld);
      for (StoredObject o : page.items()) {
        Optional<String> json = granular.jsonFor(reader, o, defaults);
        if (json.isEmpty()) {
          continue;
        }
        // jsonFor hands back the stored text itself when no granular marking removes anything for
        // this reader: then the parse is the same for every reader, and versions never change
        Optional<Declaration> d =
            json.get() == o.json()
                ? parsed(o.originNation() + "|" + o.objectId() + "|" + o.version(), o.json())
                : declaration(json.get());
        if (d.isPresent() && speaksFor(o.originNation(), d.get().nation())) {
          out.add(new Visible(d.get(), o.objectId(), o.version(), o.originNation()));
          order.add(o.versionMicros());
        }
      }
      if (!page.more()) {
        break;
      }
      after = page.scannedUpToMicros();
    }
    // the order the versions were made in (modified), so that a correction wins a tie
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      index.add(i);
    }
    index.sort(Comparator.comparingLong(order::get));
    return index.stream().map(out::get).toList();
  }

  /**
   * Whether a version from this origin counts for the declaring nation: the nation's own node, this
   * node, or a planners' node. Anybody else's word on another nation's forces (a peer relaying a
   * forged declaration) counts for nothing, so no node can overwrite another nation's units.
   */
  boolean speaksFor(String origin, String declaring) {
    return origin.equals(declaring) || origin.equals(nation) || plannerNations.contains(origin);
  }

  private Optional<Declaration> parsed(String key, String json) {
    Optional<Declaration> d = cache.get(key);
    if (d == null) {
      d = declaration(json);
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(key, d);
    }
    return d;
  }

  private Optional<Declaration> declaration(String json) {
    try {
      return Optional.of(ForceDeclarationStix.fromStix(codec.parseObject(json)));
    } catch (StixParseException | IllegalArgumentException e) {
      return Optional.empty(); // a malformed declaration from a peer counts for nothing
    }
  }

  private CollectionInfo collectionInfo() {
    return store
        .collection(COLLECTION)
        .orElse(new CollectionInfo(COLLECTION, COLLECTION, "", Set.of()));
  }

  /** What the node itself reads of its own objects, to version them. */
  private ReadFilter ownFilter() {
    ReadFilter asNation = policy.readFilter(Reader.of(nation), collectionInfo().defaultNations());
    return o -> o.originNation().equals(nation) && asNation.permits(o);
  }

  /** The created and latest modified of this node's object, or null when it has none. */
  private String[] previous(String id, ReadFilter own) {
    List<StoredObject> versions = store.versions(COLLECTION, id, own);
    if (versions.isEmpty()) {
      return null;
    }
    StoredObject last = versions.get(versions.size() - 1);
    try {
      StixObject o = codec.parseObject(last.json());
      return new String[] {o.created().orElseThrow(), last.version()};
    } catch (StixParseException e) {
      throw new IllegalStateException("a stored declaration does not parse: " + id, e);
    }
  }

  private StixObject marking(String declaring, Set<String> releasableTo) {
    Set<String> nations = new TreeSet<>(planners);
    nations.add(declaring);
    nations.addAll(releasableTo);
    return ReleasabilityMarking.markingDefinition(
        new Releasability(nations, Set.of()),
        ReleasabilityMarking.BULWARK_IDENTITY_ID,
        "2026-12-07T00:00:00.000Z");
  }
}
