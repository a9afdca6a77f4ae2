/**
 * Quarter-by-quarter forecasts of support against needs over several years ({@code Forecaster}),
 * with what-if changes to pledges ({@code PledgeChange}).
 */
package dev.bulwark.support.forecast;
