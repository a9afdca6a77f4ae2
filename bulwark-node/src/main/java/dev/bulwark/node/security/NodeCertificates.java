package dev.bulwark.node.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A node's TLS certificate as administrators hand it to each other: the node's own certificate out
 * of its keystore (never the key), PEM in and out, and SHA-256 fingerprints ({@code sha256:HEX}) to
 * pin or to read aloud over the phone. Stateless; thread-safe.
 */
public final class NodeCertificates {
  /** How a pinned fingerprint is written. */
  public static final String SHA256 = "sha256:";

  private NodeCertificates() {}

  /**
   * This node's certificate: from the self-signed keystore in {@code home/tls}, made for {@code
   * hostname} when it does not exist yet (as {@code serve} would make it).
   */
  public static X509Certificate ownSelfSigned(Path home, String hostname) {
    Path dir = home.resolve("tls");
    String password = SelfSignedTls.ensure(dir, hostname);
    return fromKeyStore(dir.resolve(SelfSignedTls.KEYSTORE), "PKCS12", password, "bulwark");
  }

  /** The certificate under {@code alias} (or the first entry when null) of a keystore. */
  public static X509Certificate fromKeyStore(
      Path file, String type, String password, String alias) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
      store.load(in, password.toCharArray());
      String name = alias == null || alias.isBlank() ? store.aliases().nextElement() : alias;
      if (!(store.getCertificate(name) instanceof X509Certificate c)) {
        throw new IllegalArgumentException(file + " holds no certificate under '" + name + "'");
      }
      return c;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the keystore " + file + ": " + plain(e.getMessage()), e);
    }
  }

  /**
   * Reads one certificate from a PEM (or DER) file.
   *
   * @throws IllegalArgumentException with a plain reason when the file is missing, is not a
   *     certificate, or holds a private key (which must never leave its node)
   */
  public static X509Certificate readPem(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses the PEM text of a pinned certificate. */
  public static X509Certificate parsePem(String pem) {
    return parse(pem.getBytes(StandardCharsets.UTF_8), "the pinned certificate");
  }

  private static X509Certificate parse(byte[] bytes, String where) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.contains("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          where
              + " holds a private key: it must stay at its node. Ask the peer's admin for the"
              + " certificate alone: bulwark tls export-cert --out FILE");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(bytes));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException(
          where + " is not a certificate (expected PEM: -----BEGIN CERTIFICATE-----)", e);
    }
  }

  /** The certificate as PEM text. */
  public static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the certificate", e);
    }
  }

  /** The certificate's SHA-256 fingerprint, {@code sha256:} and lower-case hex. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return SHA256
          + HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint the certificate", e);
    }
  }

  /**
   * A fingerprint as an administrator may type it ({@code sha256:ab12...}, {@code AB:12:...}) in
   * the form {@link #fingerprint} writes.
   *
   * @throws IllegalArgumentException when it is not 32 bytes of hex
   */
  public static String normalizeFingerprint(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith(SHA256)) {
      t = t.substring(SHA256.length());
    }
    t = t.replace(":", "");
    if (!t.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "a fingerprint is the certificate's SHA-256 in hex (64 digits, colons allowed), as"
              + " bulwark tls export-cert prints it");
    }
    return SHA256 + t;
  }

  /** A library's message without a leading exception class name. */
  private static String plain(String message) {
    if (message == null) {
      return "unreadable";
    }
    return message.replaceAll("^([a-z]+\\.)+[A-Za-z]+(Exception|Error): ", "");
  }
}
