/**
 * Support input as a principal sends it, checked before anything is stored: contributions as JSON,
 * as the library's CSV or as a Kiel tracker release ({@link
 * dev.bulwark.support.input.ContributionInput}), requirements and offers ({@link
 * dev.bulwark.support.input.PlanningInput}), and corrections of ledger entries ({@link
 * dev.bulwark.support.input.Correction}). Every check is all or nothing and names every offending
 * row or field in an {@link dev.bulwark.support.input.InputRejected}; numbers are range-checked on
 * their text first ({@link dev.bulwark.support.input.BoundedNumbers}), so that a tiny upload cannot
 * make the library compute for minutes. The node's support API enters everything through these
 * rules; they build on the library's own readers ({@code ContributionCsv}, {@code AllocationCsv},
 * {@code KielImporter}), which the CLI uses directly.
 */
package dev.bulwark.support.input;
