/**
 * AIS in: the node's live sources (TCP feed and UDP port over {@code bulwark-ais}'s network
 * sources, NMEA capture files, CSV exports, the demo replay), each with its {@link
 * dev.bulwark.node.maritime.ingest.SourceStatus}; the {@link
 * dev.bulwark.node.maritime.ingest.NmeaPipeline} from lines to observations; and the bounded {@link
 * dev.bulwark.node.maritime.ingest.ObservationQueue} that hands them to the engine. First step of
 * the flow AIS → detection → alert → STIX → store.
 */
package dev.bulwark.node.maritime.ingest;
