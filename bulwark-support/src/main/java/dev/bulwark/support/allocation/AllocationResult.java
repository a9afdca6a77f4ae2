package dev.bulwark.support.allocation;

import java.util.List;

/**
 * The allocation of offers to requirements with its explanation. Immutable and thread-safe.
 *
 * @param weightedShortfallEur the first objective: shortfall value times priority weight, summed
 * @param shortfallEur the shortfall value, unweighted
 * @param maxDeviationEur the second objective: the largest absolute deviation of an ally with
 *     offers from its fair share
 * @param stage2 how the second objective was solved
 * @param variables candidate (offer, requirement) pairs after pruning incompatible and late ones:
 *     the variables of the exact per-pair model (the pooled models used for large problems have
 *     fewer)
 */
public record AllocationResult(
    List<Assignment> assignments,
    List<RequirementOutcome> requirements,
    List<OfferOutcome> offers,
    List<AllyOutcome> allies,
    double weightedShortfallEur,
    double shortfallEur,
    double maxDeviationEur,
    Allocator.Stage2 stage2,
    int variables,
    long solveMillis) {

  public AllocationResult {
    assignments = List.copyOf(assignments);
    requirements = List.copyOf(requirements);
    offers = List.copyOf(offers);
    allies = List.copyOf(allies);
  }
}
