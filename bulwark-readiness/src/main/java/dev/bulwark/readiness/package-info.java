/**
 * Force readiness against the NATO Force Model as a pure library: plain records in, plain records
 * out, no Spring, no HTTP, no SQL. The node, the CLI and the benchmark call it the same way:
 *
 * <ul>
 *   <li>Declarations: {@link dev.bulwark.readiness.declaration.Declaration}, read from CSV by
 *       {@link dev.bulwark.readiness.declaration.DeclarationCsv} (all or nothing, every bad row
 *       named).
 *   <li>Versions and coverage: {@link dev.bulwark.readiness.coverage.Versions} picks the version of
 *       each unit valid on a date; {@link dev.bulwark.readiness.coverage.ReadinessCalculator}
 *       computes tiers, the time-phased curve, domain and plan coverage, verification, fair shares
 *       and the trend; {@link dev.bulwark.readiness.coverage.SummaryJson} writes the {@code --json}
 *       shape.
 *   <li>Exchange: {@link dev.bulwark.readiness.stix.ForceDeclarationStix} maps a declaration to and
 *       from the STIX 2.1 object type {@code x-bulwark-force-declaration}, defined by {@link
 *       dev.bulwark.readiness.stix.ReadinessExtension}.
 * </ul>
 */
package dev.bulwark.readiness;
