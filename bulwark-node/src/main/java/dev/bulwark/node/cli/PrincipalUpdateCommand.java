package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark principal update NAME [--roles r1,r2] [--expires WHEN|never]}: changes an active
 * principal's roles and expiry; its token stays. Audited as {@code principal.update}, as the
 * workbench's {@code POST /api/admin/principals/{name}}. Not thread-safe.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Change an active principal's roles and/or expiry; its token keeps working.",
    footer =
        "Exit status: 0 changed, 1 no such active principal, 2 bad arguments or store unreadable.")
final class PrincipalUpdateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = "--roles",
      paramLabel = "ROLES",
      description = "The new roles, comma-separated: reader, contributor, admin, peer, sensor.")
  String roles;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description = "A duration (P90D), an instant (2027-01-01T00:00:00Z), or 'never'.")
  String expires;

  @Override
  public Integer call() {
    Optional<Set<Role>> newRoles = Optional.empty();
    Optional<Long> newExpiry = Optional.empty();
    try {
      if (roles != null) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String r : roles.split(",")) {
          if (!r.isBlank()) {
            parsed.add(Role.parse(r));
          }
        }
        newRoles = Optional.of(parsed);
      }
      if (expires != null) {
        newExpiry = Optional.of("never".equals(expires) ? 0L : PrincipalAddCommand.expiry(expires));
      }
      if (newRoles.isEmpty() && newExpiry.isEmpty()) {
        throw new IllegalArgumentException("give --roles, --expires or both");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark principal update: " + e.getMessage());
      return 2;
    }
    try (NodeStores stores = new NodeStores()) {
      Optional<NodePrincipal> changed = stores.principals.update(name, newRoles, newExpiry);
      if (changed.isEmpty()) {
        System.out.printf("no active principal %s%n", name);
        return 1;
      }
      NodePrincipal p = changed.get();
      String expiry =
          p.expiresMicros() == 0
              ? "never"
              : Instant.ofEpochSecond(p.expiresMicros() / 1_000_000L).toString();
      stores.record(
          "principal.update",
          "",
          AuditEntry.Decision.ALLOW,
          List.of(),
          name + " roles=" + p.rolesLabel() + " expires=" + expiry);
      System.out.printf("principal %s: roles %s, expires %s%n", name, p.rolesLabel(), expiry);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark principal update: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark principal update: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
