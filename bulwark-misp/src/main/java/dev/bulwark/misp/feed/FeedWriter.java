package dev.bulwark.misp.feed;

import dev.bulwark.misp.write.ExportedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a MISP feed into a folder: one {@code <uuid>.json} per event as it is added, then {@code
 * manifest.json} and {@code hashes.csv} ({@code md5(value),event_uuid}, composite values hashed per
 * part, as PyMISP writes them) on {@link #finish}. Not thread-safe.
 */
public final class FeedWriter {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path dir;
  private final Map<String, ManifestEntry> manifest = new TreeMap<>();
  private final List<String> hashes = new ArrayList<>();

  /**
   * A writer into a folder (created if missing).
   *
   * @param dir the folder
   * @throws IOException when it cannot be created
   */
  public FeedWriter(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * Writes one event file.
   *
   * @param e the event
   * @throws IOException when writing fails
   */
  public void add(ExportedEvent e) throws IOException {
    Files.writeString(dir.resolve(e.uuid() + ".json"), eventJson(e));
    manifest.put(e.uuid(), e.manifest());
    hashLines(e, hashes::add);
  }

  /**
   * Writes {@code manifest.json} and {@code hashes.csv}.
   *
   * @throws IOException when writing fails
   */
  public void finish() throws IOException {
    Files.writeString(dir.resolve("manifest.json"), manifestJson(manifest.values()));
    StringBuilder csv = new StringBuilder();
    hashes.forEach(h -> csv.append(h).append('\n'));
    Files.writeString(dir.resolve("hashes.csv"), csv.toString());
  }

  /**
   * An event's {@code <uuid>.json}, the bytes {@link #add} writes.
   *
   * @param e the event
   * @return its JSON text
   */
  public static String eventJson(ExportedEvent e) {
    return MAPPER.writeValueAsString(e.json());
  }

  /**
   * {@code manifest.json} of these entries, the bytes {@link #finish} writes (entries ordered by
   * uuid).
   *
   * @param entries the manifest entries, any order
   * @return the manifest's JSON text
   */
  public static String manifestJson(Collection<ManifestEntry> entries) {
    Map<String, ManifestEntry> sorted = new TreeMap<>();
    entries.forEach(m -> sorted.put(m.uuid(), m));
    ObjectNode root = MAPPER.createObjectNode();
    for (ManifestEntry m : sorted.values()) {
      ObjectNode o = root.putObject(m.uuid());
      ObjectNode orgc = o.putObject("Orgc");
      orgc.put("name", m.orgc().name());
      orgc.put("uuid", m.orgc().uuid());
      ArrayNode tags = o.putArray("Tag");
      for (String t : m.tags()) {
        tags.addObject().put("name", t);
      }
      o.put("info", m.info());
      o.put("date", m.date());
      o.put("analysis", Integer.toString(m.analysis()));
      o.put("threat_level_id", Integer.toString(m.threatLevelId()));
      o.put("timestamp", Long.toString(m.timestamp()));
    }
    return MAPPER.writeValueAsString(root);
  }

  /**
   * {@code hashes.csv} of these events, the bytes {@link #finish} writes for them added in this
   * order.
   *
   * @param events the events
   * @return the CSV text
   */
  public static String hashesCsv(List<ExportedEvent> events) {
    StringBuilder csv = new StringBuilder();
    for (ExportedEvent e : events) {
      hashLines(e, h -> csv.append(h).append('\n'));
    }
    return csv.toString();
  }

  /** The event's hashes.csv lines ({@code md5,uuid}; composite values hashed per part). */
  private static void hashLines(ExportedEvent e, Consumer<String> into) {
    for (String v : e.attributeValues()) {
      for (String part : v.split("\\|", -1)) {
        into.accept(md5(part) + "," + e.uuid());
      }
    }
  }

  static String md5(String value) {
    try {
      MessageDigest d = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(d.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
