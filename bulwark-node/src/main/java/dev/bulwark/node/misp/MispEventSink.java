package dev.bulwark.node.misp;

import dev.bulwark.misp.Counts;
import dev.bulwark.misp.EventSink;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.LossEntry;
import dev.bulwark.misp.stix.UuidMapping;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where {@code bulwark-misp}'s import puts each converted MISP event: its STIX objects into one
 * collection of the object store, with the event's row, uuid links and loss report ({@link
 * MispStore}) in the same transaction. An event the collection holds at the same or a newer MISP
 * timestamp is "already held" before it is converted (one query at the start answers it for every
 * event). Objects keep their MISP origin: the nation of the event's creator organisation, not the
 * node or peer they came through.
 *
 * <p>Events are written in batches of a few thousand objects on a second thread while the next ones
 * are converted (one batch in flight), as {@code store.StixImporter} does. Call {@link #close} to
 * write the last batch. Not thread-safe: one per import run.
 */
public final class MispEventSink implements EventSink, AutoCloseable {
  private static final int BATCH_OBJECTS = 4_000;

  private final ObjectStore store;
  private final String collection;
  private final String addedBy;
  private final List<String> relayedVia;
  private final AudienceSettings settings;
  private final String fallbackNation;
  private final StixValidator validator = new StixValidator();
  private final Map<String, MispStore.HeldEvent> held;
  private final ExecutorService writer;
  private Batch batch = new Batch();
  private CompletableFuture<Void> inFlight;
  private final List<String> refused = new ArrayList<>();
  private long objectsStored;

  /**
   * @param addedBy who is recorded as having added the objects ({@code cli}, {@code misp:peer})
   * @param relayedVia the relay chain of an event of another nation than {@code fallbackNation}
   *     (for a peer, the peer's nation; empty for a file)
   * @param settings the link's organisation map: an event counts for its creator organisation's
   *     nation
   * @param fallbackNation the nation of an event whose creator organisation the map does not name
   *     (the MISP's operator: this node for a file, the peer's nation for a peer)
   */
  public MispEventSink(
      ObjectStore store,
      MispStore misp,
      String collection,
      String addedBy,
      List<String> relayedVia,
      AudienceSettings settings,
      String fallbackNation) {
    this.settings = settings;
    this.fallbackNation = fallbackNation;
    this.store = store;
    this.collection = collection;
    this.addedBy = addedBy;
    this.relayedVia = List.copyOf(relayedVia);
    this.held = misp.held(collection);
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "bulwark-misp-writer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Whether the collection holds this event at this timestamp or a newer one, with the counts it
   * was stored with (asked before the event is converted).
   */
  public Optional<Counts> held(String eventUuid, long timestamp) {
    return heldEvent(eventUuid, timestamp).map(h -> new Counts(1, h.attributes(), h.objects()));
  }

  /**
   * The collection's row for this event when it holds it at this timestamp or a newer one (its
   * stored attribute and object counts are what a re-import reports as held).
   */
  public Optional<MispStore.HeldEvent> heldEvent(String eventUuid, long timestamp) {
    MispStore.HeldEvent h = held.get(eventUuid);
    return h == null || h.timestamp() < timestamp ? Optional.empty() : Optional.of(h);
  }

  @Override
  public Stored accept(EventConversion c) {
    if (held(c.eventUuid(), c.eventTimestamp()).isPresent()) {
      return Stored.HELD;
    }
    List<NewObject> objects = new ArrayList<>(c.objects().size());
    String stixId = "";
    for (StixObject o : c.objects()) {
      ValidationResult r = validator.validate(o);
      if (!r.valid()) {
        // the mapping made an object STIX does not accept: stored nowhere, so in the loss report
        refused.add(
            c.eventUuid()
                + " "
                + o.id()
                + ": "
                + r.errors().get(0).path()
                + ": "
                + r.errors().get(0).message());
        continue;
      }
      if (stixId.isEmpty() && ("report".equals(o.type()) || "grouping".equals(o.type()))) {
        stixId = o.id();
      }
      objects.add(NewObject.from(o));
    }
    List<MispStore.UuidLink> links = new ArrayList<>(c.mappings().size());
    for (UuidMapping m : c.mappings()) {
      links.add(new MispStore.UuidLink(m.stixId(), m.mispUuid(), kindOf(m.stixId())));
    }
    List<MispStore.Loss> losses = new ArrayList<>(c.loss().entries().size());
    for (LossEntry e : c.loss().entries()) {
      losses.add(new MispStore.Loss(e.path(), e.what() + ": " + e.reason()));
    }
    MispOrg creator = creatorOf(c);
    String origin = originOf(creator);
    MispStore.HeldEvent event =
        new MispStore.HeldEvent(
            collection,
            c.eventUuid(),
            c.eventTimestamp(),
            creator == null ? "" : creator.name(),
            origin,
            stixId,
            c.attributes(),
            c.objectsConverted(),
            losses.size());
    held.put(c.eventUuid(), event);
    // an event of another nation's organisation came here through the MISP's operator
    List<String> via = origin.equals(fallbackNation) ? List.of() : relayedVia;
    batch.add(objects, new Provenance(origin, addedBy, via), event, links, losses);
    if (batch.objects.size() >= BATCH_OBJECTS) {
      flush();
    }
    return Stored.STORED;
  }

  /**
   * The nation a converted event counts for: its creator organisation's, else the fallback nation
   * (asked before {@link #accept} by {@link MispPeerIntake}).
   */
  String originOf(EventConversion c) {
    return originOf(creatorOf(c));
  }

  /** The nation an event counts for: its creator organisation's (by uuid, then by name). */
  private String originOf(MispOrg orgc) {
    return orgc == null ? fallbackNation : settings.nationOf(orgc).orElse(fallbackNation);
  }

  /**
   * The event's creator organisation, as the mapping wrote it: the identity its report or grouping
   * is created by ({@code identity--<Orgc uuid>}, named as the organisation).
   */
  private static MispOrg creatorOf(EventConversion c) {
    String creator = "";
    for (StixObject o : c.objects()) {
      if ("report".equals(o.type()) || "grouping".equals(o.type())) {
        creator = o.createdByRef().orElse("");
        break;
      }
    }
    for (StixObject o : c.objects()) {
      if (!creator.isEmpty() && o.id().equals(creator)) {
        return new MispOrg(
            creator.substring(creator.indexOf("--") + 2).toLowerCase(Locale.ROOT),
            o.string("name").orElse(""));
      }
    }
    return null;
  }

  private static String kindOf(String stixId) {
    int sep = stixId.indexOf("--");
    return sep < 0 ? stixId : stixId.substring(0, sep);
  }

  /** STIX objects the mapping made that the validator refused (each also a loss). */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** STIX object versions written (those already held not counted). */
  public long objectsStored() {
    return objectsStored;
  }

  /** Hands the batch to the writer once the one before it is written. */
  private void flush() {
    if (batch.events.isEmpty()) {
      return;
    }
    awaitWritten();
    Batch b = batch;
    batch = new Batch();
    inFlight = CompletableFuture.runAsync(() -> write(b), writer);
  }

  private void awaitWritten() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    } finally {
      inFlight = null;
    }
  }

  /** Runs on the writer thread: one transaction for the batch's objects and MISP rows. */
  private void write(Batch b) {
    List<AddOutcome> outcomes =
        store.addAll(
            collection,
            b.objects,
            b.provenances,
            (connection, written) -> {
              for (int i = 0; i < b.events.size(); i++) {
                MispStore.write(connection, b.events.get(i), b.links.get(i), b.losses.get(i));
              }
            });
    objectsStored += outcomes.stream().filter(o -> o.status() == AddOutcome.Status.STORED).count();
  }

  /** Writes what is buffered and waits until it is written (a resumable point). */
  public void flushAndWait() {
    flush();
    awaitWritten();
  }

  /** Writes the last batch and stops the writer thread; a second call does nothing. */
  @Override
  public void close() {
    if (writer.isShutdown()) {
      return;
    }
    try {
      flushAndWait();
    } finally {
      writer.shutdown();
    }
  }

  /** Events waiting to be written together. */
  private static final class Batch {
    final List<NewObject> objects = new ArrayList<>();
    final List<Provenance> provenances = new ArrayList<>();
    final List<MispStore.HeldEvent> events = new ArrayList<>();
    final List<List<MispStore.UuidLink>> links = new ArrayList<>();
    final List<List<MispStore.Loss>> losses = new ArrayList<>();

    void add(
        List<NewObject> o,
        Provenance p,
        MispStore.HeldEvent e,
        List<MispStore.UuidLink> l,
        List<MispStore.Loss> loss) {
      objects.addAll(o);
      for (int i = 0; i < o.size(); i++) {
        provenances.add(p);
      }
      events.add(e);
      links.add(l);
      losses.add(loss);
    }
  }
}
