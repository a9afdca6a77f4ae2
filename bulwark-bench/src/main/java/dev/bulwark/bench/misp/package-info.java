/** Benchmarks of the MISP bridge (issue 21): feed import into the node's store, re-import. */
package dev.bulwark.bench.misp;
