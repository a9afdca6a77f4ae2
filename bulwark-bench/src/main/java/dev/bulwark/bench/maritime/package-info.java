/**
 * The maritime path benchmarked single-threaded, from NMEA to alerts ({@code
 * MaritimeEngineBenchmark}, in CPU time {@code MaritimeCpuTimeProbe}), with a dense synthetic
 * infrastructure layer ({@code SyntheticInfrastructure}) and the memory held per tracked vessel
 * ({@code MaritimeMemoryProbe}).
 */
package dev.bulwark.bench.maritime;
