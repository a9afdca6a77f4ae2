package dev.bulwark.node.security;

import dev.bulwark.stix.StixIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a demo node two principals to try the TAXII API with, an analyst (reader, contributor) and
 * an admin, of the node's nation; their tokens go to {@code BULWARK_HOME/demo-tokens.txt} (readable
 * by the owner only) and to the console. Runs once per start; not thread-safe.
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
class DemoPrincipals {
  private final PrincipalStore principals;
  private final Path home;
  private final String nation;

  DemoPrincipals(
      PrincipalStore principals,
      @Value("${bulwark.home}") String home,
      @Value("${bulwark.nation:EST}") String nation) {
    this.principals = principals;
    this.home = Path.of(home);
    this.nation = nation;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    Path file = home.resolve("demo-tokens.txt");
    StringBuilder lines = new StringBuilder();
    add("analyst", EnumSet.of(Role.READER, Role.CONTRIBUTOR), lines);
    add("admin", EnumSet.of(Role.ADMIN), lines);
    try {
      if (lines.length() > 0) {
        Files.writeString(
            file,
            lines.toString(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not POSIX: the folder's permissions protect it
        }
      }
      System.out.println(
          "  TAXII principals (HTTP Basic name / token, or Bearer token), from " + file + ":");
      Files.readAllLines(file, StandardCharsets.UTF_8).forEach(l -> System.out.println("    " + l));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void add(String name, EnumSet<Role> roles, StringBuilder lines) {
    if (principals.find(name).isEmpty()) {
      String token =
          principals
              .add(
                  name,
                  nation,
                  roles,
                  Optional.of(StixIds.random("identity")),
                  0L,
                  Optional.empty())
              .token();
      lines.append(name).append(' ').append(token).append('\n');
    }
  }
}
