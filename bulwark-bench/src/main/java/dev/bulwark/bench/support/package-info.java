/**
 * The support library's allocation benchmarked on a reproducible synthetic problem ({@code
 * AllocationBenchmark}, {@code AllocationProbe}, {@code SyntheticAllocation}).
 */
package dev.bulwark.bench.support;
