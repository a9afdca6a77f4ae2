package dev.bulwark.node.support;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The node's address as published reports give it: {@code bulwark.support.public-base-url} when set
 * (a node behind a reverse proxy), else the address the request came to. Stateless and thread-safe.
 */
final class PublicUrls {
  private PublicUrls() {}

  static String base(String configured, HttpServletRequest request) {
    if (!configured.isBlank()) {
      String b = configured.trim();
      return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }
}
