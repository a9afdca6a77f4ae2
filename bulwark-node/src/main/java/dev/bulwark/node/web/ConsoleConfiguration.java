package dev.bulwark.node.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The web console: its static files ({@code classpath:static/console/}, Leaflet from its webjar)
 * and the API description are served without credentials, since they hold no data; the console then
 * asks the user for a principal's name and token and sends them with every API call. Everything
 * else stays under the node's own security chain.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

  /** Paths anyone may fetch. */
  static final String[] PUBLIC = {
    "/console", "/console/", "/console/**", "/webjars/**", "/api/openapi.json"
  };

  @Bean
  @Order(0)
  SecurityFilterChain consoleFiles(HttpSecurity http) throws Exception {
    http.securityMatcher(PUBLIC)
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c ->
                        c.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
                                + " connect-src 'self'; frame-ancestors 'none'")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }
}
