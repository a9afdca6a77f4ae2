/**
 * The adversarial leak suite of issue 14: three real node processes federated in a chain, a corpus
 * generated over nations, TLP levels, releasability lists and granular markings, attackers who
 * squat marking-definitions, inject into node collections, collide ids and versions and replay
 * paging tokens, and every read path that leaves a node checked against the ground truth computed
 * with {@link dev.bulwark.stix.markings.ReleaseRule} from each object's true origin and its
 * author's own definitions. Run alone with {@code -Dit.test=LeakSuiteIT}.
 */
package dev.bulwark.node.leaks;
