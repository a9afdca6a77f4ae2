/**
 * The library part of a STIX import without storage: streaming a synthetic bundle through the codec
 * and validator ({@code StixValidateBenchmark}, in CPU time {@code StixCpuTimeProbe}).
 */
package dev.bulwark.bench.stix;
