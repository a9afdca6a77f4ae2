package dev.bulwark.node.taxii.server;

import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shapes every TAXII 2.1 answer shares: the JSON mapper, the TAXII media type on every body
 * (section 1.6.8), the error message resource (section 3.6.1) and the {@code X-TAXII-Date-Added-*}
 * headers of a page (section 3.4.3). Stateless; thread-safe.
 */
final class TaxiiResponses {
  /**
   * Numbers as written (big decimals keep scale and digits), as bulwark-stix reads files: a POSTed
   * object's unknown properties must come back unchanged, and doubles turned {@code 1.50} into
   * {@code 1.5}.
   */
  static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private TaxiiResponses() {}

  /** 200 with a resource built as a tree. */
  static ResponseEntity<String> ok(ObjectNode body) {
    return ok(JSON.writeValueAsString(body));
  }

  /** 200 with a resource already written. */
  static ResponseEntity<String> ok(String body) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII).body(body);
  }

  /** The error message resource (section 3.6.1), with the status both as code and in the body. */
  static ResponseEntity<String> error(int status, String title, String description) {
    ObjectNode e = JSON.createObjectNode();
    e.put("title", title);
    e.put("description", description);
    e.put("http_status", Integer.toString(status));
    return ResponseEntity.status(status)
        .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII)
        .body(JSON.writeValueAsString(e));
  }

  /**
   * 200 with a page of objects (or of their manifest records or versions), with the first and last
   * date_added among them in the headers when there are any.
   */
  static ResponseEntity<String> withDateHeaders(List<StoredObject> items, String body) {
    ResponseEntity.BodyBuilder r =
        ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MediaTypes.TAXII);
    if (!items.isEmpty()) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (StoredObject o : items) {
        first = Math.min(first, o.dateAddedMicros());
        last = Math.max(last, o.dateAddedMicros());
      }
      r.header("X-TAXII-Date-Added-First", StixTimestamps.formatMicros(first));
      r.header("X-TAXII-Date-Added-Last", StixTimestamps.formatMicros(last));
    }
    return r.body(body);
  }

  /** Drops the trailing comma a body written member by member may end with. */
  static StringBuilder trimComma(StringBuilder b) {
    if (b.charAt(b.length() - 1) == ',') {
      b.setLength(b.length() - 1);
    }
    return b;
  }
}
