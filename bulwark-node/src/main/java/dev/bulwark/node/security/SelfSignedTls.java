package dev.bulwark.node.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns HTTPS on with a self-signed certificate made on first start (for the demo, or whenever
 * {@code bulwark.tls.self-signed=true}), kept in {@code BULWARK_HOME/tls/} and reused afterwards. A
 * keystore configured with {@code server.ssl.*} always wins. The certificate is made by the JDK's
 * own keytool, so no extra library is needed. TLS 1.3 and 1.2 only. Runs once per start; not
 * thread-safe.
 */
public final class SelfSignedTls implements EnvironmentPostProcessor {
  static final String KEYSTORE = "node.p12";
  static final String PASSWORD_FILE = "node.pass";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    boolean demo = env.getProperty("bulwark.demo", Boolean.class, false);
    boolean selfSigned = env.getProperty("bulwark.tls.self-signed", Boolean.class, demo);
    if (!selfSigned
        || env.containsProperty("server.ssl.key-store")
        || env.containsProperty("server.ssl.bundle")) {
      return;
    }
    String home = env.getProperty("bulwark.home");
    if (home == null) {
      return;
    }
    Path dir = Path.of(home).resolve("tls");
    String password = ensure(dir, env.getProperty("bulwark.tls.hostname", defaultHostname()));
    Map<String, Object> ssl = new HashMap<>();
    ssl.put("server.ssl.enabled", "true");
    ssl.put("server.ssl.key-store", dir.resolve(KEYSTORE).toAbsolutePath().toString());
    ssl.put("server.ssl.key-store-type", "PKCS12");
    ssl.put("server.ssl.key-store-password", password);
    ssl.put("server.ssl.key-alias", "bulwark");
    ssl.put("server.ssl.enabled-protocols", "TLSv1.3,TLSv1.2");
    env.getPropertySources().addLast(new MapPropertySource("bulwark-self-signed-tls", ssl));
  }

  /**
   * The name the certificate is made for when {@code bulwark.tls.hostname} is not set: this
   * machine's host name (the certificate also names localhost and 127.0.0.1).
   */
  public static String defaultHostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.matches("[A-Za-z0-9.-]+") ? name : "localhost";
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Makes the keystore unless it exists; returns its password.
   *
   * @throws IllegalStateException when keytool is missing or fails
   */
  public static String ensure(Path dir, String hostname) {
    Path keystore = dir.resolve(KEYSTORE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    try {
      if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(dir);
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Files.deleteIfExists(keystore);
      Process p =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genkeypair",
                      "-alias",
                      "bulwark",
                      "-keyalg",
                      "EC",
                      "-groupname",
                      "secp256r1",
                      "-sigalg",
                      "SHA256withECDSA",
                      "-validity",
                      "825",
                      "-dname",
                      "CN=" + hostname + ", O=Bulwark node",
                      "-ext",
                      hostname.equals("localhost")
                          ? "SAN=dns:localhost,ip:127.0.0.1"
                          : "SAN=dns:" + hostname + ",dns:localhost,ip:127.0.0.1",
                      "-keystore",
                      keystore.toString(),
                      "-storetype",
                      "PKCS12",
                      "-storepass",
                      password,
                      "-keypass",
                      password))
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool could not make the self-signed certificate: " + output);
      }
      Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions protect the files
      }
      return password;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot make the self-signed certificate in " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making the self-signed certificate", e);
    }
  }
}
