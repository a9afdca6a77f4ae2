/**
 * Fair shares of the support baseline by burden key ({@code FairShareCalculator}), each ally's
 * share against what it contributed in a {@code Period}, split to the cent ({@code
 * LargestRemainder}).
 */
package dev.bulwark.support.fairshare;
