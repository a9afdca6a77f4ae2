package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.NodeOwnedCollections;
import dev.bulwark.node.store.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The TAXII 2.1 server's parts: the collection map, the status table, the key that encrypts paging
 * tokens and the intake of POSTed envelopes. (The object store itself comes from the store
 * configuration.) The resources themselves are one controller each, TAXII 2.1 sections 4 and 5:
 * {@link DiscoveryController}, {@link ApiRootController}, {@link StatusController}, {@link
 * CollectionsController}, {@link ManifestController}, {@link ObjectsController}, {@link
 * VersionsController}; {@link TaxiiErrors} answers their failures.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaxiiProperties.class)
public class TaxiiConfiguration {

  @Bean
  TaxiiCollections taxiiCollections(ObjectStore store, TaxiiProperties properties) {
    TaxiiCollections c = new TaxiiCollections(store, properties);
    c.ensureConfigured();
    return c;
  }

  /** The node-owned collections, for the features that publish as the node to check theirs. */
  @Bean
  NodeOwnedCollections nodeOwnedCollections(TaxiiProperties properties) {
    return new NodeOwnedCollections(properties.nodeOwnedCollections(), properties.nodeOwned());
  }

  /**
   * The intake of POSTed envelopes: one for the node, since its memory budget is shared by every
   * POST (the API root resource reads its max_content_length).
   */
  @Bean
  EnvelopeIntake taxiiEnvelopeIntake(TaxiiProperties properties) {
    return new EnvelopeIntake(properties, TaxiiResponses.JSON);
  }

  @Bean
  StatusStore taxiiStatusStore(DataSource dataSource) {
    return new StatusStore(dataSource);
  }

  @Bean
  CursorCodec taxiiCursorCodec(TaxiiProperties properties, @Value("${bulwark.home}") String home)
      throws IOException {
    if (!properties.cursorSecret().isEmpty()) {
      return new CursorCodec(properties.cursorSecret().getBytes(StandardCharsets.UTF_8));
    }
    // Kept in BULWARK_HOME, outside the database, so that next tokens stay valid across a restart
    // and
    // someone who can read the database cannot read or forge them.
    Path file = Path.of(home).resolve("taxii-cursor.key");
    if (!Files.isRegularFile(file)) {
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        // created owner-only from the first byte, not made private after being written
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the folder's permissions protect it
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
    }
    return new CursorCodec(
        Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
  }
}
