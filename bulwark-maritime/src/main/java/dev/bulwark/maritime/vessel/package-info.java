/**
 * Who a vessel is: the {@code VesselRegistry} merges static and voyage data into a {@code
 * VesselIdentity} and keeps its {@code IdentityChange}s; {@code Flags} maps an MMSI to its flag
 * state; {@code VesselList} is an operator's watch list or list of vessels working on cables.
 */
package dev.bulwark.maritime.vessel;
