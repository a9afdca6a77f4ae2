/**
 * Validate-and-store throughput of the node's object store on H2 and PostgreSQL ({@code
 * StoreImportBenchmark}), over a synthetic bundle of realistic objects ({@code SyntheticBundle}).
 */
package dev.bulwark.bench.store;
