package dev.bulwark.cyber.match;

import dev.bulwark.stix.StixTimestamps;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads STIX indicators from a bundle, a list of objects or bundles, or one object per line:
 * objects of other types are passed over; an indicator whose {@code pattern_type} is not {@code
 * stix}, or without a pattern or a valid {@code valid_from}, is reported and left out; of several
 * versions of one indicator the latest {@code modified} wins. Not thread-safe: one per read.
 */
public final class IndicatorFiles {
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final Map<String, JsonNode> latest = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Reads one stream of STIX JSON; problems are collected, not thrown. */
  public IndicatorFiles read(Reader in, String name) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            take(JSON.readTree(p), name);
          }
        } else if (t == JsonToken.START_OBJECT) {
          take(JSON.readTree(p), name);
        }
      }
    } catch (JacksonException e) {
      throw new IOException(name + ": not STIX JSON: " + e.getOriginalMessage(), e);
    }
    return this;
  }

  /** The indicators read (the latest version of each), in first-seen order. */
  public List<Indicator> indicators() {
    List<Indicator> out = new ArrayList<>(latest.size());
    for (JsonNode o : latest.values()) {
      indicator(o).ifPresent(out::add);
    }
    return out;
  }

  /** What was left out, and why. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void take(JsonNode o, String name) {
    if ("bundle".equals(o.path("type").asString()) && o.path("objects").isArray()) {
      o.get("objects").forEach(each -> take(each, name));
      return;
    }
    if (!"indicator".equals(o.path("type").asString())) {
      return;
    }
    String id = o.path("id").asString();
    JsonNode before = latest.get(id);
    if (before == null
        || StixTimestamps.compare(
                o.path("modified").asString(""), before.path("modified").asString(""))
            > 0) {
      latest.put(id, o);
    }
  }

  private Optional<Indicator> indicator(JsonNode o) {
    String id = o.path("id").asString();
    String type = o.path("pattern_type").asString("stix");
    String pattern = o.path("pattern").asString("");
    Optional<Long> from = StixTimestamps.parseMicros(o.path("valid_from").asString(""));
    if (!"stix".equals(type)) {
      problems.add(id + ": pattern_type " + type + " is not matched");
      return Optional.empty();
    }
    if (pattern.isEmpty() || from.isEmpty()) {
      problems.add(id + ": no pattern or no valid valid_from");
      return Optional.empty();
    }
    Optional<Long> until = StixTimestamps.parseMicros(o.path("valid_until").asString(""));
    List<String> markings = new ArrayList<>();
    o.path("object_marking_refs").forEach(m -> markings.add(m.asString()));
    String name = o.path("name").asString("");
    return Optional.of(
        new Indicator(
            id,
            name.isEmpty() ? Optional.empty() : Optional.of(name),
            pattern,
            micros(from.get()),
            until.map(IndicatorFiles::micros),
            o.path("revoked").asBoolean(false),
            markings));
  }

  private static Instant micros(long m) {
    return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
  }
}
