/**
 * Annual average exchange rates ({@code ExchangeRates}) that turn amounts in any currency into US
 * dollars and euros for the fair-share tables.
 */
package dev.bulwark.support.money;
