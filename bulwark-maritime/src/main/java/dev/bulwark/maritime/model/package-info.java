/**
 * The engine's input values: a {@code VesselObservation} is either a {@code PositionReport} or a
 * {@code StaticReport}, with unavailable values encoded without nulls. Immutable records.
 */
package dev.bulwark.maritime.model;
