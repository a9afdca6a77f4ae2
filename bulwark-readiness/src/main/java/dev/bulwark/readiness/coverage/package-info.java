/**
 * Coverage of the NATO Force Model from declarations: the version of each unit valid on a date, the
 * tiers, the time-phased curve, domain and plan coverage, verification, fair shares by GDP and the
 * trend; and the JSON of {@code bulwark readiness summary --json}.
 */
package dev.bulwark.readiness.coverage;
