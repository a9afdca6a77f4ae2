package dev.bulwark.node.store;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object store's wiring: the STIX codec and validator and the object store over the node's data
 * source (whose schema Flyway has brought up to date), and the node lease that decides which of a
 * nation's processes runs the once-only work (federation, the maritime watch).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  @Bean
  StixCodec stixCodec() {
    return new StixCodec();
  }

  @Bean
  StixValidator stixValidator() {
    return new StixValidator();
  }

  @Bean
  @DependsOnDatabaseInitialization // Flyway first: the store reads its last date_added at start
  ObjectStore objectStore(DataSource dataSource) {
    return new ObjectStore(dataSource, Clock.systemUTC());
  }

  @Bean
  StixImporter stixImporter(StixCodec codec, StixValidator validator, ObjectStore store) {
    return new StixImporter(codec, validator, store);
  }

  /**
   * Which of a nation's processes over one PostgreSQL runs federation and the maritime watch
   * (always this one on H2): one lease for both, so that they run in the same process.
   */
  @Bean(destroyMethod = "close")
  NodeLease nodeLease(
      @Value("${spring.datasource.url}") String url,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password) {
    return new NodeLease(url, user, password, "bulwark-node-once-only-work");
  }
}
