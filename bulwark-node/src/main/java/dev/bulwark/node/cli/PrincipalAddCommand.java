package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.stix.StixIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark principal add NAME --nation ISO3 --roles r1,r2}: creates a principal and prints
 * its token once (only a hash is kept). Not thread-safe.
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = "Create a principal and print its token (shown once, stored hashed).",
    footer = "Exit status: 0 created, 2 bad arguments or store unreadable.")
final class PrincipalAddCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "Principal name (letters, digits, . _ @ -).")
  String name;

  @Option(
      names = "--nation",
      required = true,
      paramLabel = "ISO3",
      description = "Its nation, e.g. EST.")
  String nation;

  @Option(
      names = "--roles",
      required = true,
      split = ",",
      paramLabel = "ROLE",
      description = "reader, contributor, admin, peer, sensor (comma-separated).")
  List<String> roles;

  @Option(
      names = "--identity",
      paramLabel = "ID",
      description = "STIX identity it authors as (created_by_ref); default: a new identity id.")
  String identity;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description =
          "When the token stops working: a duration (P90D) or an instant (2027-01-01T00:00:00Z).")
  String expires;

  @Option(
      names = "--cert",
      paramLabel = "PEM",
      description = "Client certificate (PEM) it may also authenticate with (mTLS).")
  Path cert;

  @Override
  public Integer call() {
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    long expiresMicros;
    Optional<String> fingerprint;
    try {
      nation = Nations.check(nation);
      roles.forEach(r -> parsed.add(Role.parse(r)));
      expiresMicros = expires == null ? 0L : expiry(expires);
      fingerprint = cert == null ? Optional.empty() : Optional.of(fingerprint(cert));
      if (identity != null
          && (!identity.startsWith("identity--") || !StixIds.isIdentifier(identity))) {
        throw new IllegalArgumentException(
            "--identity must be a STIX identity id (identity--UUID)");
      }
    } catch (IllegalArgumentException | IOException | CertificateException e) {
      System.err.println("bulwark principal add: " + e.getMessage());
      return 2;
    }
    String id = identity != null ? identity : StixIds.random("identity");
    try (NodeStores stores = new NodeStores()) {
      PrincipalStore.Issued issued =
          stores.principals.add(name, nation, parsed, Optional.of(id), expiresMicros, fingerprint);
      stores.record(
          "principal.add",
          "",
          AuditEntry.Decision.ALLOW,
          List.of(),
          name
              + " "
              + issued.principal().nation()
              + " "
              + issued.principal().rolesLabel()
              + (fingerprint.isPresent() ? " certificate " + fingerprint.get() : "")
              + (expiresMicros > 0
                  ? " expires " + Instant.ofEpochSecond(expiresMicros / 1_000_000L)
                  : ""));
      System.out.printf(
          "principal %s (%s, %s) created%n",
          name, issued.principal().nation(), issued.principal().rolesLabel());
      System.out.printf("identity: %s%n", id);
      if (expiresMicros > 0) {
        System.out.printf("expires:  %s%n", Instant.ofEpochSecond(expiresMicros / 1_000_000L));
      }
      System.out.printf("token:    %s%n", issued.token());
      System.out.println("Keep the token now: it is not stored and cannot be shown again.");
      System.out.println(
          "Use it as a bearer token, or as the password of HTTP Basic with the name above.");
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark principal add: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark principal add: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  static long expiry(String text) {
    Instant when;
    try {
      when = text.startsWith("P") ? Instant.now().plus(Duration.parse(text)) : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--expires takes a duration such as P90D or an instant such as 2027-01-01T00:00:00Z");
    }
    return when.getEpochSecond() * 1_000_000L;
  }

  private static String fingerprint(Path pem) throws IOException, CertificateException {
    try (var in = Files.newInputStream(pem)) {
      X509Certificate c =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
