/**
 * Validation of single STIX 2.1 objects against the specification (errata 01): {@link
 * dev.bulwark.stix.validation.StixValidator} gives a {@link
 * dev.bulwark.stix.validation.ValidationResult} of {@link dev.bulwark.stix.validation.Finding}s,
 * each with a JSON path, a stable rule id from {@link dev.bulwark.stix.validation.Rules} and the
 * spec section. The property tables and vocabularies are transcribed from the specification into
 * {@code TypeTable} and {@code Vocabularies}. A {@link
 * dev.bulwark.stix.validation.ValidationProfile} selects the rule set: the specification alone, or
 * with the OASIS STIX 2.1 interoperability profile ({@code InteropProfile}, transcribed from the
 * {@code interop/} JSON schemas).
 */
package dev.bulwark.stix.validation;
