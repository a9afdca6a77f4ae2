/**
 * MISP → STIX 2.1 following misp-stix's documented mapping where it is sound, with deterministic
 * ids, a (STIX id ⇄ MISP uuid) table that reports collisions instead of merging, and a loss report
 * per event listing everything not carried.
 */
package dev.bulwark.misp.stix;
