package dev.bulwark.node.workbench;

import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workbench's JSON plumbing: one mapper, the error body every endpoint answers with ({@code
 * error}, {@code message}, {@code where}), request bodies read in bounded memory, and the caller.
 * Stateless.
 */
final class WorkbenchJson {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Bodies larger than this are refused (413); bundle imports have their own, larger bound. */
  static final int MAX_BODY = 1 << 20;

  static final int MAX_IMPORT = 8 << 20;

  private WorkbenchJson() {}

  static NodePrincipal principal() {
    return NodeAuthentication.current()
        .orElseThrow(() -> new IllegalStateException("the workbench needs a principal"));
  }

  static ResponseEntity<String> ok(JsonNode body) {
    return json(200, body);
  }

  static ResponseEntity<String> json(int status, JsonNode body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body.toString());
  }

  static ResponseEntity<String> error(int status, String error, String message, String where) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", error);
    o.put("message", message);
    o.put("where", where);
    return json(status, o);
  }

  /** The one answer for an object that is missing or that the reader may not see. */
  static ResponseEntity<String> notFound() {
    return error(404, "not_found", "No such object.", "id");
  }

  static ResponseEntity<String> invalid(String where, String message) {
    return error(400, "invalid", message, where);
  }

  static ResponseEntity<String> forbidden(String message) {
    return error(403, "forbidden", message, "principal");
  }

  /** A request body that is too large or not JSON. */
  static final class BodyProblem extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    BodyProblem(int status, String message) {
      super(message);
      this.status = status;
    }

    ResponseEntity<String> answer() {
      return status == 413
          ? error(413, "too_large", getMessage(), "body")
          : invalid("body", getMessage());
    }
  }

  /** The request's JSON body, read in at most {@code limit} bytes. */
  static JsonNode body(HttpServletRequest request, int limit) throws BodyProblem {
    if (request.getContentLengthLong() > limit) {
      throw new BodyProblem(413, "The body is larger than " + limit + " bytes.");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new BodyProblem(413, "The body is larger than " + limit + " bytes.");
      }
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new BodyProblem(400, "The body is empty; send a JSON object.");
      }
      return node;
    } catch (JacksonException e) {
      throw new BodyProblem(
          400,
          "The body is not JSON: line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BodyProblem(400, "The body could not be read.");
    }
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() && !v.asString().isBlank() ? Optional.of(v.asString()) : Optional.empty();
  }
}
