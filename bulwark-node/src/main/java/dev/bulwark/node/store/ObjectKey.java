package dev.bulwark.node.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The object store's compact key for a STIX identifier: the first 64 bits of the SHA-256 of the
 * identifier's UTF-8 bytes, stored in {@code stix_objects.id_key}. The store finds rows by
 * identifier through this number instead of an index over the identifier strings, which H2 had to
 * rewrite page by page on every save (see {@code V9__object_keys}). Several identifiers may share a
 * key, so every reader compares the identifier itself as well; a cryptographic digest makes it
 * impractical to fill one key with many crafted identifiers and so slow down the lookups of
 * another. The function is part of the stored data: changing it needs a migration that recomputes
 * the column.
 *
 * <p>Thread-safe (one digest per thread).
 */
public final class ObjectKey {
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  private ObjectKey() {}

  /** The key of a STIX identifier. */
  public static long of(String objectId) {
    byte[] digest = SHA_256.get().digest(objectId.getBytes(StandardCharsets.UTF_8));
    long key = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      key = (key << 8) | (digest[i] & 0xff);
    }
    return key;
  }
}
