package dev.bulwark.node.incidents;

import dev.bulwark.node.incidents.RegisterIndex.Entry;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The filters of the register list (kind, status, time range on first_seen, bounding box, origin
 * nation) and its paging (offset, limit), checked at the edge. Applied only to incidents the reader
 * may see, so totals count only those. Immutable.
 *
 * @param bbox min lon, min lat, max lon, max lat; empty for anywhere
 */
record RegisterQuery(
    Optional<String> kind,
    Optional<String> status,
    long sinceMillis,
    long untilMillis,
    Optional<double[]> bbox,
    Optional<String> origin,
    int offset,
    int limit) {
  static final int MAX_LIMIT = 1000;

  /** The list's order: newest first_seen first, then by id (stable). */
  static final Comparator<Entry> ORDER =
      Comparator.comparingLong((Entry e) -> -e.firstSeenMillis()).thenComparing(Entry::id);

  /** The query of the API's parameters; throws with what is wrong. */
  static RegisterQuery of(
      String kind,
      String status,
      String since,
      String until,
      String bbox,
      String origin,
      int offset,
      int limit) {
    if (!kind.isEmpty() && !RegisterStix.KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind: must be one of " + RegisterStix.KINDS);
    }
    if (!status.isEmpty() && !RegisterStix.STATUSES.contains(status)) {
      throw new IllegalArgumentException("status: must be one of " + RegisterStix.STATUSES);
    }
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_LIMIT);
    }
    return new RegisterQuery(
        optional(kind),
        optional(status),
        since.isEmpty() ? Long.MIN_VALUE : time("since", since),
        until.isEmpty() ? Long.MAX_VALUE : time("until", until),
        bbox.isEmpty() ? Optional.empty() : Optional.of(box(bbox)),
        optional(origin.toUpperCase(Locale.ROOT)),
        offset,
        limit);
  }

  private static Optional<String> optional(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static long time(String name, String value) {
    if (!StixTimestamps.isValid(value)) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not an RFC 3339 UTC time");
    }
    return StixTimestamps.toMillis(value);
  }

  private static double[] box(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("bbox: needs min_lon,min_lat,max_lon,max_lat");
    }
    double[] b = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        b[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bbox: '" + text + "' holds a value that is no number");
    }
    if (!(b[0] <= b[2] && b[1] <= b[3] && b[1] >= -90 && b[3] <= 90)) {
      throw new IllegalArgumentException("bbox: min must not exceed max; latitudes in [-90, 90]");
    }
    return b;
  }

  /** Whether a readable incident passes the filters. */
  Predicate<Entry> matcher() {
    return e -> {
      if (kind.isPresent() && !kind.get().equals(e.kind())) {
        return false;
      }
      if (status.isPresent() && !status.get().equals(e.status())) {
        return false;
      }
      if (origin.isPresent() && !origin.get().equals(e.header().originNation())) {
        return false;
      }
      if (e.firstSeenMillis() < sinceMillis || e.firstSeenMillis() > untilMillis) {
        return false;
      }
      if (bbox.isPresent()) {
        double[] b = bbox.get();
        return e.location().isPresent()
            && e.location().get()[0] >= b[1]
            && e.location().get()[0] <= b[3]
            && e.location().get()[1] >= b[0]
            && e.location().get()[1] <= b[2];
      }
      return true;
    };
  }

  /** The matching incidents, in the order of {@code readable} (the index keeps {@link #ORDER}). */
  List<Entry> select(List<Entry> readable) {
    List<Entry> out = new ArrayList<>();
    Predicate<Entry> m = matcher();
    for (Entry e : readable) {
      if (m.test(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
