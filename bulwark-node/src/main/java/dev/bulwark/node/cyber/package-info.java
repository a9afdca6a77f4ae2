/**
 * Cyber infrastructure protection in the node: sensor principals post Suricata EVE, Zeek or STIX
 * observed-data to {@code POST /api/cyber/events} ({@link dev.bulwark.node.cyber.CyberController},
 * streamed through {@link dev.bulwark.node.cyber.CyberIntake}); each sensor is matched only against
 * the indicators its nation may read through the one read gate ({@link
 * dev.bulwark.node.cyber.IndicatorIndexes}); its sightings are stored in the {@code sightings}
 * collection, marked no wider than indicator and sensor policy ({@link
 * dev.bulwark.node.cyber.SightingWriter}), served to readers through the gate ({@link
 * dev.bulwark.node.cyber.SightingReads}) and shown on the console's Cyber page; {@link
 * dev.bulwark.node.cyber.CyberDemo} replays real sensor samples in the demo.
 */
package dev.bulwark.node.cyber;
