package dev.bulwark.node.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.bulwark.node.readiness.DeclarationStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.validation.StixValidator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The node's declarations store opened on its database for the readiness commands, with the
 * planners of {@code bulwark.readiness.planners} (system property, else {@code
 * BULWARK_HOME/bulwark.properties}). Not thread-safe.
 */
final class ReadinessStores {
  private ReadinessStores() {}

  /**
   * Keeps Flyway's warnings (e.g. about a newer H2 than it was verified with) off the output, which
   * {@code --json} readers parse; the node's own log still has them.
   */
  static void quietMigrations() {
    if (LoggerFactory.getLogger("org.flywaydb") instanceof Logger flyway) {
      flyway.setLevel(Level.ERROR);
    }
  }

  static DeclarationStore open(NodeStores stores) {
    NodeSettings settings = stores.settings;
    ObjectStore store = new ObjectStore(stores.dataSource, Clock.systemUTC());
    return new DeclarationStore(
        store,
        new AccessPolicy(store),
        new StixValidator(),
        settings.nation(),
        planners(settings.home()),
        Clock.systemUTC());
  }

  static Set<String> planners(Path home) {
    String value = System.getProperty("bulwark.readiness.planners");
    Path file = home.resolve(NodeSettings.FILE_NAME);
    if (value == null && Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
      value = p.getProperty("bulwark.readiness.planners");
    }
    return Arrays.stream((value == null ? "" : value).split(","))
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
