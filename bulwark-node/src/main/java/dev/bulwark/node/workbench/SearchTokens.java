package dev.bulwark.node.workbench;

import dev.bulwark.node.store.SearchQuery.Hit;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The search's {@code next} token: where the previous page stopped (a date added and a modified
 * instant), encrypted and authenticated with AES-GCM under a key made at start, bound to the
 * principal and the query (as associated data). A reader learns nothing from it (not even a
 * position it may not see), and a token that was changed, made for another principal or another
 * query, or made before the node restarted does not open: the search answers 400. Thread-safe.
 */
final class SearchTokens {
  private static final int IV = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  SearchTokens() {
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(256);
      this.key = g.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES", e);
    }
  }

  String seal(Hit after, String principal, String query) {
    try {
      byte[] iv = new byte[IV];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(binding(principal, query));
      byte[] sealed =
          c.doFinal(
              ByteBuffer.allocate(16)
                  .putLong(after.dateAddedMicros())
                  .putLong(after.modifiedMicros())
                  .array());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a search token", e);
    }
  }

  /** Where the page starts; empty when the token is not one this node made for this query. */
  Optional<Hit> open(String token, String principal, String query) {
    try {
      byte[] all = Base64.getUrlDecoder().decode(token);
      if (all.length != IV + 16 + TAG_BITS / 8) {
        return Optional.empty();
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV));
      c.updateAAD(binding(principal, query));
      ByteBuffer plain = ByteBuffer.wrap(c.doFinal(all, IV, all.length - IV));
      return Optional.of(new Hit(plain.getLong(), plain.getLong()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static byte[] binding(String principal, String query) {
    return (principal + '\n' + query).getBytes(StandardCharsets.UTF_8);
  }
}
