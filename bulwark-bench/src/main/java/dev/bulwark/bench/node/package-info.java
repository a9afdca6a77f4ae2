/**
 * The node's sustained live AIS ingest end to end, from a TCP feed through the watch to the store
 * ({@code MaritimeNodeIngestBench}).
 */
package dev.bulwark.bench.node;
