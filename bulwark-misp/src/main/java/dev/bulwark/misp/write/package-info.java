/**
 * STIX 2.1 → the MISP core format (the inverse of {@code dev.bulwark.misp.stix}), valid against
 * MISP's JSON schema, with the audience written as distribution, sharing group and TLP tag; what
 * MISP cannot express is not exported and is counted.
 */
package dev.bulwark.misp.write;
