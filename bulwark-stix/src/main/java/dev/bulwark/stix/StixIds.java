package dev.bulwark.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifier helpers: random (UUIDv4) and name-based (UUIDv5) STIX identifiers, and the RFC 4122
 * checks of STIX 2.1 section 2.9. Stateless and thread-safe.
 */
public final class StixIds {

  /** The namespace of deterministic SCO identifiers (STIX 2.1 section 2.9). */
  public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  private StixIds() {}

  /**
   * A new random identifier.
   *
   * @param type the object type
   * @return {@code type--<UUIDv4>}
   */
  public static String random(String type) {
    return type + "--" + UUID.randomUUID();
  }

  /**
   * A name-based UUID (version 5, SHA-1) as defined by RFC 4122 section 4.3.
   *
   * @param namespace the namespace
   * @param name the name, encoded as UTF-8
   * @return the UUID
   */
  public static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-1", e);
    }
    byte[] ns = new byte[16];
    long msb = namespace.getMostSignificantBits();
    long lsb = namespace.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      ns[i] = (byte) (msb >>> (56 - 8 * i));
      ns[8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
    sha1.update(ns);
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    long m = 0;
    long l = 0;
    for (int i = 0; i < 8; i++) {
      m = (m << 8) | (h[i] & 0xff);
      l = (l << 8) | (h[8 + i] & 0xff);
    }
    return new UUID(m, l);
  }

  /**
   * Whether the text is a UUID in the canonical 8-4-4-4-12 lower- or upper-case hexadecimal form.
   *
   * @param s the text
   * @return true when well formed
   */
  public static boolean isUuidForm(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The RFC 4122 version of a well-formed UUID text, or -1 when its variant is not RFC 4122.
   *
   * @param uuid a text for which {@link #isUuidForm} holds
   * @return 1 to 5 (or other version nibble values), -1 when the variant is not RFC 4122
   */
  public static int rfc4122Version(String uuid) {
    char variant = Character.toLowerCase(uuid.charAt(19));
    if (variant != '8' && variant != '9' && variant != 'a' && variant != 'b') {
      return -1;
    }
    return Character.digit(uuid.charAt(14), 16);
  }

  /**
   * Whether the text has the form {@code type--UUID} with a well-formed UUID.
   *
   * @param id the identifier
   * @return true when well formed
   */
  public static boolean isIdentifier(String id) {
    int sep = id.lastIndexOf("--");
    return sep > 0 && isUuidForm(id.substring(sep + 2));
  }

  /**
   * The type part of an identifier, or {@code ""} when it has no {@code --}.
   *
   * @param id the identifier
   * @return the type part
   */
  public static String typeOf(String id) {
    int sep = id.lastIndexOf("--");
    return sep > 0 ? id.substring(0, sep) : "";
  }
}
