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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The principals table: creates principals (returning their token once), lists and revokes them, and
 * checks presented tokens and client certificates. Tokens are stored as PBKDF2 hashes; because a
 * PBKDF2 check costs tens of milliseconds by design, a token already verified is remembered (as its
 * SHA-256, in memory) so that later requests pay only a row lookup, which also sees revocation and
 * expiry at once. Thread-safe.
 */
public final class PrincipalStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final String COLUMNS =
      "name, nation, roles, identity_id, created_us, expires_us, revoked_us";

  private final DataSource dataSource;
  private final Clock clock;
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 310_000;

  private final int iterations;
  private final ConcurrentHashMap<Integer, Pbkdf2PasswordEncoder> encoders = new ConcurrentHashMap<>();
  /** key id -> SHA-256 of the token that matched its hash. */
  private final ConcurrentHashMap<String, String> verified = new ConcurrentHashMap<>();

  public PrincipalStore(DataSource dataSource, Clock clock) {
    this(dataSource, clock, DEFAULT_ITERATIONS);
  }

  /**
   * @param iterations PBKDF2 iterations for new hashes; each hash records its own count, so changing it
   *     never invalidates existing tokens
   */
  public PrincipalStore(DataSource dataSource, Clock clock, int iterations) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.iterations = iterations;
  }

  private Pbkdf2PasswordEncoder encoder(int count) {
    return encoders.computeIfAbsent(count, n -> new Pbkdf2PasswordEncoder(
        "", 16, n, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256));
  }

  private String hashToken(String token) {
    return "pbkdf2-sha256:" + iterations + ":" + encoder(iterations).encode(token);
  }

  private boolean tokenMatches(String token, String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    try {
      return encoder(Integer.parseInt(parts[1])).matches(token, parts[2]);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A principal just created, with the token to hand over (it is not stored and cannot be shown again). */
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
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a principal needs at least one role");
    }
    if (!nation.matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException("nation must be an ISO 3166-1 alpha-3 code: " + nation);
    }
    String token = Tokens.newToken();
    String keyId = Tokens.keyId(token).orElseThrow();
    long now = nowMicros();
    NodePrincipal p =
        new NodePrincipal(name, nation, roles, identityId, now, expiresMicros, 0L);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO principals (name, nation, roles, identity_id, key_id, secret_hash,"
                    + " cert_sha256, created_us, expires_us, revoked_us)"
                    + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS"
                    + " (SELECT 1 FROM principals WHERE name = ?)")) {
      s.setString(1, name);
      s.setString(2, p.nation());
      s.setString(3, p.rolesLabel());
      s.setString(4, identityId.orElse(""));
      s.setString(5, keyId);
      s.setString(6, hashToken(token));
      s.setString(7, certSha256.map(h -> h.toLowerCase(java.util.Locale.ROOT)).orElse(""));
      s.setLong(8, now);
      s.setLong(9, expiresMicros);
      s.setString(10, name);
      if (s.executeUpdate() == 0) {
        throw new IllegalArgumentException("principal '" + name + "' already exists");
      }
      return new Issued(p, token);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add principal " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every principal, revoked ones included, by name. */
  public List<NodePrincipal> list() {
    List<NodePrincipal> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM principals ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(principalOf(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list principals: " + e.getMessage(), e);
    }
  }

  public Optional<NodePrincipal> find(String name) {
    return one("SELECT " + COLUMNS + " FROM principals WHERE name = ?", name);
  }

  /** Revokes a principal at once; returns false when there is no such active principal. */
  public boolean revoke(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE principals SET revoked_us = ? WHERE name = ? AND revoked_us = 0")) {
      s.setLong(1, nowMicros());
      s.setString(2, name);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot revoke " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The active principal a token belongs to. With a name (HTTP Basic), the token must also be that
   * principal's. Expired, revoked, unknown and malformed all answer empty.
   */
  public Optional<NodePrincipal> authenticate(Optional<String> name, String token) {
    Optional<String> keyId = Tokens.keyId(token);
    if (keyId.isEmpty()) {
      return Optional.empty();
    }
    String hash;
    NodePrincipal principal;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + ", secret_hash FROM principals WHERE key_id = ?")) {
      s.setString(1, keyId.get());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        principal = principalOf(rs);
        hash = rs.getString(8);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check credentials: " + e.getMessage(), e);
    }
    if (name.isPresent() && !name.get().equals(principal.name())) {
      return Optional.empty();
    }
    if (!principal.activeAt(nowMicros())) {
      return Optional.empty();
    }
    String digest = sha256(token);
    String known = verified.get(keyId.get());
    boolean good;
    if (known != null) {
      good = MessageDigest.isEqual(
          known.getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    } else {
      good = tokenMatches(token, hash);
      if (good) {
        verified.put(keyId.get(), digest);
      }
    }
    return good ? Optional.of(principal) : Optional.empty();
  }

  /** The active principal registered for a client certificate (hex SHA-256 of its DER encoding). */
  public Optional<NodePrincipal> byCertificate(String sha256Hex) {
    return one(
            "SELECT " + COLUMNS + " FROM principals WHERE cert_sha256 = ?",
            sha256Hex.toLowerCase(java.util.Locale.ROOT))
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
        return rs.next() ? Optional.of(principalOf(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read principals: " + e.getMessage(), e);
    }
  }

  private static NodePrincipal principalOf(ResultSet rs) throws SQLException {
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
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
