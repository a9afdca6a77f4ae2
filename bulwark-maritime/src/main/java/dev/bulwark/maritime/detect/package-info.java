/**
 * The detectors, one class per kind of suspicious behaviour near undersea infrastructure (anchor
 * drag, loitering, going dark, spoofing, drift, encounters, identity change, watch-listed vessels),
 * each a {@code Detector} that the engine calls on its one thread with the {@code VesselState} and
 * the {@code DetectionContext}. {@code PositionGate} decides which reports join a track. Findings
 * go to the {@code AlertBook}.
 */
package dev.bulwark.maritime.detect;
