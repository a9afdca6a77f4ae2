/**
 * Benchmarks of the MISP bridge (issue 21): the library reading and converting MISP events to STIX,
 * and feed import into the node's store with its re-import.
 */
package dev.bulwark.bench.misp;
