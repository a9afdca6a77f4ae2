/**
 * The live undersea-infrastructure watch in the node. Its sub-packages follow the flow: {@code
 * maritime.ingest} (AIS sources, the NMEA pipeline and the bounded observation queue), {@code
 * maritime.watch} (the engine on its own thread, snapshots and the console's event stream) and
 * {@code maritime.alerts} (the alert publisher and the incident ledger, which keeps the alerts as
 * STIX in the store's alerts collection). This package wires them ({@code MaritimeConfiguration},
 * {@code MaritimeWatch}) and serves the maritime API ({@code MaritimeController}) and metrics.
 */
package dev.bulwark.node.maritime;
