package dev.bulwark.support.allocation;

/**
 * An ally's part of an allocation against its fair share of it. Immutable and thread-safe.
 *
 * @param priorEur contributions already counted before this allocation
 * @param allocatedEur value of its offers used by this allocation
 * @param targetEur its fair share of everything (prior plus allocated) among the allies with offers
 * @param deviationEur {@code prior + allocated - target}; negative when below its share
 */
public record AllyOutcome(
    String ally, double priorEur, double allocatedEur, double targetEur, double deviationEur) {}
