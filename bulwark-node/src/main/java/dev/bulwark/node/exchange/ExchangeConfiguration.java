package dev.bulwark.node.exchange;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intelligence-exchange feature's shared pieces: the STIX codec and validator and the object
 * store over the node's data source (whose schema Flyway has brought up to date).
 */
@Configuration(proxyBeanMethods = false)
public class ExchangeConfiguration {

  @Bean
  StixCodec stixCodec() {
    return new StixCodec();
  }

  @Bean
  StixValidator stixValidator() {
    return new StixValidator();
  }

  @Bean
  ObjectStore objectStore(DataSource dataSource, org.flywaydb.core.Flyway flyway) {
    // depends on Flyway so that the schema exists before the store reads its last date_added
    return new ObjectStore(dataSource, Clock.systemUTC());
  }

  @Bean
  StixImporter stixImporter(StixCodec codec, StixValidator validator, ObjectStore store) {
    return new StixImporter(codec, validator, store);
  }
}
