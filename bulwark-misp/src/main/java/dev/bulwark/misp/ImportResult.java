package dev.bulwark.misp;

import dev.bulwark.misp.stix.LossReport;
import dev.bulwark.misp.stix.UuidCollision;
import java.util.List;

/**
 * What one import did. Immutable.
 *
 * @param events event counts
 * @param attributes attribute counts
 * @param objects MISP object counts
 * @param losses the non-empty loss reports
 * @param rejections rejected inputs or events
 * @param unreadable inputs that could not be read at all (I/O)
 * @param collisions uuid collisions met
 * @param cursor the newest event timestamp seen (epoch seconds), for the next incremental run
 */
public record ImportResult(
    Counts events,
    Counts attributes,
    Counts objects,
    List<LossReport> losses,
    List<Rejection> rejections,
    List<String> unreadable,
    List<UuidCollision> collisions,
    long cursor) {
  /** Copies the lists. */
  public ImportResult {
    losses = List.copyOf(losses);
    rejections = List.copyOf(rejections);
    unreadable = List.copyOf(unreadable);
    collisions = List.copyOf(collisions);
  }

  /** 2 when something was unreadable, 1 when rejected or lost, 0 otherwise. */
  public int exitCode() {
    if (!unreadable.isEmpty()) {
      return 2;
    }
    return rejections.isEmpty() && losses.isEmpty() ? 0 : 1;
  }
}
