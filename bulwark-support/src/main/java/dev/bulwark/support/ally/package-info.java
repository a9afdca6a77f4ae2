/**
 * The allies ({@code Allies}, the 32 NATO members with their accession dates) and what the burden
 * is shared by ({@code BurdenKey}, with the World Bank series in {@code EconomicSeries}).
 */
package dev.bulwark.support.ally;
