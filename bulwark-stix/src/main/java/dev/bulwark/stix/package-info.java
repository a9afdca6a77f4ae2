/**
 * STIX 2.1 objects and their JSON: {@link dev.bulwark.stix.StixObject} (an immutable object exactly
 * as written, unknown content included) and {@link dev.bulwark.stix.StixCodec} (streaming reader of
 * bundles, arrays and JSON lines; writer of objects and bundles). Identifier helpers in {@link
 * dev.bulwark.stix.StixIds}. Validation is in {@code dev.bulwark.stix.validation}, markings and the
 * access rule in {@code dev.bulwark.stix.markings}.
 */
package dev.bulwark.stix;
