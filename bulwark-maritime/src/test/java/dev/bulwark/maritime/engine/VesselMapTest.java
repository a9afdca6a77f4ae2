package dev.bulwark.maritime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.detect.VesselState;
import dev.bulwark.maritime.track.TrackPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The primitive MMSI map against a HashMap, with removals (new sessions) mixed in. */
class VesselMapTest {

  @Property(tries = 200)
  void behavesLikeAHashMapUnderPutsAndRemovals(
      @ForAll @Size(max = 6000) List<@IntRange(min = 1, max = 4000) Integer> ops) {
    VesselMap map = new VesselMap();
    Map<Integer, VesselState> model = new HashMap<>();
    for (int op : ops) {
      int mmsi = op % 2000 + 1;
      if (op > 2000) {
        assertThat(map.removeMmsi(mmsi)).isSameAs(model.remove(mmsi));
      } else {
        VesselState v = new VesselState(mmsi, TrackPolicy.DEFAULT, 0);
        map.put(mmsi, v);
        model.put(mmsi, v);
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (int mmsi = 1; mmsi <= 2000; mmsi++) {
      assertThat(map.get(mmsi)).isSameAs(model.get(mmsi));
    }
    assertThat(map).containsExactlyInAnyOrderElementsOf(model.values());
  }

  @Test
  void removingFromTheMiddleOfACollisionRunKeepsTheRestFindable() {
    List<Integer> same = new ArrayList<>();
    for (int k = 1; same.size() < 6; k++) {
      int h = k * 0x9E3779B9;
      if (((h ^ (h >>> 16)) & 4095) == 7) {
        same.add(k);
      }
    }
    VesselMap map = new VesselMap();
    for (int k : same) {
      map.put(k, new VesselState(k, TrackPolicy.DEFAULT, 0));
    }
    assertThat(map.removeMmsi(same.get(1)).mmsi()).isEqualTo(same.get(1));
    assertThat(map.removeMmsi(same.get(1))).isNull();
    for (int k : same) {
      assertThat(map.get(k) == null).isEqualTo(k == same.get(1));
    }
    assertThat(map.size()).isEqualTo(5);
  }
}
