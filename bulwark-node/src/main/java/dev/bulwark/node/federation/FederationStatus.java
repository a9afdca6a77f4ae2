package dev.bulwark.node.federation;

import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.ReadFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where federation stands, per peer, collection and direction: the cursor, the lag (objects waiting
 * to be pushed, and time since the last catch-up) and the last error. Shared by {@code bulwark
 * federation status} and {@code GET /bulwark/federation/status}. Stateless; thread-safe.
 */
public final class FederationStatus {
  private static final int LAG_COUNT_LIMIT = 100_000;

  private FederationStatus() {}

  /** One line of the report. */
  public record Line(
      String peer,
      String nation,
      String direction,
      String collection,
      String cursor,
      long objects,
      long refused,
      Optional<Long> lagObjects,
      Optional<Instant> lastSuccess,
      String lastError,
      Optional<Instant> lastErrorAt,
      boolean failing) {}

  public static List<Line> report(
      PeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      AccessPolicy policy,
      String localNation) {
    List<Line> lines = new ArrayList<>();
    for (Peer peer : peers.list()) {
      for (Direction direction : Direction.values()) {
        for (String collection : direction == Direction.PULL ? peer.pull() : peer.push()) {
          Cursor c =
              cursors
                  .find(peer.name(), direction, collection)
                  .orElse(Cursor.start(peer.name(), direction, collection));
          Optional<Long> lag =
              direction == Direction.PUSH
                  ? Optional.of(pushLag(peer, collection, c, store, policy, localNation))
                  : Optional.empty();
          lines.add(
              new Line(
                  peer.name(),
                  peer.nation(),
                  direction.label(),
                  collection,
                  c.position().isEmpty() ? "(start)" : cursorText(direction, c.position()),
                  c.objects(),
                  c.rejected(),
                  lag,
                  instant(c.lastSuccessMicros()),
                  c.lastError(),
                  instant(c.lastErrorMicros()),
                  c.failing()));
        }
      }
    }
    return lines;
  }

  private static long pushLag(
      Peer peer,
      String collection,
      Cursor c,
      ObjectStore store,
      AccessPolicy policy,
      String localNation) {
    Optional<CollectionInfo> local = store.collection(collection);
    if (local.isEmpty()) {
      return 0;
    }
    ReadFilter eligible = PushTask.eligible(peer, local.get(), localNation, policy);
    Page page =
        store.page(
            new ObjectQuery(
                collection,
                Long.parseLong(c.position()),
                Set.of(),
                Set.of(),
                Set.of(),
                LAG_COUNT_LIMIT),
            eligible);
    return page.items().size();
  }

  private static String cursorText(Direction direction, String position) {
    if (direction == Direction.PUSH) {
      long micros = Long.parseLong(position);
      return micros == 0 ? "(start)" : instant(micros).map(Instant::toString).orElse(position);
    }
    return position;
  }

  private static Optional<Instant> instant(long micros) {
    return micros == 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L));
  }
}
