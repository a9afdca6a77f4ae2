package dev.bulwark.node.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the node's audit chain, kept in a file outside the database ({@code
 * BULWARK_HOME/audit.key}, created once with permissions 0600), so that whoever can write the
 * database cannot recompute the chain. The file holds the record number from which on every record
 * must be keyed ({@code keyed-from}) and one or more HMAC-SHA256 keys, oldest first; the last one
 * links new records (a rotation adds a key, old records keep verifying with theirs). A key is named
 * by an id derived from it, which each record stores. Losing the file means the records linked with
 * its keys can no longer be verified. Immutable; thread-safe.
 */
public final class AuditKeyring {
  public static final String FILE_NAME = "audit.key";
  private static final String HEADER =
      "# Bulwark audit chain keys (HMAC-SHA256), oldest first; the last links new records.\n"
          + "# Secret: whoever holds this file and the database can rewrite the audit log.\n"
          + "# Back it up apart from the database; without it, keyed records cannot be verified.\n";

  private final Path file;
  private final long keyedFrom;
  private final List<Key> keys;

  /** One key: its id (16 hex digits derived from the secret) and the secret. */
  public record Key(String id, byte[] secret) {}

  private AuditKeyring(Path file, long keyedFrom, List<Key> keys) {
    this.file = file;
    this.keyedFrom = keyedFrom;
    this.keys = List.copyOf(keys);
  }

  /** The keyring in {@code file}, or empty when there is no such file. */
  public static Optional<AuditKeyring> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      long keyedFrom = -1;
      List<Key> keys = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] f = line.trim().split("\\s+");
        if (line.isBlank() || f[0].startsWith("#")) {
          continue;
        }
        if (f[0].equals("keyed-from") && f.length == 2) {
          keyedFrom = Long.parseLong(f[1]);
        } else if (f[0].equals("key") && f.length >= 3) {
          byte[] secret = Base64.getDecoder().decode(f[2]);
          if (secret.length < 32 || !idOf(secret).equals(f[1])) {
            throw new IllegalStateException(file + ": key " + f[1] + " is damaged");
          }
          keys.add(new Key(f[1], secret));
        } else {
          throw new IllegalStateException(file + ": cannot read line '" + f[0] + " ...'");
        }
      }
      if (keyedFrom < 1 || keys.isEmpty()) {
        throw new IllegalStateException(file + " holds no key or no keyed-from line");
      }
      return Optional.of(new AuditKeyring(file, keyedFrom, keys));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the audit key " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Creates {@code file} with one new key, keyed from record {@code keyedFrom}; fails with {@link
   * FileAlreadyExistsException} when another process made it first.
   */
  public static AuditKeyring create(Path file, long keyedFrom) throws IOException {
    AuditKeyring ring = new AuditKeyring(file, keyedFrom, List.of(newKey()));
    Path tmp = ring.writeTemp();
    try {
      // a hard link appears whole or not at all, and never replaces a key file another process made
      Files.createLink(file, tmp);
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return ring;
  }

  /**
   * A new keyring with one more key, which links records from now on; the file is replaced whole.
   */
  public AuditKeyring rotated() throws IOException {
    List<Key> more = new ArrayList<>(keys);
    more.add(newKey());
    AuditKeyring ring = new AuditKeyring(file, keyedFrom, more);
    Path tmp = ring.writeTemp();
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return ring;
  }

  public Path file() {
    return file;
  }

  /** The first record that must be keyed; records before it may be plain SHA-256 (older nodes). */
  public long keyedFrom() {
    return keyedFrom;
  }

  /** The key that links new records. */
  public Key current() {
    return keys.get(keys.size() - 1);
  }

  /**
   * Whether this keyring holds the other's keys, in the same order, and is keyed from the same
   * record.
   */
  public boolean extendsKeys(AuditKeyring other) {
    if (other.keyedFrom != keyedFrom || other.keys.size() > keys.size()) {
      return false;
    }
    for (int i = 0; i < other.keys.size(); i++) {
      if (!other.keys.get(i).id().equals(keys.get(i).id())) {
        return false;
      }
    }
    return true;
  }

  /** The position of the key with this id (0 = oldest), or -1 when the file does not hold it. */
  public int indexOf(String keyId) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).id().equals(keyId)) {
        return i;
      }
    }
    return -1;
  }

  /** HMAC-SHA256 of the message under the key with this id, hex. */
  public String mac(String keyId, byte[] message) {
    int i = indexOf(keyId);
    if (i < 0) {
      throw new IllegalArgumentException("no audit key " + keyId + " in " + file);
    }
    return mac(keys.get(i).secret(), message);
  }

  static String mac(byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Key newKey() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new Key(idOf(secret), secret);
  }

  /**
   * A key's id: the first 8 bytes of a SHA-256 over a label and the key; says nothing of the key.
   */
  static String idOf(byte[] secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("bulwark audit key id\0".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(d.digest(secret), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes this keyring to a new file beside {@code file}, readable by its owner only. */
  private Path writeTemp() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp;
    try {
      FileAttribute<?> ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      tmp = Files.createTempFile(dir, ".audit-key-", ".tmp", ownerOnly);
    } catch (UnsupportedOperationException e) {
      // not POSIX: the folder's permissions protect it
      tmp = Files.createTempFile(dir, ".audit-key-", ".tmp");
    }
    StringBuilder text =
        new StringBuilder(HEADER).append("keyed-from ").append(keyedFrom).append('\n');
    for (Key k : keys) {
      text.append("key ")
          .append(k.id())
          .append(' ')
          .append(Base64.getEncoder().encodeToString(k.secret()))
          .append('\n');
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    return tmp;
  }
}
