package dev.bulwark.support.fairshare;

import dev.bulwark.support.ally.Ally;
import java.math.BigDecimal;

/**
 * One ally's line of a fair-share table. Amounts are euros rounded to cents. Immutable and
 * thread-safe.
 *
 * @param keyValueUsd the ally's GDP (or GNI) in the key year, current US$
 * @param share the ally's part of the allied total, a fraction between 0 and 1
 * @param fairShareEur its share of the period's baseline
 * @param eligibleEur its counted contributions in the period (eligible categories, counted status)
 * @param gapEur how much it lacks to reach its fair share, zero when reached
 * @param surplusEur how much it gave beyond its fair share, zero when below
 * @param pledgedEur every eligible entry in the period, whatever its status
 * @param reportingOnlyEur humanitarian, financial and unallocated aid in the period (not counted)
 */
public record AllyShare(
    Ally ally,
    BigDecimal keyValueUsd,
    BigDecimal share,
    BigDecimal fairShareEur,
    BigDecimal eligibleEur,
    BigDecimal gapEur,
    BigDecimal surplusEur,
    BigDecimal pledgedEur,
    BigDecimal reportingOnlyEur) {}
