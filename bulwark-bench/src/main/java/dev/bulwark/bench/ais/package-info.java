/**
 * AIS decoding benchmarks: parse, reassemble and decode beside DMA AisLib ({@code
 * AisDecodeBenchmark}), the same work in thread CPU time ({@code AisCpuTimeProbe}), and an A/B of
 * two builds of bulwark-ais in one JVM ({@code AisAbProbe}).
 */
package dev.bulwark.bench.ais;
