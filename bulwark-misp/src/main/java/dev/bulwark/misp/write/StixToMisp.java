package dev.bulwark.misp.write;

import dev.bulwark.misp.audience.AudienceResolver;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.stix.StixObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes STIX 2.1 objects as MISP events: each report or grouping becomes one event with the
 * objects it refers to; the remaining objects become one event named after the collection.
 * Immutable and thread-safe.
 */
public final class StixToMisp {
  private final AudienceResolver resolver;

  /**
   * An exporter for one MISP link.
   *
   * @param settings nations and organisations of the link
   */
  public StixToMisp(AudienceSettings settings) {
    this.resolver = new AudienceResolver(settings);
  }

  /**
   * Exports objects for one reader nation.
   *
   * @param collection name of the collection (names the event of loose objects)
   * @param objects the objects, already limited to what the reader may read
   * @param markingResolver finds marking-definitions by id
   * @param originNation each object's originating nation
   * @param readerNation the nation the export is for
   * @return the events and what was not exported
   */
  public ExportResult export(
      String collection,
      List<StixObject> objects,
      Function<String, Optional<StixObject>> markingResolver,
      Function<StixObject, String> originNation,
      String readerNation) {
    return new ExportRun(resolver, markingResolver, originNation, readerNation)
        .run(collection, objects);
  }
}
