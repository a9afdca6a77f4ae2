package dev.bulwark.node.misp;

import dev.bulwark.misp.Counts;
import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.feed.FeedSource;
import dev.bulwark.misp.read.MispFormatException;
import dev.bulwark.misp.read.MispReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports MISP files and folders as {@link MispImport#importPaths} does, but answers "already held"
 * for the events of a feed folder from its manifest BEFORE their files are read or converted: the
 * library asks the sink only after converting an event, which made a re-import of a held folder
 * cost a full conversion (7–14 s for 200 events under load). An event is skipped when the
 * collection holds it at the manifest's timestamp or a newer one ({@link MispEventSink#held}, one
 * query per run); its stored counts are reported as held. The rest of the feed is imported through
 * a source whose manifest lists only those events, so every guarantee of the library's feed import
 * (each event file all-or-nothing, rejections with path and reason, the loss report) is unchanged.
 * Plain files and folders without a manifest go to the library as they are.
 *
 * <p>Not thread-safe: one per run, like the {@link MispImport} and sink it drives.
 */
public final class MispPathImport {
  private final MispImport importer;
  private final MispEventSink sink;
  private final MispReader reader;
  private Counts heldEvents = Counts.ZERO;
  private Counts heldAttributes = Counts.ZERO;
  private Counts heldObjects = Counts.ZERO;
  private long heldCursor;

  /**
   * @param importer the library's import for this run (counts are cumulative over it)
   * @param sink the sink {@code importer} writes to
   */
  public MispPathImport(MispImport importer, MispEventSink sink) {
    this(importer, sink, new MispReader());
  }

  /**
   * @param reader reads manifests (its limits bound their size)
   */
  public MispPathImport(MispImport importer, MispEventSink sink, MispReader reader) {
    this.importer = importer;
    this.sink = sink;
    this.reader = reader;
  }

  /**
   * Imports files and folders: a folder with {@code manifest.json} is a feed (held events skipped
   * from the manifest), anything else as the library reads it.
   *
   * @return the library's result with the events skipped here counted as held
   * @throws IOException when the sink fails
   */
  public ImportResult importPaths(List<Path> filesOrDirs) throws IOException {
    ImportResult r = null;
    for (Path p : filesOrDirs) {
      Optional<FeedSource> feed =
          Files.isDirectory(p) && Files.exists(p.resolve("manifest.json"))
              ? withoutHeld(p)
              : Optional.empty();
      r = feed.isPresent() ? importer.importFeed(feed.get(), 0) : importer.importPaths(List.of(p));
    }
    if (r == null) {
      r = importer.importPaths(List.of());
    }
    return new ImportResult(
        r.events().plus(heldEvents),
        r.attributes().plus(heldAttributes),
        r.objects().plus(heldObjects),
        r.losses(),
        r.rejections(),
        r.unreadable(),
        r.collisions(),
        Math.max(r.cursor(), heldCursor));
  }

  /**
   * The feed folder as a source whose manifest lists only the events not held; empty when the
   * manifest cannot be read as an object (the library then reports it as it does for any feed).
   */
  private Optional<FeedSource> withoutHeld(Path dir) {
    FeedSource files = FeedSource.directory(dir);
    JsonNode manifest;
    try (InputStream in = files.open("manifest.json")) {
      manifest = reader.readTree(in);
    } catch (IOException | MispFormatException e) {
      return Optional.empty();
    }
    if (!(manifest instanceof ObjectNode entries)) {
      return Optional.empty();
    }
    List<String> held = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : entries.properties()) {
      Optional<Long> ts = timestamp(e.getValue());
      if (ts.isEmpty()) {
        continue; // malformed entry: the library rejects it with its path
      }
      Optional<MispStore.HeldEvent> h = sink.heldEvent(e.getKey(), ts.get());
      if (h.isPresent()) {
        held.add(e.getKey());
        heldEvents = heldEvents.plus(new Counts(0, 1, 0));
        heldAttributes = heldAttributes.plus(new Counts(0, h.get().attributes(), 0));
        heldObjects = heldObjects.plus(new Counts(0, h.get().objects(), 0));
        heldCursor = Math.max(heldCursor, ts.get());
      }
    }
    if (held.isEmpty()) {
      return Optional.of(files);
    }
    entries.remove(held);
    byte[] rest = entries.toString().getBytes(StandardCharsets.UTF_8);
    return Optional.of(
        path -> "manifest.json".equals(path) ? new ByteArrayInputStream(rest) : files.open(path));
  }

  /** A manifest entry's timestamp (MISP writes it as a string of epoch seconds, or a number). */
  private static Optional<Long> timestamp(JsonNode entry) {
    JsonNode t = entry == null ? null : entry.get("timestamp");
    if (t == null) {
      return Optional.empty();
    }
    if (t.isIntegralNumber()) {
      return Optional.of(t.longValue());
    }
    if (t.isString()) {
      try {
        return Optional.of(Long.parseLong(t.stringValue().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
