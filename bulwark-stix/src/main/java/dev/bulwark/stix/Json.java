package dev.bulwark.stix;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson configuration of this library. Numbers are kept as written (big decimals keep
 * their scale, so {@code 1.50} stays {@code 1.50}) so that unknown content round-trips unchanged.
 * Thread-safe: the mapper is configured once and only used afterwards.
 */
final class Json {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(JsonNodeFeature.READ_NULL_PROPERTIES)
          .enable(JsonNodeFeature.WRITE_NULL_PROPERTIES)
          // "{...} junk" on a line is not one object.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A repeated property would silently lose data; report it instead.
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          // Callers own the streams they pass in.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private Json() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JacksonException e) {
      // A tree of plain nodes always serialises; failing here means a bug, not bad input.
      throw new IllegalStateException("cannot serialise JSON tree", e);
    }
  }
}
