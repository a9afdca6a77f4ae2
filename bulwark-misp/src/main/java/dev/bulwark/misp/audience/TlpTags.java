package dev.bulwark.misp.audience;

import dev.bulwark.misp.model.MispTag;
import dev.bulwark.stix.markings.Tlp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MISP's {@code tlp:} taxonomy tags ⇄ TLP 2.0 levels ({@code tlp:white} reads as CLEAR). Other
 * {@code tlp:} values (such as {@code tlp:ex:chr}) are not levels and stay plain tags. Stateless.
 */
public final class TlpTags {
  private TlpTags() {}

  /**
   * The level a tag names.
   *
   * @param tag a tag name
   * @return the level, or empty when the tag is not a TLP level
   */
  public static Optional<Tlp> level(String tag) {
    String t = tag.trim().toLowerCase(Locale.ROOT).replace("\"", "");
    return switch (t) {
      case "tlp:clear", "tlp:white" -> Optional.of(Tlp.CLEAR);
      case "tlp:green" -> Optional.of(Tlp.GREEN);
      case "tlp:amber" -> Optional.of(Tlp.AMBER);
      case "tlp:amber+strict" -> Optional.of(Tlp.AMBER_STRICT);
      case "tlp:red" -> Optional.of(Tlp.RED);
      default -> Optional.empty();
    };
  }

  /**
   * The strictest level among tags.
   *
   * @param tags tags
   * @return the strictest level, or empty when none is a TLP level
   */
  public static Optional<Tlp> strictest(List<MispTag> tags) {
    Optional<Tlp> out = Optional.empty();
    for (MispTag t : tags) {
      out = Audience.stricter(out, level(t.name()));
    }
    return out;
  }

  /**
   * The tag MISP writes for a level.
   *
   * @param tlp the level
   * @return {@code tlp:clear}, {@code tlp:green}, ...
   */
  public static String tag(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "tlp:clear";
      case GREEN -> "tlp:green";
      case AMBER -> "tlp:amber";
      case AMBER_STRICT -> "tlp:amber+strict";
      case RED -> "tlp:red";
    };
  }
}
