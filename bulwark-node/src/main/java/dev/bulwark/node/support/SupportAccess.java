package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import java.util.Optional;

/**
 * Who may do what with the support figures. Readers, contributors and admins read (peer nodes get
 * what is published through the {@code support-reports} collection instead); a contributor enters
 * contributions and offers for its own nation only; an admin enters for any nation, enters
 * Ukraine's requirements and publishes reports. Stateless and thread-safe.
 */
final class SupportAccess {
  private SupportAccess() {}

  static boolean mayRead(NodePrincipal p) {
    return p.isAdmin() || p.has(Role.READER) || p.has(Role.CONTRIBUTOR);
  }

  static boolean mayEnter(NodePrincipal p) {
    return p.isAdmin() || p.has(Role.CONTRIBUTOR);
  }

  /** The one nation the principal may enter for; empty for an admin, who may enter for any. */
  static Optional<String> onlyNation(NodePrincipal p) {
    return p.isAdmin() ? Optional.empty() : Optional.of(p.nation());
  }

  /** Whether the principal may enter or correct something of this donor nation. */
  static boolean mayEnterFor(NodePrincipal p, String nation) {
    return p.isAdmin() || (p.has(Role.CONTRIBUTOR) && p.nation().equals(nation));
  }
}
