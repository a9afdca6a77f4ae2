/**
 * Benchmarks of force readiness (issue 22): the summary over 50,000 declarations, in the library
 * and through the node's declarations store and read gate.
 */
package dev.bulwark.bench.readiness;
