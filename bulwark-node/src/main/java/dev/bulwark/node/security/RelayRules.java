package dev.bulwark.node.security;

import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.ReleaseRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether this node believes what a peer node says about an object it hands over (a POST by a peer
 * principal, or a page pulled from a peer), before the object is stored under that provenance
 * (issue 14, finding 4). A peer may relay another nation's object, but:
 *
 * <ul>
 *   <li>a claim that cannot be read is refused (it never falls back to the peer's own nation);
 *   <li>an object claimed to originate from this node's own nation is refused: our objects never
 *       come back from a peer (otherwise a peer could write "our" objects, which our own principals
 *       would then read under our nation's rule);
 *   <li>a TLP:RED object is refused: RED is never pulled, pushed or stored for another nation;
 *   <li>an object the peer's nation may not read under its originating nation's rule is refused: a
 *       relay cannot hold what it may not read.
 * </ul>
 *
 * The first three do not depend on anything stored here ({@link #claimRefusal}), so they are
 * checked before anything else is looked up; the last needs the object's markings resolved ({@link
 * #unreadableByRelay}). Stateless; thread-safe.
 */
public final class RelayRules {
  private RelayRules() {}

  /**
   * Why the claim alone is refused, or empty.
   *
   * @param localNation this node's nation
   * @param claim what the peer said, empty when it said nothing (an older peer: the origin is then
   *     the peer's own nation)
   * @param markingRefs the object's {@code object_marking_refs}
   */
  public static Optional<String> claimRefusal(
      String localNation, Optional<ProvenanceClaim> claim, List<String> markingRefs) {
    if (claim.isPresent() && !claim.get().valid()) {
      return claim.get().problem();
    }
    if (claim.isPresent() && claim.get().origin().equals(localNation.toUpperCase(Locale.ROOT))) {
      return Optional.of(
          "the object is claimed to originate from "
              + claim.get().origin()
              + ", this node's own nation; its objects never come back from a peer");
    }
    if (AccessPolicy.carriesRed(markingRefs)) {
      return Optional.of("TLP:RED is never federated: a peer may not relay a TLP:RED object");
    }
    return Optional.empty();
  }

  /**
   * Why the relaying peer could not have read the object, or empty: its nation must be allowed by
   * the object's markings under the originating nation's rule. A marking that cannot be resolved
   * denies.
   *
   * @param peerNation the nation of the peer that hands the object over
   * @param origin the object's originating nation (as claimed, or the peer's own)
   * @param resolver resolves the object's marking refs (definitions of the object's origin)
   * @param unmarkedDefaultNations the collection's default for objects without markings
   */
  public static Optional<String> unreadableByRelay(
      String peerNation,
      String origin,
      StixObject object,
      Function<String, Optional<StixObject>> resolver,
      Set<String> unmarkedDefaultNations) {
    if (ReleaseRule.mayRead(
        new Reader(peerNation, Optional.empty()),
        origin,
        object.objectMarkingRefs(),
        resolver,
        unmarkedDefaultNations)) {
      return Optional.empty();
    }
    return Optional.of(
        "the relaying peer's nation "
            + peerNation
            + " may not read this "
            + origin
            + " object under its markings (or a marking it names cannot be resolved here);"
            + " a relay cannot hand over what it may not read");
  }
}
