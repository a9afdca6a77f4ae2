package dev.bulwark.maritime.detect;

import dev.bulwark.maritime.model.PositionReport;

/**
 * Decides whether a position report belongs to the vessel's track at all. The spoofing detector is
 * the gate: a report that would need an impossible speed is evidence, not a position, and must not
 * bend the track other detectors read.
 */
public interface PositionGate {

  /** Whether to add the report to the track (called before the track sees it). */
  boolean admit(VesselState v, PositionReport p, DetectionContext ctx);
}
