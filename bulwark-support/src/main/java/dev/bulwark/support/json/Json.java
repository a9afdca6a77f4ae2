package dev.bulwark.support.json;

import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** The mapper and the small conventions shared by the writers here. Stateless and thread-safe. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** To cents, as the API has always shown computed euros. */
  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
