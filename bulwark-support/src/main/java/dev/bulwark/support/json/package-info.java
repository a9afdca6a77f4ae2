/**
 * The JSON of the support figures, one format for the node's API and the CLI's {@code --json}
 * output: field names in snake_case (the STIX/TAXII convention), enum values in lower case, money
 * of computed figures rounded to cents ({@link dev.bulwark.support.json.AllocationJson}) or written
 * as decimal strings where the library computes exactly ({@link
 * dev.bulwark.support.json.ForecastJson}, {@link dev.bulwark.support.json.ContributionJson}).
 */
package dev.bulwark.support.json;
