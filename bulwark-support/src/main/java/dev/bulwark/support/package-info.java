/**
 * Support planning for Ukraine as a pure library: plain records in, plain records out, no Spring,
 * no HTTP, no SQL, no global state beyond the bundled reference data. The node and the CLI call it
 * the same way:
 *
 * <ul>
 *   <li>Reference data: {@link dev.bulwark.support.ally.Allies#nato()}, {@link
 *       dev.bulwark.support.ally.EconomicSeries#worldBankGdp()} (or {@code EconomicSeries.read} for
 *       a GNI file), {@link dev.bulwark.support.money.ExchangeRates#federalReserve()}.
 *   <li>Contributions: {@link dev.bulwark.support.contribution.ContributionCsv#read} checks a file
 *       and returns an {@link dev.bulwark.support.contribution.ImportResult} (store it only if
 *       {@code ok()}); a node stores {@link dev.bulwark.support.contribution.Contribution} records
 *       in its own tables, the CLI in {@link dev.bulwark.support.contribution.ContributionLedger}.
 *       {@link dev.bulwark.support.kiel.KielImporter} reads a Kiel tracker release.
 *   <li>Fair share: {@link dev.bulwark.support.fairshare.FairShareCalculator#compute}.
 *   <li>Allocation: {@link dev.bulwark.support.allocation.Allocator#allocate}, inputs from {@link
 *       dev.bulwark.support.allocation.AllocationCsv} or built directly.
 *   <li>Forecast: {@link dev.bulwark.support.forecast.Forecaster#forecast}.
 *   <li>Transparency: {@link dev.bulwark.support.report.SupportReport#build}, then {@link
 *       dev.bulwark.support.report.HtmlReport}, {@link dev.bulwark.support.report.CsvReport},
 *       {@link dev.bulwark.support.report.JsonReport}; {@link
 *       dev.bulwark.support.iati.IatiExporter}.
 * </ul>
 */
package dev.bulwark.support;
