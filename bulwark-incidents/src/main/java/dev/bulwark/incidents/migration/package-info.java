/**
 * Instrumentalised migration: daily border-crossing counts ({@link
 * dev.bulwark.incidents.migration.CrossingCount}, read from CSV by {@link
 * dev.bulwark.incidents.migration.CrossingCsv}), surges against each crossing point's own history
 * ({@link dev.bulwark.incidents.migration.SurgeDetector}, a rolling median/MAD baseline whose
 * parameters are documented there and in docs/incidents.md), and a surge as a register incident
 * with its evidence series ({@link dev.bulwark.incidents.migration.SurgeIncidents}).
 */
package dev.bulwark.incidents.migration;
