/**
 * The live undersea-infrastructure watch in the node: AIS sources ({@code TcpSource}, {@code
 * UdpSource}, {@code FileSource}, {@code CsvSource}, the demo replay) feed one bounded {@code
 * ObservationQueue}; a {@code LiveEngine} thread runs the maritime library's engine; the {@code
 * AlertPublisher} moves alerts off the engine thread to the {@code IncidentLedger}, which keeps
 * them as STIX incidents in the store's alerts collection. {@code MaritimeController} and {@code
 * LiveEvents} serve the API and the console's event stream.
 */
package dev.bulwark.node.maritime;
