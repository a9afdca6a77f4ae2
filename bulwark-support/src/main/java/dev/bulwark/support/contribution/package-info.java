/**
 * Contributions to Ukraine: the {@code Contribution} record with its category, channel, status and
 * valuation, read and written as CSV ({@code ContributionCsv}, all or nothing through {@code
 * ImportResult}), and the file ledger the CLI uses without a node ({@code ContributionLedger}).
 */
package dev.bulwark.support.contribution;
