package dev.bulwark.node.incidents;

import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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

  @Bean
  @DependsOnDatabaseInitialization
  RegisterReads registerReads(
      ObjectStore store, AccessPolicy policy, @Value("${bulwark.nation:EST}") String nation) {
    // the collection and the extension-definitions (TLP:CLEAR) that travel beside the incidents
    IncidentCollections.ensure(store, new Provenance(nation.toUpperCase(Locale.ROOT), "register"));
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
  @DependsOnDatabaseInitialization
  MigrationCountStore migrationCountStore(DataSource dataSource) {
    return new MigrationCountStore(dataSource);
  }

  @Bean
  @ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
  RegisterDemo registerDemo(
      ObjectStore store,
      StixValidator validator,
      MigrationCountStore counts,
      @Value("${bulwark.nation:EST}") String nation) {
    return new RegisterDemo(store, validator, counts, nation);
  }

  @Bean
  RegisterIndex registerIndex(RegisterReads reads, ObjectStore store) {
    return new RegisterIndex(reads, store, System::nanoTime);
  }

  @Bean
  @DependsOnDatabaseInitialization
  CampaignRejections campaignRejections(DataSource dataSource) {
    return new CampaignRejections(dataSource);
  }

  @Bean
  Campaigns campaigns(Register register, CampaignRejections rejections) {
    return new Campaigns(register, rejections);
  }

  @Bean
  Promotion promotion(
      Register register,
      AccessPolicy policy,
      @Value("${bulwark.maritime.collection:maritime-alerts}") String maritimeCollection) {
    return new Promotion(register, policy, maritimeCollection);
  }

  @Bean
  SightingPromotion sightingPromotion(
      Register register,
      AccessPolicy policy,
      @Value("${bulwark.cyber.collection:sightings}") String sightings,
      @Value("${bulwark.cyber.indicator-collections:intel}") List<String> indicators) {
    return new SightingPromotion(register, policy, sightings, indicators);
  }
}
