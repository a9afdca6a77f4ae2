package dev.bulwark.node.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from its credentials: HTTP Basic (principal name and token), a bearer
 * token (scheme {@code Bearer}, or {@code Token} as the OASIS Python client sends it), or, when the
 * TLS connector asks for one, a client certificate registered for a principal. Bad credentials are
 * answered 401 at once (a wrong password never falls through to anonymous access). Thread-safe.
 */
final class CredentialsFilter extends OncePerRequestFilter {
  private final PrincipalStore principals;
  private final UnauthorizedResponder unauthorized;

  CredentialsFilter(PrincipalStore principals, UnauthorizedResponder unauthorized) {
    this.principals = principals;
    this.unauthorized = unauthorized;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Optional<NodeAuthentication> auth = Optional.empty();
    if (header != null && !header.isBlank()) {
      auth = fromHeader(header.trim());
      if (auth.isEmpty()) {
        unauthorized.respond(
            request, response, "The credentials are not valid, expired or revoked.");
        return;
      }
    } else {
      auth = fromCertificate(request);
    }
    if (auth.isPresent()) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(auth.get());
      SecurityContextHolder.setContext(context);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Optional<NodeAuthentication> fromHeader(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space);
    String value = header.substring(space + 1).trim();
    // "Token" is what the OASIS Python taxii2-client's TokenAuth sends; the same token as a bearer
    if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("Token")) {
      return principals
          .authenticate(Optional.empty(), value)
          .map(p -> new NodeAuthentication(p, "bearer"));
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return principals
          .authenticate(Optional.of(decoded.substring(0, colon)), decoded.substring(colon + 1))
          .map(p -> new NodeAuthentication(p, "basic"));
    }
    return Optional.empty();
  }

  private Optional<NodeAuthentication> fromCertificate(HttpServletRequest request) {
    Object attr = request.getAttribute("jakarta.servlet.request.X509Certificate");
    if (!(attr instanceof X509Certificate[] chain) || chain.length == 0) {
      return Optional.empty();
    }
    try {
      String fingerprint =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
      return principals
          .byCertificate(fingerprint)
          .map(p -> new NodeAuthentication(p, "certificate"));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }
}
