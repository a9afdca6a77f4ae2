package dev.bulwark.support.forecast;

import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;

/**
 * One quarter of a forecast, in euros. Immutable and thread-safe.
 *
 * @param needEur what is needed in the quarter
 * @param countedEur support already counted (at least the counted status) dated in the quarter
 * @param scheduledEur support pledged or committed for the quarter, not yet counted
 * @param gapEur need minus counted minus scheduled, zero when covered
 * @param cumulativeGapEur gaps summed from the first quarter (a surplus carries forward)
 */
public record QuarterRow(
    Period quarter,
    BigDecimal needEur,
    BigDecimal countedEur,
    BigDecimal scheduledEur,
    BigDecimal gapEur,
    BigDecimal cumulativeGapEur) {}
