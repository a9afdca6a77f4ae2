package dev.bulwark.node.store;

import java.util.List;

/**
 * One page of a read.
 *
 * @param items the permitted objects, in date_added order
 * @param scannedUpToMicros the date_added of the last row examined (permitted or not): where the
 *     next page starts, so that denied rows are not scanned twice and never shift a client's cursor
 * @param more whether rows after {@code scannedUpToMicros} may match
 */
public record Page(List<StoredObject> items, long scannedUpToMicros, boolean more) {
  public Page {
    items = List.copyOf(items);
  }
}
