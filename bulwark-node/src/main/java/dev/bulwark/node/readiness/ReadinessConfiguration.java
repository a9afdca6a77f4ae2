package dev.bulwark.node.readiness;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.readiness.coverage.ReadinessCalculator;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Force readiness in the node: the declarations store (its collection made at start) and the
 * calculator. {@code bulwark.readiness.planners} names the nations or groups of the alliance's
 * planners, who may read every unit the node stores (comma-separated; out of the box none beyond
 * the node's own nation, which reads what it stores as its origin). The beans are thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessConfiguration {

  @Bean
  DeclarationStore declarationStore(
      ObjectStore store,
      AccessPolicy policy,
      StixValidator validator,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.readiness.planners:}") String planners) {
    DeclarationStore declarations =
        new DeclarationStore(store, policy, validator, nation, codes(planners), Clock.systemUTC());
    declarations.ensureCollection();
    return declarations;
  }

  @Bean
  ReadinessCalculator readinessCalculator() {
    return ReadinessCalculator.nato();
  }

  static Set<String> codes(String list) {
    return Arrays.stream(list.split(","))
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
