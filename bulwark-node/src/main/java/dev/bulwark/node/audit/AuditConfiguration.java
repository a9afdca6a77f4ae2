package dev.bulwark.node.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's audit log. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {
  @Bean
  AuditLog auditLog(DataSource dataSource) {
    return new AuditLog(dataSource, Clock.systemUTC());
  }
}
