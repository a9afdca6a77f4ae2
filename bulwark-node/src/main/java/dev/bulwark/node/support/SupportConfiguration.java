package dev.bulwark.node.support;

import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.ally.EconomicSeries;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Support planning in the node: the ledger, requirements, offers and publications in the node's
 * database, the library's data, and the publisher. {@code bulwark.support.gni-file} may name a
 * World Bank CSV of GNI (current US$, long shape {@code Country Name,Country Code,Year,Value}) to
 * offer GNI as a burden key besides the bundled GDP; a file with bad rows stops the node, naming
 * them. The beans it makes are thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class SupportConfiguration {

  @Bean
  ContributionStore contributionStore(DataSource dataSource) {
    return new ContributionStore(dataSource, Clock.systemUTC());
  }

  @Bean
  PlanningStore planningStore(DataSource dataSource) {
    return new PlanningStore(dataSource, Clock.systemUTC());
  }

  @Bean
  PublicationStore publicationStore(DataSource dataSource) {
    return new PublicationStore(dataSource);
  }

  @Bean
  SupportPlanner supportPlanner(@Value("${bulwark.support.gni-file:}") String gniFile)
      throws IOException {
    Optional<EconomicSeries> gni = Optional.empty();
    if (!gniFile.isBlank()) {
      Path file = Path.of(gniFile.trim());
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        EconomicSeries.Loaded loaded = EconomicSeries.read(BurdenKey.GNI, in, file.toString());
        if (!loaded.errors().isEmpty()) {
          throw new IllegalStateException(
              "bulwark.support.gni-file "
                  + file
                  + ": "
                  + loaded.errors().size()
                  + " bad rows, e.g. "
                  + loaded.errors().subList(0, Math.min(5, loaded.errors().size())));
        }
        gni = Optional.of(loaded.series());
      }
    }
    return SupportPlanner.standard(gni);
  }

  @Bean
  ReportPublisher reportPublisher(
      PublicationStore publications,
      ObjectStore store,
      SupportPlanner planner,
      StixValidator validator,
      @Value("${bulwark.nation:EST}") String nation) {
    return new ReportPublisher(publications, store, planner, validator, nation);
  }
}
