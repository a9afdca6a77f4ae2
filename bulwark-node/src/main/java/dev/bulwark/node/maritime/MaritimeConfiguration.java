package dev.bulwark.node.maritime;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.maritime.alerts.IncidentLedger;
import dev.bulwark.node.maritime.alerts.NodeMarkings;
import dev.bulwark.node.security.NodeOwnedCollections;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NodeLease;
import dev.bulwark.node.store.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The maritime feature's beans: the infrastructure layer, the incident ledger over the store and
 * the live watch with its metrics. On unless {@code bulwark.maritime.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaritimeProperties.class)
@ConditionalOnProperty(
    name = "bulwark.maritime.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class MaritimeConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MaritimeConfiguration.class);

  @Bean
  InfrastructureLayer maritimeInfrastructure(MaritimeProperties p) {
    GeoJsonInfrastructure.Load load =
        p.infrastructure().isEmpty()
            ? GeoJsonInfrastructure.baltic()
            : GeoJsonInfrastructure.read(Path.of(p.infrastructure()));
    load.problems().forEach(x -> LOG.warn("infrastructure layer: {}", x));
    return load.layer();
  }

  @Bean
  IncidentLedger incidentLedger(
      MaritimeProperties p,
      ObjectStore store,
      InfrastructureLayer layer,
      @Value("${bulwark.nation:EST}") String nation,
      ObjectProvider<NodeOwnedCollections> nodeOwned) {
    String n = nation.toUpperCase(Locale.ROOT);
    nodeOwned.ifAvailable(
        t -> {
          // the alerts collection accepts writes from the node and its peers only
          // (docs/markings.md)
          if (!t.contains(p.collection())) {
            throw new IllegalStateException(
                "bulwark.maritime.collection="
                    + p.collection()
                    + " must be node-owned: add it to bulwark.taxii.node-owned (now "
                    + t.setting()
                    + ")");
          }
        });
    store.ensureCollection(
        new CollectionInfo(
            p.collection(),
            "Maritime alerts",
            "Undersea-infrastructure alerts of the maritime watch, as STIX incidents",
            Set.of()));
    String identity = MaritimeExtension.id("identity", "node|" + n);
    return new IncidentLedger(
        store,
        p.collection(),
        n,
        NodeMarkings.of(p.markingRefList(), p.tlp(), p.releasableToList(), identity),
        layer,
        System::currentTimeMillis);
  }

  @Bean
  MaritimeWatch maritimeWatch(
      MaritimeProperties p,
      InfrastructureLayer layer,
      IncidentLedger ledger,
      NodeLease lease,
      ObjectProvider<MeterRegistry> registry) {
    // of a nation's processes over one PostgreSQL, only the lease holder watches (README)
    MaritimeWatch watch = new MaritimeWatch(p, layer, ledger, lease::held);
    registry.ifAvailable(r -> new MaritimeMetrics(r, watch));
    return watch;
  }
}
