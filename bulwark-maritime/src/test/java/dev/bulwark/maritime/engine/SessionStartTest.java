package dev.bulwark.maritime.engine;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A looping replay puts a ship back where its pass began: with a new session the engine does not
 * take that for a jump, nor the end of the old session for the ship going dark.
 */
class SessionStartTest {

  static final int MMSI = 230_000_888;

  /** 30 minutes along the cable, then back 20 km east where the loop starts again. */
  static List<VesselObservation> loop(boolean newSession) {
    Sea.Voyage first = new Sea.Voyage(MMSI, T0, 59.9, Sea.eastOfCable(500));
    first.leg(30 * MIN, 10, 0, 10_000);
    List<VesselObservation> obs = new ArrayList<>(first.reports());
    long wrap = first.time() + 60_000L;
    if (newSession) {
      obs.add(new SessionStart(MMSI, wrap));
    }
    Sea.Voyage second = new Sea.Voyage(MMSI, wrap, 59.9, Sea.eastOfCable(20_000));
    second.leg(90 * MIN, 10, 0, 10_000);
    obs.addAll(second.reports());
    return obs;
  }

  static MaritimeEngine run(List<VesselObservation> obs) {
    MaritimeEngine e = Sea.engine(VesselList.empty(), VesselList.empty());
    obs.forEach(e::accept);
    e.finish();
    return e;
  }

  @Test
  void withoutANewSessionTheWrapIsAnImpossibleJump() {
    assertThat(run(loop(false)).alerts()).isNotEmpty();
  }

  @Test
  void aNewSessionAtTheWrapRaisesNothing() {
    MaritimeEngine e = run(loop(true));
    assertThat(e.alerts()).isEmpty();
    assertThat(e.vessel(MMSI)).isPresent();
    assertThat(e.vessel(MMSI).get().track().time(0)).isGreaterThan(T0 + 30 * MIN);
  }

  @Test
  void aVesselWhoseSessionEndedNearTheCableIsNotGoingDark() {
    Sea.Voyage v = new Sea.Voyage(MMSI, T0, 59.9, Sea.eastOfCable(500));
    v.leg(30 * MIN, 10, 0, 10_000);
    List<VesselObservation> obs = new ArrayList<>(v.reports());
    obs.add(new SessionStart(MMSI, v.time() + 1_000L));
    // another ship keeps the clock going for two hours
    Sea.Voyage other = new Sea.Voyage(230_000_999, v.time(), 55.0, 15.0);
    other.leg(120 * MIN, 10, 0, 10_000);
    obs.addAll(other.reports());
    assertThat(run(obs).alerts()).isEmpty();
  }
}
