/**
 * Validation of single STIX 2.1 objects against the specification (errata 01):
 * {@link dev.bulwark.stix.validation.StixValidator} gives a {@link dev.bulwark.stix.validation.ValidationResult}
 * of {@link dev.bulwark.stix.validation.Finding}s, each with a JSON path, a stable rule id from
 * {@link dev.bulwark.stix.validation.Rules} and the spec section. The property tables and vocabularies are
 * transcribed from the specification into {@code TypeTable} and {@code Vocabularies}.
 */
package dev.bulwark.stix.validation;
