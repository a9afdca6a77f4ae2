/**
 * Cyber infrastructure protection as a pure library: what sensors at critical-infrastructure
 * operators see (Suricata EVE JSON, Zeek logs, STIX observed-data) read line by line and mapped to
 * STIX 2.1 cyber-observable objects ({@link dev.bulwark.cyber.sensor}); matches of indicators on
 * those observations aggregated into STIX sightings whose markings are no wider than the
 * indicator's and the sensor owner's ({@link dev.bulwark.cyber.sighting}); hits on MISP warninglist
 * entries held back as probable false positives ({@link dev.bulwark.cyber.warninglist}); and the
 * pipeline that joins them to a matcher ({@link dev.bulwark.cyber.match}). No Spring, no HTTP, no
 * SQL: the node, the CLI, a Kafka worker and a benchmark call it alike.
 */
package dev.bulwark.cyber;
