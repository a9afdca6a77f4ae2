package dev.bulwark.node.federation;

import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AuditLog;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The anchor exchange: this node's audit chain head sent to every peer every {@code
 * bulwark.audit.anchor-interval} (default 5 minutes), once the node is ready and federation is on.
 */
@Configuration(proxyBeanMethods = false)
public class AnchorConfiguration {

  @Bean(destroyMethod = "close")
  AnchorExchange anchorExchange(
      PeerStore peers,
      AuditLog audit,
      AnchorStore anchors,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.audit.anchor-interval:PT5M}") Duration interval) {
    return new AnchorExchange(peers, audit, anchors, nation.toUpperCase(Locale.ROOT), interval);
  }

  @Bean
  AnchorStarter anchorStarter(
      AnchorExchange exchange, @Value("${bulwark.federation.enabled:true}") boolean enabled) {
    return new AnchorStarter(exchange, enabled);
  }

  /** Starts sending anchors when the node is up, unless federation is off. */
  static final class AnchorStarter {
    private final AnchorExchange exchange;
    private final boolean enabled;

    AnchorStarter(AnchorExchange exchange, boolean enabled) {
      this.exchange = exchange;
      this.enabled = enabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
      if (enabled) {
        exchange.start();
      }
    }
  }
}
