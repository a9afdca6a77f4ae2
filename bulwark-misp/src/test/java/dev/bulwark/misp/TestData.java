package dev.bulwark.misp;

import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispReader;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the copied test data from the classpath (see SOURCES.md beside it). */
public final class TestData {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TestData() {}

  /** Reads the MISP events of a resource under {@code dev/bulwark/misp/}. */
  public static List<MispEvent> events(String name) throws Exception {
    try (InputStream in = TestData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      return new MispReader().read(in);
    }
  }

  /** Reads a JSON resource. */
  public static JsonNode json(String name) throws Exception {
    try (InputStream in = TestData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      return MAPPER.readTree(in);
    }
  }
}
