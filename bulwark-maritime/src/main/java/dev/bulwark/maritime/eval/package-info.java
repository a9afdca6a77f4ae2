/**
 * How well the detectors do ({@code Evaluation}): the built-in scenarios replayed inside real
 * captures, with, per detector, detections, minutes from onset to alert and alerts on real traffic
 * per 1,000 vessel-hours ({@code bulwark maritime eval}).
 */
package dev.bulwark.maritime.eval;
