package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.alert.AlertBook;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.vessel.VesselList;
import java.util.Collection;

/**
 * What detectors may see besides the vessel at hand: the engine clock, the infrastructure, the
 * operator's lists, every vessel (for encounters and silences) and the alert book. Implemented by
 * the engine; not thread-safe.
 */
public interface DetectionContext {

  /** Track time now: the newest observation time the engine has accepted as plausible. */
  long now();

  InfrastructureLayer layer();

  /** Vessels of concern. */
  VesselList watchList();

  /** Vessels that legitimately work on or near cables (cable layers, survey and guard ships). */
  VesselList workingVessels();

  /** Every vessel held. */
  Collection<VesselState> vessels();

  AlertBook alertBook();

  /** Whether a vessel is on the operator's list of legitimate cable/survey vessels. */
  default boolean isWorkingVessel(VesselState v) {
    return workingVessels().match(v.identity()).isPresent();
  }
}
