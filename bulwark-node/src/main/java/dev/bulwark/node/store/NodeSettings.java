package dev.bulwark.node.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings the commands that do not start Spring need: the node's data folder, its nation and
 * its database. They come from the same places the node reads: system properties, then {@code
 * BULWARK_HOME/bulwark.properties}, then defaults ({@code ~/.bulwark}, nation EST, embedded H2).
 * Immutable.
 */
public record NodeSettings(
    Path home, String nation, String dbUrl, String dbUser, String dbPassword) {

  public static final String FILE_NAME = "bulwark.properties";

  /** Reads the settings for this process. */
  public static NodeSettings load() {
    return load(System.getenv(), System.getProperties());
  }

  /**
   * Reads the settings of the node whose data folder is {@code home} (as if bulwark.home named it).
   */
  public static NodeSettings load(Path home) {
    Properties system = new Properties();
    system.putAll(System.getProperties());
    system.setProperty("bulwark.home", home.toString());
    return load(System.getenv(), system);
  }

  static NodeSettings load(Map<String, String> env, Properties system) {
    Path home =
        Path.of(
            system.getProperty(
                "bulwark.home",
                env.getOrDefault("BULWARK_HOME", System.getProperty("user.home") + "/.bulwark")));
    Properties file = new Properties();
    Path settingsFile = home.resolve(FILE_NAME);
    if (Files.isRegularFile(settingsFile)) {
      try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
        file.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + settingsFile + ": " + e.getMessage(), e);
      }
    }
    String nation =
        pick(system, file, "bulwark.nation", env.getOrDefault("BULWARK_NATION", "EST"))
            .toUpperCase(Locale.ROOT);
    String url = pick(system, file, "spring.datasource.url", NodeDatabase.defaultUrl(home));
    String user = pick(system, file, "spring.datasource.username", "bulwark");
    String password = pick(system, file, "spring.datasource.password", "");
    return new NodeSettings(home, nation, url, user, password);
  }

  /**
   * Any other setting of the node, from the same places (system properties, then {@code
   * bulwark.properties}), e.g. {@code bulwark.tls.hostname}.
   */
  public String property(String key, String fallback) {
    String system = System.getProperty(key);
    if (system != null) {
      return system;
    }
    Path settingsFile = home.resolve(FILE_NAME);
    if (Files.isRegularFile(settingsFile)) {
      Properties file = new Properties();
      try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
        file.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + settingsFile + ": " + e.getMessage(), e);
      }
      return file.getProperty(key, fallback);
    }
    return fallback;
  }

  private static String pick(Properties system, Properties file, String key, String fallback) {
    return system.getProperty(key, file.getProperty(key, fallback));
  }

  @Override
  public String toString() {
    // the password stays out of logs and messages
    return "NodeSettings[home=" + home + ", nation=" + nation + ", dbUrl=" + dbUrl + "]";
  }
}
