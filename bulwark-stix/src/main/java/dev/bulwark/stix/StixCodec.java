package dev.bulwark.stix;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes STIX 2.1 JSON: single objects, bundles, JSON arrays of objects and JSON lines.
 * Reading streams: a bundle of any size is read one object at a time, so memory stays bounded by
 * the largest single object. Writing keeps every property (unknown ones, {@code x_...} properties,
 * {@code extensions}) in its original order.
 *
 * <p>Thread-safe and immutable: one instance can serve all threads.
 */
public final class StixCodec {

  /** How far back we can rewind to re-read a JSON-lines input line by line. */
  private static final int REWIND_LIMIT = 8 * 1024 * 1024;

  /** The longest JSON line held in memory by default; longer lines are reported and skipped. */
  static final int MAX_LINE = 64 * 1024 * 1024;

  private final int maxLine;

  /** Creates a codec. Cheap; the JSON configuration is shared. */
  public StixCodec() {
    this(MAX_LINE);
  }

  /** For tests: a codec with a smaller limit on JSON-lines line length. */
  StixCodec(int maxLine) {
    this.maxLine = maxLine;
  }

  /**
   * Parses exactly one JSON object (no validation).
   *
   * @param json the text
   * @return the object
   * @throws StixParseException when the text is not one well-formed JSON object; the message says
   *     what and where
   */
  public StixObject parseObject(String json) throws StixParseException {
    try (JsonParser p = Json.MAPPER.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new StixParseException("empty input: expected a JSON object");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new StixParseException(
            "expected a JSON object but found "
                + describe(t)
                + " at "
                + where(p.currentTokenLocation()));
      }
      ObjectNode node = p.readValueAsTree();
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new StixParseException(
            "unexpected content after the object: "
                + describe(trailing)
                + " at "
                + where(p.currentTokenLocation()));
      }
      return StixObject.adopt(node);
    } catch (JacksonException e) {
      throw new StixParseException(syntaxMessage(e), e);
    }
  }

  /**
   * Streams the objects of a bundle ({@code {"type":"bundle","objects":[...]}}), a single object, a
   * JSON array of objects, or JSON lines (one object per line) to the listener, without loading the
   * whole input. An item that is not a JSON object, or a repeated property inside one, is reported
   * through {@link StixReadListener#malformed} and reading goes on. A syntax error (truncated JSON,
   * bytes that are not UTF-8) is reported with its line/column and byte offset and ends reading,
   * except in JSON lines, where each line stands alone and reading resumes at the next line. A
   * bundle is a container wherever it appears (top level, in an array, on a line, inside another
   * bundle): its objects are reported, never the bundle itself.
   *
   * @param in the input; read to the end (or to a fatal error) and not closed
   * @param listener receives objects and problems in input order
   * @throws IOException when the input stream itself fails
   */
  public void read(InputStream in, StixReadListener listener) throws IOException {
    BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
    bin.mark(REWIND_LIMIT);
    try {
      new StreamReader(bin, listener, maxLine).run();
    } catch (JacksonIOException e) {
      throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Compact JSON for one object, properties in their original order.
   *
   * @param o the object
   * @return the JSON text
   */
  public String write(StixObject o) {
    return o.toJson();
  }

  /**
   * A bundle holding the given objects, with a new random bundle id.
   *
   * @param objects the objects, in the order to write them
   * @return compact JSON of the bundle
   */
  public String writeBundle(Collection<StixObject> objects) {
    StringBuilder sb = new StringBuilder(64 + objects.size() * 512);
    sb.append("{\"type\":\"bundle\",\"id\":\"bundle--")
        .append(UUID.randomUUID())
        .append("\",\"objects\":[");
    boolean first = true;
    for (StixObject o : objects) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(o.toJson());
    }
    return sb.append("]}").toString();
  }

  /** One pass over one input; not shared. */
  private static final class StreamReader {
    private final BufferedInputStream in;
    private final StixReadListener listener;
    private final int maxLine;
    private String current = "input";

    StreamReader(BufferedInputStream in, StixReadListener listener, int maxLine) {
      this.in = in;
      this.listener = listener;
      this.maxLine = maxLine;
    }

    void run() throws IOException {
      try (JsonParser p = Json.MAPPER.createParser(in)) {
        int rootCount = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          rootCount++;
          int line = p.currentTokenLocation().getLineNr();
          String rootLabel = rootCount == 1 ? "" : "value " + rootCount + " ";
          if (t == JsonToken.START_ARRAY) {
            streamArray(p, rootLabel);
          } else if (t == JsonToken.START_OBJECT) {
            current = rootLabel + "(line " + line + ")";
            ObjectNode plain = readTopObject(p, rootLabel);
            if (plain == null) {
              continue; // a bundle, already streamed
            }
            if (rootCount == 1 && p.currentLocation().getLineNr() == line && rewind()) {
              // The first object fits on one line: this is JSON lines (or a one-object file,
              // which reads the same way). Lines stand alone, so re-read them one by one.
              readLines();
              return;
            }
            listener.object(
                StixObject.adopt(plain),
                rootCount == 1
                    ? "object (line " + line + ")"
                    : "value " + rootCount + " (line " + line + ")");
          } else {
            listener.malformed(
                "value " + rootCount + " (line " + line + ")",
                "expected a JSON object, a bundle or an array of objects but found " + describe(t));
            p.skipChildren();
          }
        }
        if (rootCount == 0) {
          listener.malformed(
              "input", "empty input: expected a bundle, an object, an array or JSON lines");
        }
      } catch (JacksonIOException e) {
        throw e;
      } catch (JacksonException e) {
        listener.malformed(current, syntaxMessage(e) + "; reading stopped");
      }
    }

    private boolean rewind() {
      try {
        in.reset();
        return true;
      } catch (IOException e) {
        return false; // first line longer than the rewind limit: carry on as a sequence of values
      }
    }

    /**
     * Reads an object at the top level. A bundle's {@code objects} are streamed to the listener and
     * null returned; any other object is returned whole (or null, already reported, when a property
     * is repeated).
     */
    private ObjectNode readTopObject(JsonParser p, String rootLabel) {
      ObjectNode node = Json.NODES.objectNode();
      String type = null;
      boolean streamed = false;
      boolean repeated = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ("objects".equals(name) && v == JsonToken.START_ARRAY && "bundle".equals(type)) {
          streamArray(p, rootLabel + "objects");
          streamed = true;
          continue;
        }
        JsonNode value =
            v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY
                ? p.readValueAsTree()
                : scalar(p);
        if (node.has(name)) {
          listener.malformed(current, "property \"" + name + "\" appears twice");
          repeated = true;
        }
        node.set(name, value);
        if ("type".equals(name) && value.isString()) {
          type = value.stringValue();
        }
      }
      if (!"bundle".equals(type)) {
        return repeated ? null : node;
      }
      if (!streamed) {
        // objects came before "type" (or are not an array): it had to be held whole.
        emitBundle(node, rootLabel);
      }
      return null;
    }

    private JsonNode scalar(JsonParser p) {
      JsonNode n = p.readValueAsTree();
      return n == null ? Json.NODES.nullNode() : n;
    }

    private void emitNode(JsonNode o, String label) {
      if (o.isObject()) {
        listener.object(StixObject.adopt((ObjectNode) o), label);
      } else {
        listener.malformed(label, "expected a JSON object but found " + kind(o));
      }
    }

    private void streamArray(JsonParser p, String prefix) {
      // A bundle or an array is never re-read as JSON lines: drop the mark so that the buffer stops
      // growing to keep it.
      in.mark(0);
      int depth = p.streamReadContext().getNestingDepth();
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new IllegalStateException(
              "unreachable: parser reports end of input inside an array");
        }
        String label = prefix + "[" + i++ + "] (line " + p.currentTokenLocation().getLineNr() + ")";
        current = label;
        if (t != JsonToken.START_OBJECT) {
          listener.malformed(label, "expected a JSON object but found " + describe(t));
          p.skipChildren();
          continue;
        }
        ObjectNode node;
        try {
          node = p.readValueAsTree();
        } catch (DatabindException e) {
          // Not a syntax error (e.g. a repeated property): the token stream is intact, so skip
          // the rest of this item and go on with the next.
          listener.malformed(label, e.getOriginalMessage());
          skipTo(p, depth);
          continue;
        }
        if (isBundle(node)) {
          emitBundle(node, label + " ");
        } else {
          listener.object(StixObject.adopt(node), label);
        }
      }
    }

    /** A bundle is a container, never an object of its own: its objects are emitted instead. */
    private void emitBundle(JsonNode bundle, String prefix) {
      JsonNode objects = bundle.get("objects");
      if (objects == null) {
        return;
      }
      if (!objects.isArray()) {
        listener.malformed(prefix + "bundle", "\"objects\" must be an array of objects");
        return;
      }
      int i = 0;
      for (JsonNode o : objects) {
        String label = prefix + "objects[" + i++ + "]";
        if (isBundle(o)) {
          emitBundle(o, label + " ");
        } else {
          emitNode(o, label);
        }
      }
    }

    private static boolean isBundle(JsonNode n) {
      return n.isObject() && "bundle".equals(n.path("type").asString(""));
    }

    /** Advances until the parser is back in the array at the given nesting depth. */
    private static void skipTo(JsonParser p, int depth) {
      while (p.streamReadContext().getNestingDepth() > depth) {
        if (p.nextToken() == null) {
          return;
        }
      }
    }

    private void readLines() throws IOException {
      byte[] chunk = new byte[1 << 16];
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      int lineNo = 0;
      int n;
      while ((n = in.read(chunk)) != -1) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            append(line, chunk, from, i - from);
            finishLine(line, ++lineNo);
            from = i + 1;
          }
        }
        append(line, chunk, from, n - from);
      }
      if (line.size() > 0 || tooLong) {
        finishLine(line, ++lineNo);
      }
    }

    private boolean tooLong;

    private void append(ByteArrayOutputStream line, byte[] chunk, int from, int len) {
      if (line.size() + len > maxLine) {
        tooLong = true; // keep reading to the end of the line, keep nothing
        line.reset();
      } else if (!tooLong) {
        line.write(chunk, from, len);
      }
    }

    private void finishLine(ByteArrayOutputStream line, int lineNo) {
      if (tooLong) {
        listener.malformed("line " + lineNo, "line longer than " + maxLine + " bytes; skipped");
      } else {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
          len--;
        }
        if (!isBlank(bytes, len)) {
          readLine(bytes, len, lineNo);
        }
      }
      tooLong = false;
      line.reset();
    }

    private void readLine(byte[] bytes, int len, int lineNo) {
      String label = "line " + lineNo;
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(bytes, 0, len);
      } catch (JacksonIOException e) {
        throw e;
      } catch (JacksonException e) {
        listener.malformed(label, lineMessage(e));
        return;
      }
      if (node == null || node.isMissingNode()) {
        return;
      }
      if (isBundle(node)) {
        emitBundle(node, label + " ");
        return;
      }
      emitNode(node, label);
    }

    private static boolean isBlank(byte[] bytes, int len) {
      for (int i = 0; i < len; i++) {
        byte c = bytes[i];
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private static String lineMessage(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    String at =
        loc == null || loc == TokenStreamLocation.NA ? "" : " at column " + loc.getColumnNr();
    return "invalid JSON" + at + ": " + e.getOriginalMessage();
  }

  static String syntaxMessage(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    String at = loc == null || loc == TokenStreamLocation.NA ? "" : " at " + where(loc);
    return "invalid JSON" + at + ": " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String where(TokenStreamLocation loc) {
    StringBuilder sb = new StringBuilder();
    sb.append("line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
    if (loc.getByteOffset() >= 0) {
      sb.append(" (byte ").append(loc.getByteOffset()).append(')');
    }
    return sb.toString();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  private static String kind(JsonNode n) {
    if (n.isArray()) {
      return "an array";
    }
    if (n.isString()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return n.isNull() ? "null" : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
