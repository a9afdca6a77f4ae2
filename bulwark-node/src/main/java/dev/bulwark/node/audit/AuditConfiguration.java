package dev.bulwark.node.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's audit log, keyed with {@code BULWARK_HOME/audit.key}, and the anchors exchanged with
 * peers.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {
  @Bean
  @DependsOnDatabaseInitialization
  AuditLog auditLog(
      DataSource dataSource,
      @Value("${bulwark.home}") String home,
      @Value("${bulwark.nation:EST}") String nation) {
    return AuditLog.open(
        dataSource,
        Clock.systemUTC(),
        Path.of(home).resolve(AuditKeyring.FILE_NAME),
        nation.toUpperCase(Locale.ROOT));
  }

  @Bean
  @DependsOnDatabaseInitialization
  AnchorStore anchorStore(DataSource dataSource) {
    return new AnchorStore(dataSource);
  }
}
