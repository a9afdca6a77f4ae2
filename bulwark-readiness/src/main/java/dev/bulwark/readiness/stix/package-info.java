/**
 * Force declarations as STIX 2.1: the new-sdo type {@code x-bulwark-force-declaration} and its
 * Bulwark extension-definition and JSON schema.
 */
package dev.bulwark.readiness.stix;
