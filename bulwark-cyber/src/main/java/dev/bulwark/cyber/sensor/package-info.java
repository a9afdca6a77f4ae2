/**
 * Sensor readers: Suricata EVE JSON ({@link dev.bulwark.cyber.sensor.EveMapper}), Zeek logs in the
 * JSON and the TSV writer's format ({@link dev.bulwark.cyber.sensor.ZeekMapper}, {@link
 * dev.bulwark.cyber.sensor.ZeekTsvHeader}) and STIX observed-data ({@link
 * dev.bulwark.cyber.sensor.StixObservations}), each event mapped to STIX cyber-observable objects
 * as {@code docs/cyber-sensors.md} documents field by field. {@link
 * dev.bulwark.cyber.sensor.SensorReader} reads a stream line by line with bounded memory; a bad
 * line is counted per cause and skipped, never fatal.
 */
package dev.bulwark.cyber.sensor;
