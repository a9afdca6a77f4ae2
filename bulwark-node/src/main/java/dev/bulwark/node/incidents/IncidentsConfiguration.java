package dev.bulwark.node.incidents;

import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register feature: its collection {@code incidents} (created at start, so TAXII serves it and
 * peers can pull and push it like any collection), its reads, writes and actions.
 */
@Configuration(proxyBeanMethods = false)
public class IncidentsConfiguration {

  /** The register's collection, as TAXII and federation see it. */
  public static final CollectionInfo COLLECTION =
      new CollectionInfo(
          RegisterReads.COLLECTION,
          "Hostile-act register",
          "Hybrid acts, attributions, measured responses and campaigns (issue 16)",
          Set.of());

  @Bean
  @DependsOnDatabaseInitialization
  RegisterReads registerReads(
      ObjectStore store, AccessPolicy policy, @Value("${bulwark.nation:EST}") String nation) {
    store.ensureCollection(COLLECTION);
    // the extension-definitions (TLP:CLEAR) travel beside the incidents, so allies can read them
    store.addAll(
        RegisterReads.COLLECTION,
        BulwarkExtensions.definitions().stream().map(NewObject::from).toList(),
        new Provenance(nation.toUpperCase(Locale.ROOT), "register"));
    return new RegisterReads(store, policy);
  }

  @Bean
  RegisterWrites registerWrites(ObjectStore store, StixValidator validator, AuditLog audit) {
    return new RegisterWrites(store, validator, audit);
  }

  @Bean
  Register register(RegisterReads reads, RegisterWrites writes) {
    return new Register(reads, writes, Clock.systemUTC());
  }

  @Bean
  Assessments assessments(Register register) {
    return new Assessments(register);
  }

  @Bean
  @DependsOnDatabaseInitialization
  ExposurePublisher exposurePublisher(Register register, DataSource dataSource) {
    return new ExposurePublisher(
        new Exposure(register.reads()), register, new ExposureStore(dataSource));
  }

  @Bean
  @ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
  RegisterDemo registerDemo(
      ObjectStore store, StixValidator validator, @Value("${bulwark.nation:EST}") String nation) {
    return new RegisterDemo(store, validator, nation);
  }

  @Bean
  Promotion promotion(
      Register register,
      AccessPolicy policy,
      @Value("${bulwark.maritime.collection:maritime-alerts}") String maritimeCollection) {
    return new Promotion(register, policy, maritimeCollection);
  }
}
