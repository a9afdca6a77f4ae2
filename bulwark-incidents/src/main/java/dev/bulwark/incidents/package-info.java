/**
 * The hostile-act register as a pure library (issue 16): a typed {@link
 * dev.bulwark.incidents.Incident} (kind and its fields in {@code kinds}), its STIX 2.1 form with
 * the OASIS incident-core extension and Bulwark's own ({@code stix}), the lifecycle ({@code
 * lifecycle}), CSV intake ({@code csv}), migration surges ({@code migration}), campaign suggestions
 * ({@code campaign}), attribution ({@code attribution}), measured responses ({@code response}),
 * public exposure ({@code exposure}) and sanctions proposals as FollowTheMoney ({@code sanctions}).
 * No Spring, no SQL, no HTTP: plain values in, plain values out, so the node, the CLI and the
 * benchmarks call it the same way.
 */
package dev.bulwark.incidents;
