package dev.bulwark.node.cyber;

import dev.bulwark.cyber.warninglist.Warninglists;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodeOwnedCollections;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cyber feature's beans: the sightings collection (node-owned: only the node and its peers
 * write it), the per-reader indicator indexes, the sighting writer and reads, the intake. On unless
 * {@code bulwark.cyber.enabled=false}. When {@code bulwark.cyber.kafka.bootstrap} is set, the
 * node's side of the Kafka scale-out runs (indicators and sensors published, the workers' sighting
 * deltas stored); the sensor logs of {@code bulwark.cyber.feeds} (files followed, TCP ports) are
 * read at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CyberProperties.class,
  CyberKafkaProperties.class,
  SensorFeedProperties.class
})
@ConditionalOnProperty(name = "bulwark.cyber.enabled", havingValue = "true", matchIfMissing = true)
public class CyberConfiguration {
  private static final LongSupplier NOW_MICROS = () -> System.currentTimeMillis() * 1000;

  @Bean
  IndicatorIndexes cyberIndicatorIndexes(
      CyberProperties p,
      ObjectStore store,
      AccessPolicy policy,
      ObjectProvider<NodeOwnedCollections> nodeOwned) {
    nodeOwned.ifAvailable(
        t -> {
          if (!t.contains(p.collection())) {
            throw new IllegalStateException(
                "bulwark.cyber.collection="
                    + p.collection()
                    + " must be node-owned: add it to bulwark.taxii.node-owned (now "
                    + t.setting()
                    + ")");
          }
        });
    store.ensureCollection(
        new CollectionInfo(
            p.collection(),
            "Sightings",
            "Matches of indicators at sensors of critical-infrastructure operators (STIX sightings)",
            Set.of()));
    return new IndicatorIndexes(store, policy, p, warninglists(p), NOW_MICROS);
  }

  @Bean
  SightingWriter cyberSightingWriter(CyberProperties p, ObjectStore store) {
    return new SightingWriter(store, p.collection(), NOW_MICROS);
  }

  @Bean
  SightingReads cyberSightingReads(CyberProperties p, ObjectStore store, AccessPolicy policy) {
    return new SightingReads(store, policy, p);
  }

  @Bean
  CyberIntake cyberIntake(CyberProperties p, IndicatorIndexes indexes, SightingWriter writer) {
    return new CyberIntake(indexes, writer, p);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "bulwark.cyber.kafka.bootstrap")
  IndicatorPublisher cyberIndicatorPublisher(
      CyberKafkaProperties k,
      IndicatorIndexes indexes,
      PrincipalStore principals,
      ObjectStore store,
      CyberProperties p) {
    return new IndicatorPublisher(k, indexes, principals, store, p).start();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "bulwark.cyber.kafka.bootstrap")
  SightingDeltas cyberSightingDeltas(
      CyberKafkaProperties k,
      CyberProperties p,
      IndicatorIndexes indexes,
      SightingWriter writer,
      CyberIntake intake,
      PrincipalStore principals,
      ObjectStore store,
      AccessPolicy policy) {
    return new SightingDeltas(k, p, indexes, writer, intake, principals, store, policy).start();
  }

  @Bean(destroyMethod = "close")
  SensorFeeds cyberSensorFeeds(
      CyberIntake intake,
      PrincipalStore principals,
      SensorFeedProperties feeds,
      @Value("${bulwark.home}") String home)
      throws IOException {
    return new SensorFeeds(intake, principals, feeds, FeedPositions.in(Path.of(home))).start();
  }

  private static Warninglists warninglists(CyberProperties p) {
    Warninglists lists = new Warninglists();
    for (String file : p.warninglists()) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        lists.add(in);
      } catch (IOException e) {
        throw new UncheckedIOException("bulwark.cyber.warninglists: " + file, e);
      }
    }
    return lists;
  }
}
