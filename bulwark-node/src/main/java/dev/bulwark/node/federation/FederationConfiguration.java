package dev.bulwark.node.federation;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeLease;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.validation.StixValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The federation feature: peers, cursors and the service that exchanges with peers once the node is
 * up.
 */
@Configuration(proxyBeanMethods = false)
public class FederationConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  PeerStore peerStore(DataSource dataSource) {
    return new PeerStore(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  CursorStore cursorStore(DataSource dataSource) {
    return new CursorStore(dataSource);
  }

  @Bean(destroyMethod = "close")
  FederationService federationService(
      NodeLease lease,
      PeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      StixValidator validator,
      AccessPolicy policy,
      MeterRegistry registry,
      @Value("${bulwark.nation:EST}") String nation) {
    return new FederationService(
        peers,
        cursors,
        store,
        validator,
        policy,
        new FederationMetrics(registry),
        nation.toUpperCase(Locale.ROOT),
        lease::held);
  }

  @Bean
  FederationStarter federationStarter(
      FederationService service, @Value("${bulwark.federation.enabled:true}") boolean enabled) {
    return new FederationStarter(service, enabled);
  }

  /** Starts exchanging only when the node is ready to serve its peers in turn. */
  static final class FederationStarter {
    private final FederationService service;
    private final boolean enabled;

    FederationStarter(FederationService service, boolean enabled) {
      this.service = service;
      this.enabled = enabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
      if (enabled) {
        service.start();
      }
    }
  }
}
