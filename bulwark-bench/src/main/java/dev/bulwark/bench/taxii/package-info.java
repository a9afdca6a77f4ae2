/**
 * Load on the TAXII server over real HTTP with concurrent clients ({@code TaxiiLoadBench}): POST
 * throughput and read latency.
 */
package dev.bulwark.bench.taxii;
