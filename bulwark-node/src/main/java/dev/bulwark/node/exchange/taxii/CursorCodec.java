package dev.bulwark.node.exchange.taxii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code next} token of TAXII paging: the store position (the date_added of the last row
 * scanned) signed with HMAC-SHA256 over the position, the principal and the request's filters. A
 * token that was altered, forged or replayed with other filters or by another principal does not
 * verify. Thread-safe.
 */
final class CursorCodec {
  private static final int TAG_BYTES = 16;
  private final byte[] key;

  CursorCodec(byte[] key) {
    this.key = key.clone();
  }

  String encode(long position, String binding) {
    return Long.toString(position, 36) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag(position, binding));
  }

  /** The position in a token made by {@link #encode} with the same binding; empty otherwise. */
  Optional<Long> decode(String token, String binding) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 100) {
      return Optional.empty();
    }
    try {
      long position = Long.parseLong(token.substring(0, dot), 36);
      byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      return MessageDigest.isEqual(given, tag(position, binding)) && position >= 0
          ? Optional.of(position)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] tag(long position, String binding) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((position + "\n" + binding).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
