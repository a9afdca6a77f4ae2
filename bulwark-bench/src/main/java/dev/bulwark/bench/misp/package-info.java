/** Benchmarks of the MISP library: reading and converting MISP events to STIX (issue 21). */
package dev.bulwark.bench.misp;
