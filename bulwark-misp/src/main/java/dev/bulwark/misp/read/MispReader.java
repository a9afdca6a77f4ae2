package dev.bulwark.misp.read;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.stix.StixIds;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads MISP core format JSON: one event ({@code {"Event": {...}}}), a collection ({@code
 * {"response": [{"Event": ...}, ...]}} or a bare array of such), a feed event file, and the
 * attribute/object collections misp-stix tests with ({@code {"response": [{"Attribute": ...}]}},
 * read as one synthetic event whose uuid is derived from theirs). Input is bounded by {@link
 * MispLimits}; anything malformed is rejected with its JSON path.
 *
 * <p>Immutable and thread-safe.
 */
public final class MispReader {

  /** Namespace of the synthetic event uuids of attribute/object collections. */
  static final UUID COLLECTION_NAMESPACE = UUID.fromString("3c1d6b8e-2f4a-5e07-9b1c-7d2a8e4f6a10");

  private final MispLimits limits;
  private final JsonMapper mapper;

  /** A reader with {@link MispLimits#DEFAULT}. */
  public MispReader() {
    this(MispLimits.DEFAULT);
  }

  /**
   * A reader with the given limits.
   *
   * @param limits bounds per input
   */
  public MispReader(MispLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
            .build();
    this.mapper = JsonMapper.builder(factory).build();
  }

  /**
   * Reads every event of one input.
   *
   * @param in the JSON (not closed)
   * @return the events, in input order
   * @throws MispFormatException when the input is not MISP JSON, with path and reason
   * @throws IOException when reading fails
   */
  public List<MispEvent> read(InputStream in) throws MispFormatException, IOException {
    return events(readTree(in));
  }

  /**
   * Reads any JSON within the limits (a feed manifest, for instance).
   *
   * @param in the JSON (not closed)
   * @return the tree
   * @throws MispFormatException when it is not JSON or too large
   * @throws IOException when reading fails
   */
  public JsonNode readTree(InputStream in) throws MispFormatException, IOException {
    JsonNode root;
    try {
      root = mapper.readTree(new BoundedInputStream(in, limits.maxBytes()));
    } catch (JacksonException e) {
      if (e.getCause() instanceof BoundedInputStream.TooLargeException t) {
        throw new MispFormatException("$", t.getMessage());
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new MispFormatException("$", "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new MispFormatException("$", "empty input");
    }
    return root;
  }

  private List<MispEvent> events(JsonNode root) throws MispFormatException {
    if (root.isArray()) {
      return list(root, "$");
    }
    if (!root.isObject()) {
      throw new MispFormatException("$", "expected a JSON object or array");
    }
    if (root.has("response")) {
      JsonNode r = root.get("response");
      if (r.isObject() && r.get("Attribute") != null && r.get("Attribute").isArray()) {
        return List.of(attributeCollection(r.get("Attribute"), "$.response.Attribute"));
      }
      if (!r.isArray()) {
        throw new MispFormatException("$.response", "expected an array");
      }
      return list(r, "$.response");
    }
    return List.of(readEvent(root, "$"));
  }

  /**
   * Reads one event.
   *
   * @param node {@code {"Event": {...}}} or the event object itself
   * @return the event
   * @throws MispFormatException when malformed
   */
  public MispEvent readEvent(JsonNode node) throws MispFormatException {
    return readEvent(node, "$");
  }

  private MispEvent readEvent(JsonNode node, String path) throws MispFormatException {
    if (node != null && node.isObject() && node.has("Event")) {
      return new EventParser(limits).event(node.get("Event"), path + ".Event");
    }
    if (node != null && node.isObject() && node.has("uuid") && node.has("info")) {
      return new EventParser(limits).event(node, path);
    }
    throw new MispFormatException(path, "expected {\"Event\": {...}}");
  }

  private List<MispEvent> list(JsonNode array, String path) throws MispFormatException {
    List<MispEvent> events = new ArrayList<>();
    List<MispAttribute> looseAttributes = new ArrayList<>();
    List<MispObject> looseObjects = new ArrayList<>();
    EventParser loose = new EventParser(limits);
    for (int i = 0; i < array.size(); i++) {
      JsonNode e = array.get(i);
      String p = path + "[" + i + "]";
      if (e.isObject() && e.has("Attribute") && !e.has("Event")) {
        looseAttributes.add(loose.attribute(e.get("Attribute"), p + ".Attribute", null));
      } else if (e.isObject() && e.has("Object") && !e.has("Event")) {
        looseObjects.add(loose.object(e.get("Object"), p + ".Object"));
      } else {
        events.add(readEvent(e, p));
      }
    }
    if (!looseAttributes.isEmpty() || !looseObjects.isEmpty()) {
      events.add(collection(looseAttributes, looseObjects));
    }
    return events;
  }

  private MispEvent attributeCollection(JsonNode array, String path) throws MispFormatException {
    EventParser loose = new EventParser(limits);
    List<MispAttribute> attrs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      attrs.add(loose.attribute(array.get(i), path + "[" + i + "]", null));
    }
    return collection(attrs, List.of());
  }

  private static MispEvent collection(List<MispAttribute> attrs, List<MispObject> objects) {
    StringBuilder key = new StringBuilder("collection");
    long ts = 0;
    for (MispAttribute a : attrs) {
      key.append('|').append(a.uuid());
      ts = Math.max(ts, a.timestamp());
    }
    for (MispObject o : objects) {
      key.append('|').append(o.uuid());
      ts = Math.max(ts, o.timestamp());
    }
    return new MispEvent(
        StixIds.uuid5(COLLECTION_NAMESPACE, key.toString()).toString(),
        "MISP attribute and object collection",
        "",
        ts,
        0,
        false,
        4,
        0,
        Distribution.ORGANISATION,
        Optional.empty(),
        new MispOrg("", ""),
        new MispOrg("", ""),
        attrs,
        objects,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
