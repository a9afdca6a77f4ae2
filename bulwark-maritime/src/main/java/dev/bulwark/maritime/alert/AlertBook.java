package dev.bulwark.maritime.alert;

import dev.bulwark.maritime.track.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds findings into episodes: one alert per (kind, vessel, asset or partner) while findings keep
 * coming, with a stable id; a new episode starts when the previous one has been quiet for {@code
 * episodeGapMillis} (default 2 h, so that a drag interrupted by an AIS gap stays one episode).
 *
 * <p>Publishes to the listener when an episode is raised, when its severity rises, and otherwise at
 * most every {@code updateEveryMillis} of track time; and once more ({@code CLOSED}, final state)
 * when {@link #expire} lets go of it. Memory is bounded: episodes quiet for {@link #RETAIN_MILLIS}
 * are dropped, and at most {@link #MAX_EPISODES} are held (oldest first out); a node stores alerts
 * as they are published, the book is only the working set. Severity and score never go down within
 * an episode: a drag that eases off is still the drag that happened. Not thread-safe.
 */
public final class AlertBook {

  /** Looks up a vessel's track and name for evidence. */
  public interface Vessels {
    Optional<Track> track(int mmsi);

    String name(int mmsi);
  }

  private static final class Episode {
    String id;
    Finding first;
    Finding latest;
    Severity severity;
    double score;
    long raised;
    long lastPublished;
    int revision;
    Map<String, String> params = new LinkedHashMap<>();
  }

  private final long episodeGapMillis;
  private final long updateEveryMillis;
  private final AlertListener listener;
  private final Vessels vessels;
  private final Map<String, Episode> open = new HashMap<>();

  /** Track time an ended episode is still held (and listed by {@link #alerts()}). */
  public static final long RETAIN_MILLIS = 24 * 3_600_000L;

  /** Most episodes held. */
  public static final int MAX_EPISODES = 100_000;

  private final List<Episode> all = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private int raisedCount;

  public AlertBook(
      long episodeGapMillis, long updateEveryMillis, AlertListener listener, Vessels vessels) {
    this.episodeGapMillis = episodeGapMillis;
    this.updateEveryMillis = updateEveryMillis;
    this.listener = listener;
    this.vessels = vessels;
  }

  /** Records a finding; returns the id of its episode. */
  public String report(Finding f) {
    String key =
        f.kind().name()
            + '|'
            + f.mmsi()
            + '|'
            + f.other()
            + '|'
            + f.asset().map(a -> a.id()).orElse("");
    Episode e = open.get(key);
    if (e != null && f.nowMillis() - e.latest.nowMillis() > episodeGapMillis) {
      e = null;
    }
    if (e == null) {
      e = new Episode();
      e.first = lean(f);
      e.latest = e.first;
      e.severity = f.severity();
      e.score = f.score();
      e.raised = f.nowMillis();
      e.lastPublished = f.nowMillis();
      e.params.putAll(f.parameters());
      e.id =
          f.kind().slug()
              + "-"
              + f.mmsi()
              + (f.other() != 0 ? "-" + f.other() : "")
              + f.asset().map(a -> "-" + a.id().replaceAll("[^A-Za-z0-9]+", "_")).orElse("")
              + "-"
              + (f.startMillis() / 1000);
      if (!ids.add(e.id)) {
        int n = 2;
        while (!ids.add(e.id + "-" + n)) {
          n++;
        }
        e.id = e.id + "-" + n;
      }
      open.put(key, e);
      all.add(e);
      raisedCount++;
      listener.onAlert(snapshot(e), AlertListener.Change.RAISED);
      return e.id;
    }
    e.latest = lean(f);
    e.params.putAll(f.parameters());
    boolean escalated = f.severity().compareTo(e.severity) > 0;
    if (escalated) {
      e.severity = f.severity();
    }
    e.score = Math.max(e.score, f.score());
    if (escalated || f.nowMillis() - e.lastPublished >= updateEveryMillis) {
      e.lastPublished = f.nowMillis();
      e.revision++;
      listener.onAlert(
          snapshot(e), escalated ? AlertListener.Change.ESCALATED : AlertListener.Change.UPDATED);
    }
    return e.id;
  }

  /**
   * Lets go of episodes quiet for {@link #RETAIN_MILLIS} (and of the oldest beyond {@link
   * #MAX_EPISODES}), publishing their final state as {@code CLOSED}. The engine calls it hourly.
   */
  public void expire(long nowMillis) {
    int excess = all.size() - MAX_EPISODES;
    List<Episode> keep = new ArrayList<>(all.size());
    for (Episode e : all) {
      boolean old = nowMillis - e.latest.nowMillis() > Math.max(RETAIN_MILLIS, episodeGapMillis);
      if (old || excess-- > 0) {
        listener.onAlert(snapshot(e), AlertListener.Change.CLOSED);
        ids.remove(e.id);
        open.values().remove(e);
      } else {
        keep.add(e);
      }
    }
    if (keep.size() != all.size()) {
      all.clear();
      all.addAll(keep);
    }
  }

  /** Whether an episode of this kind is open for a vessel (and asset id, "" for none) at a time. */
  public boolean isOpen(AlertKind kind, int mmsi, int other, String assetId, long nowMillis) {
    Episode e = open.get(kind.name() + '|' + mmsi + '|' + other + '|' + assetId);
    return e != null && nowMillis - e.latest.nowMillis() <= episodeGapMillis;
  }

  /** Every episode held (not yet expired), as it stands now, in the order raised. */
  public List<Alert> alerts() {
    List<Alert> out = new ArrayList<>(all.size());
    for (Episode e : all) {
      out.add(snapshot(e));
    }
    return out;
  }

  /** Number of episodes raised so far (expired ones included). */
  public int size() {
    return raisedCount;
  }

  /**
   * The finding without its parameters, which the episode has merged into its own map: holding them
   * twice more (in the first and the latest finding) was two thirds of an episode's memory (issue
   * 18: 5,552 episodes held 16,400 maps with 157,000 entries; heap per vessel +21 %).
   */
  private static Finding lean(Finding f) {
    return f.parameters().isEmpty()
        ? f
        : new Finding(
            f.kind(),
            f.mmsi(),
            f.other(),
            f.asset(),
            f.startMillis(),
            f.nowMillis(),
            f.severity(),
            f.score(),
            f.summary(),
            Map.of());
  }

  private Alert snapshot(Episode e) {
    Finding f = e.latest;
    long start = Math.min(e.first.startMillis(), f.startMillis());
    String track =
        vessels
            .track(f.mmsi())
            .map(t -> TrackSnippets.geoJson(f.mmsi(), t, start - 15 * 60_000L, f.nowMillis()))
            .orElse("null");
    return new Alert(
        e.id,
        f.kind(),
        f.mmsi(),
        vessels.name(f.mmsi()),
        f.other() != 0 ? List.of(f.other()) : List.of(),
        e.first.asset().map(a -> a.id()),
        e.first.asset().map(a -> a.name()),
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(f.nowMillis()),
        Instant.ofEpochMilli(e.raised),
        e.severity,
        e.score,
        f.summary(),
        new Evidence(track, e.params),
        e.revision);
  }
}
