package dev.bulwark.node.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a principal's secret token: {@code bwk_<keyId>_<secret>}. The key id is public and
 * finds the principal's row; only a hash of the whole token is stored. The same token serves as a
 * bearer token and as the password of HTTP Basic. Stateless; thread-safe.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("bwk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");

  private Tokens() {}

  /** A fresh token with 256 bits of secret. */
  public static String newToken() {
    byte[] id = new byte[10];
    RANDOM.nextBytes(id);
    StringBuilder keyId = new StringBuilder();
    for (byte b : id) {
      keyId.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "bwk_"
        + keyId.substring(0, 16)
        + "_"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The key id of a well-formed token. */
  public static Optional<String> keyId(String token) {
    var m = SHAPE.matcher(token);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
