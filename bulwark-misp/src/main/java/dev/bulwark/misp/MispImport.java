package dev.bulwark.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.feed.FeedReader;
import dev.bulwark.misp.feed.FeedSource;
import dev.bulwark.misp.feed.ManifestEntry;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispFormatException;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.LossReport;
import dev.bulwark.misp.stix.MispToStix;
import dev.bulwark.misp.stix.UuidCollision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports MISP files, folders and feeds: reads, converts each event to STIX with its audience and
 * hands it to the sink, counting stored / already held / rejected and collecting loss reports. A
 * malformed file is rejected as a whole (with path and reason); in a feed, each event file stands
 * alone. Not thread-safe: one per run.
 */
public final class MispImport {
  private final MispReader reader;
  private final MispToStix converter;
  private final EventSink sink;
  private Counts events = Counts.ZERO;
  private Counts attributes = Counts.ZERO;
  private Counts objects = Counts.ZERO;
  private final List<LossReport> losses = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();
  private final List<UuidCollision> collisions = new ArrayList<>();
  private long cursor;

  /**
   * An import for one MISP link.
   *
   * @param settings nations and organisations of the link
   * @param sink where converted events go
   */
  public MispImport(AudienceSettings settings, EventSink sink) {
    this(settings, sink, new MispReader());
  }

  /**
   * An import with explicit reader limits.
   *
   * @param settings nations and organisations of the link
   * @param sink where converted events go
   * @param reader the reader
   */
  public MispImport(AudienceSettings settings, EventSink sink, MispReader reader) {
    this.reader = reader;
    this.converter = new MispToStix(settings);
    this.sink = sink;
  }

  /**
   * Imports files and folders: a folder with {@code manifest.json} is a feed (read whole), another
   * folder is read file by file ({@code *.json}, sorted).
   *
   * @param filesOrDirs inputs
   * @return what happened (cumulative over this instance)
   * @throws IOException when the sink fails
   */
  public ImportResult importPaths(List<Path> filesOrDirs) throws IOException {
    for (Path p : filesOrDirs) {
      if (Files.isDirectory(p) && Files.exists(p.resolve("manifest.json"))) {
        importFeed(FeedSource.directory(p), 0);
      } else if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.list(p)) {
          files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
          importFile(f);
        }
      } else {
        importFile(p);
      }
    }
    return result();
  }

  private void importFile(Path f) throws IOException {
    List<MispEvent> read;
    try (InputStream in = Files.newInputStream(f)) {
      read = reader.read(in);
    } catch (MispFormatException e) {
      rejections.add(new Rejection(f.toString(), e.path(), e.reason()));
      events = events.plus(new Counts(0, 0, 1));
      return;
    } catch (IOException e) {
      unreadable.add(f + ": " + e.getMessage());
      return;
    }
    for (MispEvent e : read) {
      accept(e);
    }
  }

  /**
   * Imports the events of a feed changed after a cursor. The returned cursor advances over the
   * events imported in timestamp order and stops before the first that failed, so that a rerun
   * retries it.
   *
   * @param feed the feed
   * @param since the newest timestamp already imported (0 for all)
   * @return what happened (cumulative over this instance)
   * @throws IOException when the sink fails
   */
  public ImportResult importFeed(FeedSource feed, long since) throws IOException {
    FeedReader fr = new FeedReader(feed, reader);
    List<ManifestEntry> changed;
    try {
      changed = fr.changedSince(since);
    } catch (MispFormatException e) {
      rejections.add(new Rejection("manifest.json", e.path(), e.reason()));
      return result();
    } catch (IOException e) {
      unreadable.add("manifest.json: " + e.getMessage());
      return result();
    }
    long c = Math.max(cursor, since);
    boolean failed = false;
    for (ManifestEntry m : changed) {
      try {
        accept(fr.event(m.uuid()));
      } catch (MispFormatException e) {
        rejections.add(new Rejection(m.uuid() + ".json", e.path(), e.reason()));
        events = events.plus(new Counts(0, 0, 1));
        failed = true;
      } catch (IOException e) {
        unreadable.add(m.uuid() + ".json: " + e.getMessage());
        failed = true;
      }
      if (!failed) {
        c = Math.max(c, m.timestamp());
      }
    }
    cursor = c;
    return result();
  }

  private void accept(MispEvent e) throws IOException {
    EventConversion c = converter.convert(e);
    EventSink.Stored s;
    try {
      s = sink.accept(c);
    } catch (EventRefusedException refused) {
      // a refusal is final for this version of the event: counted, listed, the cursor moves on
      rejections.add(refused.rejection());
      events = events.plus(new Counts(0, 0, 1));
      attributes = attributes.plus(new Counts(0, 0, c.attributes()));
      objects = objects.plus(new Counts(0, 0, c.objectsConverted()));
      cursor = Math.max(cursor, e.timestamp());
      return;
    }
    boolean stored = s == EventSink.Stored.STORED;
    events = events.plus(stored ? new Counts(1, 0, 0) : new Counts(0, 1, 0));
    attributes =
        attributes.plus(
            stored ? new Counts(c.attributes(), 0, 0) : new Counts(0, c.attributes(), 0));
    objects =
        objects.plus(
            stored
                ? new Counts(c.objectsConverted(), 0, 0)
                : new Counts(0, c.objectsConverted(), 0));
    if (!c.loss().isEmpty()) {
      losses.add(c.loss());
    }
    cursor = Math.max(cursor, e.timestamp());
  }

  private ImportResult result() {
    return new ImportResult(
        events, attributes, objects, losses, rejections, unreadable, collisions, cursor);
  }
}
