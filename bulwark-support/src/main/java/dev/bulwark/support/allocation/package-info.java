/**
 * Allocation of allies' offers to Ukraine's requirements: {@code Allocator} solves a lexicographic
 * linear program with ojAlgo (least priority-weighted shortfall first, then the fairest split
 * against fair shares), over pooled offers ({@code PooledLp}), and {@code Explainer} says who fills
 * what and why something stays short. Inputs from CSV ({@code AllocationCsv}) or built directly.
 */
package dev.bulwark.support.allocation;
