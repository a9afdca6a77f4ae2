package dev.bulwark.node.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the node answers when Spring itself rejects a request before an endpoint's own checks run (a
 * path or query value of the wrong type, a missing parameter, a body that is not JSON, a method or
 * content type the endpoint does not take, a path that maps to nothing): one JSON object in words,
 * with what is wrong and where, and never Spring's default body, which says only "Bad Request", or
 * a message naming Java types (issue 19). The shape is TAXII 2.1's error message ({@code title},
 * {@code description}, {@code http_status}) plus {@code where}; TAXII paths get TAXII's media type.
 * The endpoints' own error handlers come first; this is the fallback. Stateless; thread-safe.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MediaType TAXII =
      MediaType.parseMediaType("application/taxii+json;version=2.1");
  private static final Set<String> NOT_TAXII = Set.of("api", "public", "bulwark", "console");

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<String> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String where = (isPathVariable(e) ? "path " : "parameter ") + e.getName();
    return answer(
        request,
        HttpStatus.BAD_REQUEST,
        where
            + ": '"
            + clip(String.valueOf(e.getValue()))
            + "' is not "
            + kind(e.getRequiredType()),
        where);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<String> missing(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    String where = "parameter " + e.getParameterName();
    return answer(request, HttpStatus.BAD_REQUEST, where + " is required", where);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return answer(
        request, HttpStatus.BAD_REQUEST, "the request body is missing or not valid JSON", "body");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String accepted =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining(" or "));
    return answer(
        request,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "send the body as " + (accepted.isEmpty() ? "JSON" : accepted),
        "header Content-Type");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    Set<HttpMethod> allowed = e.getSupportedHttpMethods();
    String list =
        allowed == null
            ? ""
            : allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    return answer(
        request,
        HttpStatus.METHOD_NOT_ALLOWED,
        e.getMethod() + " is not answered here" + (list.isEmpty() ? "" : "; use " + list),
        "method");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<String> nothingThere(NoResourceFoundException e, HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, "nothing at " + request.getRequestURI(), "path");
  }

  /** The caller's own value, shortened: an error body is not an echo service. */
  private static String clip(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  private static boolean isPathVariable(MethodArgumentTypeMismatchException e) {
    return e.getParameter().hasParameterAnnotation(PathVariable.class);
  }

  /** The kind of value expected, in words. */
  static String kind(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (Set.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class)
        .contains(type)) {
      return "a whole number";
    }
    if (Set.of(double.class, float.class, Double.class, Float.class).contains(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type == Instant.class) {
      return "a time (e.g. 2026-12-07T10:00:00Z)";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    return "a valid value";
  }

  private static ResponseEntity<String> answer(
      HttpServletRequest request, HttpStatus status, String description, String where) {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", status.getReasonPhrase());
    body.put("description", description);
    body.put("http_status", Integer.toString(status.value()));
    body.put("where", where);
    String first = request.getRequestURI().replaceFirst("^/", "").replaceFirst("/.*", "");
    MediaType type = NOT_TAXII.contains(first) ? MediaType.APPLICATION_JSON : TAXII;
    return ResponseEntity.status(status).contentType(type).body(body.toString());
  }
}
