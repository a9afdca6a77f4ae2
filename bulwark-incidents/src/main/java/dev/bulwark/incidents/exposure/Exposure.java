package dev.bulwark.incidents.exposure;

import dev.bulwark.stix.StixObject;
import java.util.List;

/**
 * What a public exposure may show ({@code published}: TLP:CLEAR objects, redacted field by field)
 * and, for the analyst's preview only, what was withheld and why. Immutable.
 *
 * @param published the objects the public may see, redacted
 * @param withheld what was kept back; never rendered publicly
 */
public record Exposure(List<StixObject> published, List<Withheld> withheld) {

  /** Copies the lists. */
  public Exposure {
    published = List.copyOf(published);
    withheld = List.copyOf(withheld);
  }
}
