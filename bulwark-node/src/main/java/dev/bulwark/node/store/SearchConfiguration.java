package dev.bulwark.node.store;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workbench search's wiring: PostgreSQL's full-text search when the node's database is
 * PostgreSQL, else Apache Lucene in {@code <bulwark.home>/search} (in memory for an in-memory H2).
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  ObjectRows objectRows(DataSource dataSource) {
    return new ObjectRows(dataSource);
  }

  @Bean(destroyMethod = "close")
  @DependsOnDatabaseInitialization
  SearchIndex searchIndex(
      ObjectRows rows,
      SearchAudience audience,
      @Value("${spring.datasource.url}") String url,
      @Value("${bulwark.home}") String home) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresSearchIndex(rows, audience);
    }
    Optional<Path> folder =
        url.startsWith("jdbc:h2:mem:") ? Optional.empty() : Optional.of(Path.of(home, "search"));
    return new LuceneSearchIndex(rows, folder, audience);
  }
}
