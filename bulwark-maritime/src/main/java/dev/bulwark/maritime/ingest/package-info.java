/**
 * From bulwark-ais to the engine: {@code AisAdapter} turns decoded messages into {@code
 * VesselObservation}s, {@code NmeaFeed} runs the streaming decoder and the adapter over NMEA text,
 * {@code ObservationFiles} reads NMEA and CSV files. The first maritime step of the main path.
 */
package dev.bulwark.maritime.ingest;
