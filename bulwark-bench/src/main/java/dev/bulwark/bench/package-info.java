/**
 * Benchmarks of Bulwark beside peer libraries (JMH, and probes outside JMH for a shared machine),
 * one package per capability. Their figures and commands are in BENCHMARKS.md. {@code TempDirs}
 * removes the databases the store benchmarks leave.
 */
package dev.bulwark.bench;
