/**
 * Alerts into the store: the {@link dev.bulwark.node.maritime.alerts.AlertPublisher} takes alerts
 * off the engine thread, the {@link dev.bulwark.node.maritime.alerts.IncidentLedger} keeps each
 * alert's state and analysts' workflow and writes its STIX objects (mapped by {@code
 * bulwark-maritime}'s {@code AlertStix}) as versions marked with the node's {@link
 * dev.bulwark.node.maritime.alerts.NodeMarkings}. After detection in the flow; TAXII serves what it
 * writes.
 */
package dev.bulwark.node.maritime.alerts;
