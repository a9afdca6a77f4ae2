package dev.bulwark.node.security;

import java.util.Optional;
import java.util.Set;

/**
 * The STIX identities that belong to someone of the community: every principal's identity
 * (analysts, sensors, peer nodes; revoked ones included) and the identities nodes author as (the
 * maritime watch and support planning of every nation, the Bulwark project's). A contributor may
 * relay what a third party wrote (a vendor's report keeps its {@code created_by_ref}), but never
 * claim one of these unless it is its own (issue 14, "relaying what others wrote, without
 * impersonation").
 *
 * <p>Principals are looked up in the store at each question (a small table), so one added a moment
 * ago is already protected. Thread-safe.
 */
public final class CommunityIdentities {
  private final PrincipalStore principals;
  private final Set<String> nodeIdentities;

  /**
   * @param nodeIdentities the identities nodes author as, for every nation
   */
  public CommunityIdentities(PrincipalStore principals, Set<String> nodeIdentities) {
    this.principals = principals;
    this.nodeIdentities = Set.copyOf(nodeIdentities);
  }

  /**
   * Why {@code writer} may not author as {@code identity}, or empty when it may: its own identity,
   * or one that belongs to nobody of the community.
   */
  public Optional<String> impersonation(NodePrincipal writer, String identity) {
    if (writer.identityId().map(identity::equals).orElse(false)) {
      return Optional.empty();
    }
    if (nodeIdentities.contains(identity)) {
      return Optional.of(
          "created_by_ref "
              + identity
              + " is the identity of a Bulwark node; principal "
              + writer.name()
              + " may not author as it");
    }
    if (principals.identityRegistered(identity)) {
      return Optional.of(
          "created_by_ref "
              + identity
              + " is the identity of another principal; principal "
              + writer.name()
              + " may author only as its own identity"
              + writer.identityId().map(i -> " (" + i + ")").orElse(" (it has none)")
              + " or relay what an identity outside the community wrote");
    }
    return Optional.empty();
  }
}
