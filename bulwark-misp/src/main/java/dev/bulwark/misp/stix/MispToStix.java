package dev.bulwark.misp.stix;

import dev.bulwark.misp.audience.AudienceResolver;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispEvent;

/**
 * Converts MISP events to STIX 2.1 (see {@code docs/misp.md} for the mapping and every difference
 * from misp-stix). Immutable and thread-safe.
 */
public final class MispToStix {
  private final AudienceResolver resolver;

  /**
   * A converter for one MISP link.
   *
   * @param settings nations and organisations of the link
   */
  public MispToStix(AudienceSettings settings) {
    this.resolver = new AudienceResolver(settings);
  }

  /**
   * Converts one event.
   *
   * @param event the event
   * @return the STIX objects, the loss report and the uuid rows
   */
  public EventConversion convert(MispEvent event) {
    return new EventRun(event, resolver).run();
  }
}
