package dev.bulwark.node.misp;

import dev.bulwark.misp.EventRefusedException;
import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispFormatException;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.MispToStix;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One pull from a MISP peer into its collection, from its persisted cursor (the newest MISP
 * timestamp stored): a feed through {@code bulwark-misp}'s incremental feed import (manifest
 * timestamps), a MISP REST API through {@code POST /events/index} (the {@code timestamp} filter and
 * the organisation filter applied by the server, sorted by timestamp, a page at a time) then {@code
 * GET /events/view/{id}} for each event not held at that timestamp. The cursor is saved after every
 * page, so an interrupted pull resumes there; what is fetched again is "already held". Not
 * thread-safe: one per run.
 */
final class MispPull {
  static final int REST_PAGE = 100;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MispPeer peer;
  private final ObjectStore store;
  private final MispStore misp;
  private final CursorStore cursors;
  private final AudienceSettings settings;
  private final MispHttp http;
  private final MispRefusals refusals;

  MispPull(
      MispPeer peer,
      ObjectStore store,
      MispStore misp,
      MispRefusals refusals,
      CursorStore cursors,
      AudienceSettings settings,
      MispHttp http) {
    this.refusals = refusals;
    this.peer = peer;
    this.store = store;
    this.misp = misp;
    this.cursors = cursors;
    this.settings = settings;
    this.http = http;
  }

  /** Pulls what is new; returns the number of events stored. */
  long run(long nowMicros) {
    Cursor c =
        cursors
            .find(peer.name(), Direction.PULL, peer.collection())
            .orElse(new Cursor(peer.name(), Direction.PULL, peer.collection(), "", 0, 0, 0, "", 0));
    long position = c.position().isEmpty() ? 0 : Long.parseLong(c.position());
    store.ensureCollection(
        new CollectionInfo(
            peer.collection(),
            peer.collection(),
            "Pulled from MISP peer " + peer.name(),
            Set.of()));
    try (MispEventSink sink =
        new MispEventSink(
            store,
            misp,
            peer.collection(),
            peer.addedBy(),
            List.of(peer.nation()),
            settings,
            peer.nation())) {
      MispPeerIntake intake = intake(sink);
      if (peer.type() == MispPeer.Type.FEED) {
        ImportResult r = new MispImport(settings, intake).importFeed(http.feed(peer), position);
        sink.close();
        long rejected = r.events().rejected();
        cursors.save(
            advanced(c, Math.max(position, r.cursor()), r.events().stored(), rejected, nowMicros));
        if (!r.unreadable().isEmpty()) {
          throw new IllegalStateException("unreadable: " + String.join("; ", r.unreadable()));
        }
        return r.events().stored();
      }
      return rest(c, position, sink, intake, nowMicros);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trust checks in front of the sink: what this peer may bring (see MispPeerIntake). */
  private MispPeerIntake intake(MispEventSink sink) {
    Set<String> nations = new LinkedHashSet<>(settings.linkNations());
    nations.addAll(settings.orgNations().values());
    return new MispPeerIntake(
        peer, settings.ownNation(), nations, sink, store, new AccessPolicy(store), refusals);
  }

  private static Cursor advanced(Cursor c, long position, long moved, long refused, long now) {
    return new Cursor(
        c.peer(),
        c.direction(),
        c.collection(),
        Long.toString(position),
        c.objects() + moved,
        c.rejected() + refused,
        now,
        c.lastError(),
        c.lastErrorMicros());
  }

  /** The REST pull: index pages from the cursor on, each event viewed unless held. */
  private long rest(
      Cursor c, long position, MispEventSink sink, MispPeerIntake intake, long nowMicros)
      throws IOException {
    MispToStix mapper = new MispToStix(settings);
    MispReader reader = new MispReader();
    long stored = 0;
    long rejected = 0;
    long cursor = position;
    Cursor saved = c;
    for (int page = 1; ; page++) {
      List<JsonNode> index = index(position, page);
      for (JsonNode e : index) {
        String uuid = e.path("uuid").asString("");
        long timestamp = Long.parseLong(e.path("timestamp").asString("0"));
        if (sink.held(uuid, timestamp).isPresent()) {
          cursor = Math.max(cursor, timestamp);
          continue;
        }
        try (InputStream in =
            http.get(
                peer,
                peer.url().resolve("events/view/" + e.path("id").asString("")),
                peer.secret())) {
          for (MispEvent event : reader.read(in)) {
            intake.accept(mapper.convert(event));
            stored++;
          }
        } catch (MispFormatException | EventRefusedException bad) {
          rejected++; // a refusal is final for this version: the cursor moves past it
        }
        cursor = Math.max(cursor, timestamp);
      }
      sink.flushAndWait();
      saved = advanced(saved, cursor, stored, rejected, nowMicros);
      cursors.save(saved);
      stored = 0;
      rejected = 0;
      if (index.size() < REST_PAGE) {
        return saved.objects() - c.objects();
      }
    }
  }

  /** One page of {@code POST /events/index}: events with timestamp ≥ the cursor, oldest first. */
  private List<JsonNode> index(long since, int page) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("timestamp", Long.toString(since));
    body.put("sort", "timestamp");
    body.put("direction", "asc");
    body.put("page", page);
    body.put("limit", REST_PAGE);
    if (!peer.orgFilter().isEmpty()) {
      body.put("org", peer.orgFilter());
    }
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = http.post(peer, "events/index", JSON.writeValueAsString(body))) {
      JsonNode list = JSON.readTree(in);
      for (JsonNode e : list) {
        out.add(e.has("Event") ? e.path("Event") : e);
      }
    }
    return out;
  }
}
