package dev.bulwark.misp.feed;

import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.read.MispFormatException;
import dev.bulwark.misp.read.MispReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a MISP feed: the manifest, the events changed since a cursor, each event file, and {@code
 * hashes.csv} (either column order: PyMISP writes {@code md5,uuid}, some feeds {@code uuid,md5}).
 * Thread-safe when its source is.
 */
public final class FeedReader {
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  private final FeedSource source;
  private final MispReader reader;

  /**
   * A reader over one feed.
   *
   * @param source where the files are
   * @param reader the MISP reader (limits)
   */
  public FeedReader(FeedSource source, MispReader reader) {
    this.source = source;
    this.reader = reader;
  }

  /**
   * The manifest, sorted by (timestamp, uuid).
   *
   * @return one entry per event
   * @throws IOException when it cannot be read
   * @throws MispFormatException when it is malformed (path and reason)
   */
  public List<ManifestEntry> manifest() throws IOException, MispFormatException {
    JsonNode root;
    try (InputStream in = source.open("manifest.json")) {
      root = reader.readTree(in);
    }
    if (!root.isObject()) {
      throw new MispFormatException("$", "manifest.json must be an object keyed by event uuid");
    }
    List<ManifestEntry> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      out.add(entry(e.getKey(), e.getValue()));
    }
    out.sort(Comparator.comparingLong(ManifestEntry::timestamp).thenComparing(ManifestEntry::uuid));
    return out;
  }

  private static ManifestEntry entry(String uuid, JsonNode v) throws MispFormatException {
    String p = "$['" + uuid + "']";
    if (!UUID_FORM.matcher(uuid).matches()) {
      throw new MispFormatException(p, "key is not an event uuid");
    }
    if (!v.isObject()) {
      throw new MispFormatException(p, "expected an object");
    }
    long ts = number(v.get("timestamp"), p + ".timestamp");
    List<String> tags = new ArrayList<>();
    JsonNode t = v.get("Tag");
    if (t != null && t.isArray()) {
      for (JsonNode tag : t) {
        if (tag.isObject() && tag.has("name")) {
          tags.add(tag.get("name").asString());
        }
      }
    }
    JsonNode orgc = v.get("Orgc");
    MispOrg org =
        orgc != null && orgc.isObject()
            ? new MispOrg(text(orgc, "uuid").toLowerCase(Locale.ROOT), text(orgc, "name"))
            : new MispOrg("", "");
    return new ManifestEntry(
        uuid.toLowerCase(Locale.ROOT),
        text(v, "info"),
        text(v, "date"),
        ts,
        (int) optionalNumber(v.get("threat_level_id"), 4),
        (int) optionalNumber(v.get("analysis"), 0),
        org,
        tags);
  }

  /**
   * The entries changed after a cursor: timestamp strictly greater, sorted by (timestamp, uuid).
   *
   * @param cursorTimestamp the newest timestamp already imported (0 for all)
   * @return the entries to fetch
   * @throws IOException when the manifest cannot be read
   * @throws MispFormatException when it is malformed
   */
  public List<ManifestEntry> changedSince(long cursorTimestamp)
      throws IOException, MispFormatException {
    List<ManifestEntry> out = new ArrayList<>();
    for (ManifestEntry e : manifest()) {
      if (e.timestamp() > cursorTimestamp) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Reads one event file.
   *
   * @param uuid the event
   * @return the event
   * @throws IOException when it cannot be read
   * @throws MispFormatException when malformed or not the event named
   */
  public MispEvent event(String uuid) throws IOException, MispFormatException {
    if (!UUID_FORM.matcher(uuid).matches()) {
      throw new MispFormatException("$", "not an event uuid: " + uuid);
    }
    List<MispEvent> events;
    try (InputStream in = source.open(uuid + ".json")) {
      events = reader.read(in);
    }
    if (events.size() != 1 || !events.get(0).uuid().equalsIgnoreCase(uuid)) {
      throw new MispFormatException("$.Event.uuid", "the file does not hold event " + uuid);
    }
    return events.get(0);
  }

  /**
   * Reads {@code hashes.csv}.
   *
   * @return the lines
   * @throws IOException when it cannot be read
   * @throws MispFormatException when a line is malformed (line number and reason)
   */
  public List<HashEntry> hashes() throws IOException, MispFormatException {
    List<HashEntry> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(source.open("hashes.csv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split(",", -1);
        if (parts.length != 2) {
          throw new MispFormatException("hashes.csv line " + n, "expected two columns");
        }
        String a = parts[0].trim();
        String b = parts[1].trim();
        if (UUID_FORM.matcher(a).matches() && MD5.matcher(b).matches()) {
          out.add(new HashEntry(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT)));
        } else if (MD5.matcher(a).matches() && UUID_FORM.matcher(b).matches()) {
          out.add(new HashEntry(b.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT)));
        } else {
          throw new MispFormatException(
              "hashes.csv line " + n, "expected an md5 and an event uuid");
        }
      }
    }
    return out;
  }

  private static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? "" : n.asString();
  }

  private static long number(JsonNode n, String path) throws MispFormatException {
    if (n == null || n.isNull()) {
      throw new MispFormatException(path, "missing");
    }
    try {
      return n.isNumber() ? n.longValue() : Long.parseLong(n.asString().trim());
    } catch (NumberFormatException e) {
      throw new MispFormatException(path, "not an integer");
    }
  }

  private static long optionalNumber(JsonNode n, long fallback) {
    if (n == null || n.isNull()) {
      return fallback;
    }
    try {
      return n.isNumber() ? n.longValue() : Long.parseLong(n.asString().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
