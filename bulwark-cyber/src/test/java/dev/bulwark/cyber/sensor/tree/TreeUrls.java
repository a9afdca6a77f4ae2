package dev.bulwark.cyber.sensor.tree;

import java.util.Locale;

/** Rebuilds the URL of an HTTP request from host, port and path. Stateless and thread-safe. */
final class TreeUrls {
  private TreeUrls() {}

  /**
   * {@code scheme://host[:port]path}; the port only when it is not the scheme's default. A path
   * that is already absolute ({@code http://...}, as proxies log it) is kept as it is.
   */
  static String of(String scheme, String host, int port, String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return path;
    }
    boolean defaultPort =
        port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
    StringBuilder sb = new StringBuilder(scheme.length() + host.length() + path.length() + 10);
    sb.append(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
    if (!defaultPort && port > 0 && host.indexOf(':') < 0) {
      sb.append(':').append(port);
    }
    if (!path.startsWith("/")) {
      sb.append('/');
    }
    return sb.append(path).toString();
  }
}
