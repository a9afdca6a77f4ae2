/**
 * Synthetic incidents as AIS traffic: {@code ShipSim} moves ships along legs, {@code AivdmEncoder}
 * writes their reports as {@code !AIVDM} sentences, {@code Scenarios} holds the built-in set
 * (modelled on the Baltic incidents) with the {@code Expectation}s the engine must meet. Used by
 * {@code bulwark maritime scenario}, the evaluation and the tests.
 */
package dev.bulwark.maritime.scenario;
