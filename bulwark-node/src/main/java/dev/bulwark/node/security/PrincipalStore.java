package dev.bulwark.node.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The principals table: creates principals (returning their token once), lists, changes (roles,
 * expiry) and revokes them, and checks presented tokens and client certificates.
 *
 * <p>Tokens are stored as their SHA-256. A token carries 256 random bits, so a stolen table cannot
 * be brute-forced whatever the hash costs; a deliberately slow hash (PBKDF2, 70 ms a check)
 * protects only low-entropy passwords, and let eight unauthenticated clients sending made-up tokens
 * slow a legitimate reader tenfold (issue 14, finding 7). Every check now costs the same small
 * constant: one indexed row lookup, one SHA-256 and one constant-time comparison, against the
 * stored hash or, for a key id that does not exist, against a dummy, so that an unknown key id and
 * a known one with a wrong secret take the same time and get the same answer.
 *
 * <p>Hashes written before (PBKDF2, {@code pbkdf2-sha256:<iterations>:...}) still verify; the first
 * time such a token is presented correctly its row is rewritten as SHA-256. Those PBKDF2 checks run
 * one at a time (a caller waits at most {@link #LEGACY_WAIT_MS} ms for its turn, then is refused),
 * so failed attempts on old rows can occupy at most one core. Thread-safe.
 */
public final class PrincipalStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  /** Names the node's own writers record as {@code added_by}: no principal may hold one. */
  public static final Set<String> RESERVED_NAMES = Set.of("maritime-watch", "bulwark", "demo");

  private static final String COLUMNS =
      "name, nation, roles, identity_id, created_us, expires_us, revoked_us";

  private final DataSource dataSource;

  /**
   * Creating, listing and revoking principals go through Spring's JdbcClient. The two reads that
   * run on every request ({@link #authenticate}, {@link #byCertificate}) stay hand-written JDBC:
   * they are on the path every TAXII benchmark measures, and add nothing to it.
   */
  private final JdbcClient jdbc;

  private final Clock clock;

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, the count of hashes written before SHA-256. */
  public static final int DEFAULT_ITERATIONS = 310_000;

  /** How long a check of an old PBKDF2 hash waits for the one that is running. */
  static final long LEGACY_WAIT_MS = 2_000;

  private static final String SHA256 = "sha256:";
  private static final String PBKDF2 = "pbkdf2-sha256:";

  /** What an unknown key id is compared with: no token's SHA-256 is all zeros (2^-256). */
  private static final String DUMMY = SHA256 + "0".repeat(64);

  private final ConcurrentHashMap<Integer, Pbkdf2PasswordEncoder> encoders =
      new ConcurrentHashMap<>();

  /** One PBKDF2 check at a time (old hashes only). */
  private final Semaphore legacyChecks = new Semaphore(1, true);

  public PrincipalStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  /**
   * @param iterations no longer used: new tokens are stored as SHA-256 (see the class comment), and
   *     an old PBKDF2 hash records its own count. Kept so that callers and the {@code
   *     bulwark.security.pbkdf2-iterations} setting still work.
   */
  public PrincipalStore(DataSource dataSource, Clock clock, int iterations) {
    this(dataSource, clock);
  }

  private static String hashToken(String token) {
    return SHA256 + sha256(token);
  }

  /** Whether an old PBKDF2 hash matches; empty when no check could run in time. */
  private Optional<Boolean> legacyMatches(String token, String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3) {
      return Optional.of(false);
    }
    int count;
    try {
      count = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.of(false);
    }
    try {
      if (!legacyChecks.tryAcquire(LEGACY_WAIT_MS, TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      return Optional.of(
          encoders
              .computeIfAbsent(
                  count,
                  n ->
                      new Pbkdf2PasswordEncoder(
                          "",
                          16,
                          n,
                          Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256))
              .matches(token, parts[2]));
    } finally {
      legacyChecks.release();
    }
  }

  /**
   * Rewrites an old PBKDF2 row as SHA-256 once its token was presented (unless it changed
   * meanwhile).
   */
  private void upgrade(String keyId, String oldHash, String token) {
    try {
      jdbc.sql("UPDATE principals SET secret_hash = ? WHERE key_id = ? AND secret_hash = ?")
          .params(hashToken(token), keyId, oldHash)
          .update();
    } catch (DataAccessException e) {
      // the old hash keeps working; the next correct presentation tries again
    }
  }

  /**
   * A principal just created, with the token to hand over (it is not stored and cannot be shown
   * again).
   */
  public record Issued(NodePrincipal principal, String token) {}

  /**
   * Creates a principal.
   *
   * @param expiresMicros 0 for credentials that never expire
   * @param certSha256 hex SHA-256 of a client certificate for mTLS, or empty
   * @throws IllegalArgumentException for a bad name or a name already taken
   */
  public Issued add(
      String name,
      String nation,
      Set<Role> roles,
      Optional<String> identityId,
      long expiresMicros,
      Optional<String> certSha256) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "bad principal name '" + name + "': letters, digits, . _ @ - (at most 100)");
    }
    if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      // the node's own writers record these names as added_by; a principal holding one could pass
      // for the node (the maritime ledger adopts only what "maritime-watch" of its nation wrote)
      throw new IllegalArgumentException(
          "principal name '" + name + "' is reserved for the node's own writers " + RESERVED_NAMES);
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a principal needs at least one role");
    }
    if (!nation.matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException("nation must be an ISO 3166-1 alpha-3 code: " + nation);
    }
    String token = Tokens.newToken();
    String keyId = Tokens.keyId(token).orElseThrow();
    long now = nowMicros();
    NodePrincipal p = new NodePrincipal(name, nation, roles, identityId, now, expiresMicros, 0L);
    try {
      int added =
          jdbc.sql(
                  "INSERT INTO principals (name, nation, roles, identity_id, key_id, secret_hash,"
                      + " cert_sha256, created_us, expires_us, revoked_us)"
                      + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS"
                      + " (SELECT 1 FROM principals WHERE name = ?)")
              .params(
                  name,
                  p.nation(),
                  p.rolesLabel(),
                  identityId.orElse(""),
                  keyId,
                  hashToken(token),
                  certSha256.map(h -> h.toLowerCase(Locale.ROOT)).orElse(""),
                  now,
                  expiresMicros,
                  name)
              .update();
      if (added == 0) {
        throw new IllegalArgumentException("principal '" + name + "' already exists");
      }
      return new Issued(p, token);
    } catch (DataAccessException e) {
      throw failed("cannot add principal " + name, e);
    }
  }

  /** Whether any principal, revoked ones included, has this STIX identity. */
  public boolean identityRegistered(String identityId) {
    try {
      return jdbc.sql("SELECT 1 FROM principals WHERE identity_id = ? FETCH FIRST 1 ROWS ONLY")
          .param(identityId)
          .query((rs, row) -> true)
          .optional()
          .isPresent();
    } catch (DataAccessException e) {
      throw failed("cannot look up identity " + identityId, e);
    }
  }

  /** Every principal, revoked ones included, by name. */
  public List<NodePrincipal> list() {
    try {
      return jdbc.sql("SELECT " + COLUMNS + " FROM principals ORDER BY name")
          .query(PrincipalStore::principalOf)
          .list();
    } catch (DataAccessException e) {
      throw failed("cannot list principals", e);
    }
  }

  public Optional<NodePrincipal> find(String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return jdbc.sql("SELECT " + COLUMNS + " FROM principals WHERE name = ?")
          .param(name)
          .query(PrincipalStore::principalOf)
          .optional();
    } catch (DataAccessException e) {
      throw failed("cannot read principals", e);
    }
  }

  /** Revokes a principal at once; returns false when there is no such active principal. */
  public boolean revoke(String name) {
    try {
      return jdbc.sql("UPDATE principals SET revoked_us = ? WHERE name = ? AND revoked_us = 0")
              .params(nowMicros(), name)
              .update()
          == 1;
    } catch (DataAccessException e) {
      throw failed("cannot revoke " + name, e);
    }
  }

  /**
   * Changes an active principal's roles and expiry; its token, nation and identity stay. The caller
   * audits the change, as for {@link #add} and {@link #revoke}.
   *
   * @param roles the new roles, or empty to keep them
   * @param expiresMicros the new expiry (0 = never), or empty to keep it
   * @return the principal as changed; empty when there is no such active (unrevoked) principal
   * @throws IllegalArgumentException for an empty set of roles
   */
  public Optional<NodePrincipal> update(
      String name, Optional<Set<Role>> roles, Optional<Long> expiresMicros) {
    if (roles.isPresent() && roles.get().isEmpty()) {
      throw new IllegalArgumentException("a principal needs at least one role");
    }
    Optional<NodePrincipal> now = find(name).filter(p -> p.revokedMicros() == 0);
    if (now.isEmpty()) {
      return Optional.empty();
    }
    NodePrincipal p = now.get();
    NodePrincipal changed =
        new NodePrincipal(
            p.name(),
            p.nation(),
            roles.orElse(p.roles()),
            p.identityId(),
            p.createdMicros(),
            expiresMicros.orElse(p.expiresMicros()),
            0L);
    try {
      int rows =
          jdbc.sql(
                  "UPDATE principals SET roles = ?, expires_us = ? WHERE name = ? AND revoked_us = 0")
              .params(changed.rolesLabel(), changed.expiresMicros(), name)
              .update();
      return rows == 1 ? Optional.of(changed) : Optional.empty();
    } catch (DataAccessException e) {
      throw failed("cannot change principal " + name, e);
    }
  }

  private static IllegalStateException failed(String what, DataAccessException e) {
    return new IllegalStateException(what + ": " + e.getMostSpecificCause().getMessage(), e);
  }

  /**
   * The active principal a token belongs to. With a name (HTTP Basic), the token must also be that
   * principal's. Expired, revoked, unknown and malformed all answer empty. A well-formed token
   * costs the same whether its key id exists or not (see the class comment); a malformed one is
   * refused on its shape alone, which says nothing about any key.
   */
  public Optional<NodePrincipal> authenticate(Optional<String> name, String token) {
    Optional<String> keyId = Tokens.keyId(token);
    if (keyId.isEmpty()) {
      return Optional.empty();
    }
    String hash = DUMMY;
    NodePrincipal principal = null;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + ", secret_hash FROM principals WHERE key_id = ?")) {
      s.setString(1, keyId.get());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          principal = principalOf(rs, 0);
          hash = rs.getString(8);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check credentials: " + e.getMessage(), e);
    }
    boolean good;
    if (hash.startsWith(PBKDF2)) {
      Optional<Boolean> matches = legacyMatches(token, hash);
      good = matches.orElse(false);
      if (good) {
        upgrade(keyId.get(), hash, token);
      }
    } else {
      // SHA-256 of the presented token against the stored one, or against DUMMY: the same work
      // either way
      String presented = SHA256 + sha256(token);
      good =
          MessageDigest.isEqual(
              presented.getBytes(StandardCharsets.US_ASCII),
              hash.getBytes(StandardCharsets.US_ASCII));
    }
    if (!good || principal == null) {
      return Optional.empty();
    }
    if (name.isPresent() && !name.get().equals(principal.name())) {
      return Optional.empty();
    }
    return principal.activeAt(nowMicros()) ? Optional.of(principal) : Optional.empty();
  }

  /** The active principal registered for a client certificate (hex SHA-256 of its DER encoding). */
  public Optional<NodePrincipal> byCertificate(String sha256Hex) {
    return one(
            "SELECT " + COLUMNS + " FROM principals WHERE cert_sha256 = ?",
            sha256Hex.toLowerCase(Locale.ROOT))
        .filter(p -> p.activeAt(nowMicros()));
  }

  private Optional<NodePrincipal> one(String sql, String arg) {
    if (arg.isEmpty()) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(principalOf(rs, 0)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read principals: " + e.getMessage(), e);
    }
  }

  private static NodePrincipal principalOf(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(rs.getString(3).split(","))
        .filter(r -> !r.isBlank())
        .map(Role::parse)
        .forEach(roles::add);
    String identity = rs.getString(4);
    return new NodePrincipal(
        rs.getString(1),
        rs.getString(2),
        roles,
        identity.isEmpty() ? Optional.empty() : Optional.of(identity),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7));
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
