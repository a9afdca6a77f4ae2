package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.vessel.IdentityChange;
import java.util.List;
import java.util.Map;

/**
 * One kind of suspicious behaviour, watched on every vessel. The engine calls a detector on the
 * engine's thread only, so implementations keep per-vessel state in their {@link VesselState} slot
 * without locking. Each implementation documents its parameters and where their defaults come from.
 */
public interface Detector {

  /** The kind of alert it raises. */
  AlertKind kind();

  /** Its parameters, name to value, for evidence and for {@code maritime eval}. */
  Map<String, String> parameters();

  /** Gives the detector its slot in every {@link VesselState}; called once by the engine. */
  void attach(int slot);

  /** A position was admitted to the vessel's track (proximity already measured). */
  default void onPosition(VesselState v, PositionReport p, DetectionContext ctx) {}

  /** Static data revealed identity changes. */
  default void onIdentityChange(
      VesselState v, List<IdentityChange> changes, DetectionContext ctx) {}

  /**
   * The engine lets go of a vessel (silent too long, or a source started a new session for it):
   * drop whatever is held about it outside its slot, so that the next session starts clean.
   */
  default void onForget(VesselState v, DetectionContext ctx) {}

  /** The engine clock advanced by a tick (default 30 s of track time). */
  default void onTick(DetectionContext ctx) {}
}
