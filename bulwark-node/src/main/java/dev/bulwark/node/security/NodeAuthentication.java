package dev.bulwark.node.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Spring Security's view of an authenticated {@link NodePrincipal}: authorities are {@code
 * ROLE_<role>}. Immutable once created.
 */
public final class NodeAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final transient NodePrincipal principal;
  private final String method;

  NodeAuthentication(NodePrincipal principal, String method) {
    super(
        principal.roles().stream()
            .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
            .toList());
    this.principal = principal;
    this.method = method;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public NodePrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.name();
  }

  /** How the principal proved itself: basic, bearer or certificate. */
  public String method() {
    return method;
  }

  /** The principal of the current request, if one authenticated. */
  public static Optional<NodePrincipal> current() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a instanceof NodeAuthentication n ? Optional.of(n.principal) : Optional.empty();
  }

  static List<String> roles(NodePrincipal p) {
    return p.roles().stream().map(Role::label).toList();
  }
}
