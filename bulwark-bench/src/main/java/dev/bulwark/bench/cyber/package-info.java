/**
 * Benchmarks of issue 17's sensor path: read, parse, map to STIX, match against many indicators and
 * aggregate into sightings, on real Suricata and Zeek replays.
 */
package dev.bulwark.bench.cyber;
