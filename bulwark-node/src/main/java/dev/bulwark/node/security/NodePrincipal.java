package dev.bulwark.node.security;

import dev.bulwark.stix.markings.Reader;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Someone who calls the node: an analyst, a sensor or a peer node, with the nation it belongs to,
 * its roles and (optionally) the STIX identity it authors objects as. Immutable.
 *
 * @param expiresMicros when its credentials stop working, microseconds since the epoch; 0 = never
 * @param revokedMicros when it was revoked; 0 = not revoked
 */
public record NodePrincipal(
    String name,
    String nation,
    Set<Role> roles,
    Optional<String> identityId,
    long createdMicros,
    long expiresMicros,
    long revokedMicros) {

  public NodePrincipal {
    Objects.requireNonNull(name, "name");
    nation = nation.toUpperCase(Locale.ROOT);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    Objects.requireNonNull(identityId, "identityId");
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Whether its credentials are good at this instant: not revoked and not expired. */
  public boolean activeAt(long nowMicros) {
    return revokedMicros == 0 && (expiresMicros == 0 || nowMicros < expiresMicros);
  }

  /**
   * The reader the releasability rule sees. A peer node reads as its nation alone: what a node
   * serves or pushes to a peer is what the originating rule allows that peer's nation (issue 14),
   * so an object naming the node's identity as a recipient is not released to the node by that
   * name.
   */
  public Reader reader() {
    return has(Role.PEER) ? Reader.of(nation) : new Reader(nation, identityId);
  }

  /** Roles as configuration spells them, comma-separated, in a stable order. */
  public String rolesLabel() {
    return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles).stream()
        .map(Role::label)
        .collect(Collectors.joining(","));
  }
}
