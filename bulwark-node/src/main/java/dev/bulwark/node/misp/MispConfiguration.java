package dev.bulwark.node.misp;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeLease;
import dev.bulwark.node.store.ObjectStore;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The MISP bridge in the node: its tables, the link's audience settings ({@link MispLinkSettings}),
 * the feed builder behind {@link MispFeedController}, and the MISP peers' pulls, started with
 * federation once the node is ready.
 */
@Configuration(proxyBeanMethods = false)
public class MispConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  MispStore mispStore(DataSource dataSource) {
    return new MispStore(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  MispPeerStore mispPeerStore(DataSource dataSource) {
    return new MispPeerStore(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  MispRefusals mispRefusals(DataSource dataSource) {
    return new MispRefusals(dataSource);
  }

  @Bean
  AudienceSettings mispAudienceSettings(
      Environment environment, @Value("${bulwark.nation:EST}") String nation) {
    return MispLinkSettings.load(
        nation.toUpperCase(Locale.ROOT), (key, fallback) -> environment.getProperty(key, fallback));
  }

  @Bean
  MispFeeds mispFeeds(
      ObjectStore store, AccessPolicy policy, MispStore misp, AudienceSettings settings) {
    return new MispFeeds(store, policy, misp, settings);
  }

  @Bean(destroyMethod = "close")
  MispFederation mispFederation(
      MispPeerStore peers,
      CursorStore cursors,
      ObjectStore store,
      MispStore misp,
      MispRefusals refusals,
      AudienceSettings settings,
      NodeLease lease) {
    return new MispFederation(peers, cursors, store, misp, refusals, settings, lease::held);
  }

  @Bean
  MispStarter mispStarter(
      MispFederation federation, @Value("${bulwark.federation.enabled:true}") boolean enabled) {
    return new MispStarter(federation, enabled);
  }

  /** Starts the MISP pulls when the node is ready, as federation starts. */
  static final class MispStarter {
    private final MispFederation federation;
    private final boolean enabled;

    MispStarter(MispFederation federation, boolean enabled) {
      this.federation = federation;
      this.enabled = enabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
      if (enabled) {
        federation.start();
      }
    }
  }
}
