/**
 * The STIX 2.1 patterning language (STIX 2.1 section 9): a parser into an abstract syntax tree
 * ({@link dev.bulwark.stix.pattern.ObservationExpression}, {@link
 * dev.bulwark.stix.pattern.ComparisonExpression}), a compiled evaluator ({@link
 * dev.bulwark.stix.pattern.StixPattern}) over observed-data and their cyber-observable objects
 * ({@link dev.bulwark.stix.pattern.Observation}), and an index of many patterns by their atoms
 * ({@link dev.bulwark.stix.pattern.PatternIndex}) so that one observation is checked only against
 * the patterns it could match. The semantics follow the OASIS reference matcher
 * (cti-pattern-matcher) where the specification leaves a choice open.
 */
package dev.bulwark.stix.pattern;
