package dev.bulwark.misp.stix;

import java.util.List;

/**
 * Everything one event's conversion did not carry. Immutable.
 *
 * @param eventUuid the MISP event
 * @param entries what was lost, in the order met
 */
public record LossReport(String eventUuid, List<LossEntry> entries) {
  /** Copies the list. */
  public LossReport {
    entries = List.copyOf(entries);
  }

  /** Whether nothing was lost. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** How many entries. */
  public int size() {
    return entries.size();
  }
}
