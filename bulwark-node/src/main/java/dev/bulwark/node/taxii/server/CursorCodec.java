package dev.bulwark.node.taxii.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code next} token of TAXII paging. The store position (the date_added of the last row
 * scanned, which is often a row the caller may not see) is encrypted with AES-256-GCM under a key
 * derived from the node's cursor key; the binding (principal, collection, endpoint and filters) is
 * the associated data. A token therefore reveals nothing, and one that was altered, forged, or
 * replayed by another principal, for another collection or with other filters does not decrypt: the
 * caller gets the same 400 as for a malformed one.
 *
 * <p>Token: base64url (no padding) of a version byte, a random 96-bit nonce and the ciphertext with
 * its 128-bit tag. Thread-safe (a new {@link Cipher} per call; {@link SecureRandom} is
 * thread-safe).
 */
final class CursorCodec {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int TOKEN_BYTES = 1 + NONCE_BYTES + Long.BYTES + TAG_BITS / 8;

  /** Separates this key's use from any other use of the node's cursor key file. */
  private static final String KEY_PURPOSE = "bulwark taxii next token, AES-256-GCM, v1";

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param nodeKey the node's secret (the key file in BULWARK_HOME, or the configured secret)
   */
  CursorCodec(byte[] nodeKey) {
    this.key = new SecretKeySpec(derive(nodeKey), "AES");
  }

  String encode(long position, String binding) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(binding));
      byte[] sealed = cipher.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
      ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES).put(VERSION).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The position in a token made by {@link #encode} with the same binding; empty otherwise. */
  Optional<Long> decode(String token, String binding) {
    if (token.length() > 64) {
      return Optional.empty();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != TOKEN_BYTES || raw[0] != VERSION) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
      cipher.updateAAD(aad(binding));
      byte[] plain = cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
      long position = ByteBuffer.wrap(plain).getLong();
      return position >= 0 ? Optional.of(position) : Optional.empty();
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private static byte[] aad(String binding) {
    return binding.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] derive(byte[] nodeKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(nodeKey, "HmacSHA256"));
      return mac.doFinal(KEY_PURPOSE.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
