package dev.bulwark.maritime.engine;

import dev.bulwark.maritime.detect.VesselState;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * MMSI to vessel state, open addressing on primitive ints: one lookup per report without boxing.
 * Not thread-safe.
 */
final class VesselMap extends AbstractCollection<VesselState> {

  private int[] keys = new int[4096];
  private VesselState[] values = new VesselState[4096];
  private int size;

  private static int hash(int k) {
    int h = k * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  VesselState get(int mmsi) {
    int mask = keys.length - 1;
    for (int i = hash(mmsi) & mask; ; i = (i + 1) & mask) {
      VesselState v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == mmsi) {
        return v;
      }
    }
  }

  void put(int mmsi, VesselState v) {
    if ((size + 1) * 2 > keys.length) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    for (int i = hash(mmsi) & mask; ; i = (i + 1) & mask) {
      if (values[i] == null) {
        keys[i] = mmsi;
        values[i] = v;
        size++;
        return;
      }
      if (keys[i] == mmsi) {
        values[i] = v;
        return;
      }
    }
  }

  /**
   * Removes one vessel (a new session for it), shifting the entries after it back so that lookups
   * never stop at the hole; returns it, or null.
   */
  VesselState removeMmsi(int mmsi) {
    int mask = keys.length - 1;
    int i = hash(mmsi) & mask;
    while (values[i] != null && keys[i] != mmsi) {
      i = (i + 1) & mask;
    }
    VesselState removed = values[i];
    if (removed == null) {
      return null;
    }
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = hash(keys[j]) & mask;
      // The entry at j stays when its home lies cyclically in (i, j]; otherwise it fills the hole.
      boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        keys[i] = keys[j];
        values[i] = values[j];
        i = j;
      }
    }
    keys[i] = 0;
    values[i] = null;
    size--;
    return removed;
  }

  /** Removes every vessel matching the filter (rebuilds the table: done hourly, not per report). */
  void removeIf(Predicate<VesselState> filter, Consumer<VesselState> removed) {
    int[] k = keys;
    VesselState[] vs = values;
    keys = new int[k.length];
    values = new VesselState[vs.length];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (vs[i] != null) {
        if (filter.test(vs[i])) {
          removed.accept(vs[i]);
        } else {
          put(k[i], vs[i]);
        }
      }
    }
  }

  private void resize(int n) {
    int[] k = keys;
    VesselState[] vs = values;
    keys = new int[n];
    values = new VesselState[n];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (vs[i] != null) {
        put(k[i], vs[i]);
      }
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<VesselState> iterator() {
    return new Iterator<>() {
      int i = advance(0);

      private int advance(int from) {
        while (from < values.length && values[from] == null) {
          from++;
        }
        return from;
      }

      @Override
      public boolean hasNext() {
        return i < values.length;
      }

      @Override
      public VesselState next() {
        if (i >= values.length) {
          throw new NoSuchElementException();
        }
        VesselState v = values[i];
        i = advance(i + 1);
        return v;
      }
    };
  }

  /** Bytes held by the table itself. */
  long tableBytes() {
    return 32 + 16 + 4L * keys.length + 16 + 4L * values.length;
  }
}
