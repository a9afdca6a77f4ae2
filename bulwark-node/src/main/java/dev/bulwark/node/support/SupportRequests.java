package dev.bulwark.node.support;

import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every support handler does with its request: finds the principal and checks its role,
 * binding principal and action to the request for {@link SupportAudit}; reads the body, refused
 * whole (413) beyond {@code bulwark.support.max-upload-bytes}; names uploads (batches) and new ids.
 * Thread-safe.
 */
@Component
final class SupportRequests {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final long maxUploadBytes;

  SupportRequests(@Value("${bulwark.support.max-upload-bytes:67108864}") long maxUploadBytes) {
    this.maxUploadBytes = maxUploadBytes;
  }

  /** The principal of a call of {@code action}, whatever its roles. */
  NodePrincipal principal(HttpServletRequest request, String action) {
    NodePrincipal p =
        NodeAuthentication.current()
            .orElseThrow(
                () ->
                    new IllegalStateException("the support API needs an authenticated principal"));
    request.setAttribute(SupportAudit.ACTION, action);
    request.setAttribute(SupportAudit.PRINCIPAL, p);
    return p;
  }

  /** The principal, who must be allowed to read the support figures (else 403). */
  NodePrincipal reader(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!SupportAccess.mayRead(p)) {
      throw new SupportError(
          403, "reading the support figures needs the reader, contributor or admin role");
    }
    return p;
  }

  /** The principal, who must be allowed to enter support data (else 403). */
  NodePrincipal enterer(HttpServletRequest request, String action) {
    NodePrincipal p = principal(request, action);
    if (!SupportAccess.mayEnter(p)) {
      throw new SupportError(403, "entering support data needs the contributor or admin role");
    }
    return p;
  }

  /** The principal, who must be an admin (else 403 with {@code refusal}). */
  NodePrincipal admin(HttpServletRequest request, String action, String refusal) {
    NodePrincipal p = principal(request, action);
    if (!p.isAdmin()) {
      throw new SupportError(403, refusal);
    }
    return p;
  }

  static boolean isCsv(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
  }

  static JsonNode parseJson(String text) {
    try {
      return SupportJson.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw SupportError.badParameter("body", "not JSON: " + e.getOriginalMessage());
    }
  }

  /** The request body as JSON. */
  JsonNode jsonBody(HttpServletRequest request) {
    return parseJson(body(request));
  }

  /** The request body as UTF-8, refused whole (413) beyond the configured size. */
  String body(HttpServletRequest request) {
    if (request.getContentLengthLong() > maxUploadBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > maxUploadBytes) {
          throw tooLarge();
        }
        out.write(buf, 0, n);
      }
      if (total == 0) {
        throw SupportError.badParameter("body", "empty");
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SupportError(400, "cannot read the upload: " + e.getMessage());
    }
  }

  private SupportError tooLarge() {
    return new SupportError(
        413,
        "the upload is larger than "
            + maxUploadBytes
            + " bytes (bulwark.support.max-upload-bytes)");
  }

  /** A new upload's name: its kind, the time and a random suffix. */
  static String batch(String kind) {
    return kind
        + "-"
        + OffsetDateTime.now(ZoneOffset.UTC).format(STAMP)
        + "-"
        + HexFormat.of().formatHex(randomBytes(3));
  }

  /** A random entry id, for entries sent without one. */
  static String randomId() {
    return "c-" + HexFormat.of().formatHex(randomBytes(8));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
