package dev.bulwark.node.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that needs credentials: 401 with {@code WWW-Authenticate} for Basic and Bearer
 * and a TAXII error-message body. Stateless; thread-safe.
 */
final class UnauthorizedResponder implements AuthenticationEntryPoint {
  static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    respond(
        request,
        response,
        "This resource needs credentials: HTTP Basic, a bearer token or a client certificate.");
  }

  void respond(HttpServletRequest request, HttpServletResponse response, String description)
      throws IOException {
    response.setStatus(401);
    response.addHeader("WWW-Authenticate", "Basic realm=\"bulwark\", charset=\"UTF-8\"");
    response.addHeader("WWW-Authenticate", "Bearer realm=\"bulwark\"");
    response.setContentType(MEDIA_TYPE);
    response
        .getOutputStream()
        .write(
            ("{\"title\":\"Unauthorized\",\"description\":\""
                    + description
                    + "\",\"http_status\":\"401\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** 403 for an authenticated principal without the role an endpoint needs. */
  static void forbidden(HttpServletResponse response) throws IOException {
    response.setStatus(403);
    response.setContentType(MEDIA_TYPE);
    response
        .getOutputStream()
        .write(
            "{\"title\":\"Forbidden\",\"description\":\"Your roles do not allow this.\",\"http_status\":\"403\"}"
                .getBytes(StandardCharsets.UTF_8));
  }
}
