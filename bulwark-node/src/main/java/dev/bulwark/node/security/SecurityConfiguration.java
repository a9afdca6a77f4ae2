package dev.bulwark.node.security;

import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.SearchAudience;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.support.report.SupportNodeIdentity;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call the node: every endpoint needs a principal (HTTP Basic, bearer token or client
 * certificate) except the paths in {@code bulwark.security.public-paths} (TAXII discovery and the
 * health probe out of the box) and the published support reports ({@code
 * /public/support/reports/**}, TLP:CLEAR by decision) and the published exposure reports ({@code
 * /public/exposure/**}, the same); the audit API, the metrics ({@code /actuator/**} but the health
 * probe: Prometheus, metrics, info) and the maritime watch's status need an admin, because they
 * count everything the node holds and carries (alerts, traffic, peers) whatever each principal may
 * read. Sessions are not kept: each request carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  PrincipalStore principalStore(
      DataSource dataSource,
      @Value("${bulwark.security.pbkdf2-iterations:" + PrincipalStore.DEFAULT_ITERATIONS + "}")
          int iterations) {
    return new PrincipalStore(dataSource, Clock.systemUTC(), iterations);
  }

  /**
   * The identities a contributor may not author as: every principal's and every nation's node
   * identities (maritime watch, support planning), and the Bulwark project's.
   */
  @Bean
  CommunityIdentities communityIdentities(PrincipalStore principals) {
    Set<String> nodes = new HashSet<>();
    for (String nation : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)) {
      nodes.add(MaritimeExtension.nodeIdentity(nation));
      nodes.add(SupportNodeIdentity.of(nation));
    }
    nodes.add(ReleasabilityMarking.bulwarkIdentity().id());
    return new CommunityIdentities(principals, nodes);
  }

  @Bean
  AccessPolicy accessPolicy(ObjectStore store) {
    return new AccessPolicy(store);
  }

  /** The workbench search's prefilter terms, by the same rule as the read gate. */
  @Bean
  SearchAudience searchAudience(AccessPolicy policy) {
    return new ReleaseAudience(policy);
  }

  /**
   * Keeps Spring Boot from making a default user with a generated password: nobody logs in that
   * way.
   */
  @Bean
  AuthenticationManager noPasswordLogin() {
    return authentication -> {
      throw new BadCredentialsException("the node authenticates with tokens and certificates only");
    };
  }

  @Bean
  SecurityFilterChain nodeSecurity(
      HttpSecurity http,
      PrincipalStore principals,
      @Value(
              "${bulwark.security.public-paths:/taxii2/,/actuator/health,/actuator/health/**,/error}")
          String publicPaths)
      throws Exception {
    UnauthorizedResponder unauthorized = new UnauthorizedResponder();
    String[] open =
        Arrays.stream(publicPaths.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(
            new CredentialsFilter(principals, unauthorized), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(
                        (request, response, denied) -> UnauthorizedResponder.forbidden(response)))
        .authorizeHttpRequests(
            a ->
                a
                    // The request was authorised on its first dispatch; a stateless chain has no
                    // principal left
                    // when the container re-dispatches an ending server-sent-event stream or
                    // renders an error.
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(open)
                    .permitAll()
                    // published support reports are TLP:CLEAR and public by decision
                    // (docs/support.md)
                    .requestMatchers("/public/support/reports", "/public/support/reports/**")
                    .permitAll()
                    .requestMatchers("/public/exposure", "/public/exposure/**")
                    .permitAll()
                    .requestMatchers("/bulwark/audit/**", "/api/admin/**")
                    .hasRole(Role.ADMIN.name())
                    // counters over every object and peer: not filtered per reader, so for admins
                    // only
                    .requestMatchers("/actuator", "/actuator/**", "/api/maritime/status")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated());
    return http.build();
  }
}
