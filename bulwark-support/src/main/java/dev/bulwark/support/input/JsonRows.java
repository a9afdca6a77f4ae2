package dev.bulwark.support.input;

import dev.bulwark.support.csv.CsvReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * JSON objects as rows of one of the library's CSV formats, so that entries sent as JSON are
 * checked by exactly the code that checks files. Stateless and thread-safe.
 */
final class JsonRows {
  private JsonRows() {}

  /** The objects of a body that is one object or an array of them. */
  static List<JsonNode> items(JsonNode body, int max) {
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.values().forEach(items::add);
    } else if (body.isObject()) {
      items.add(body);
    } else {
      throw InputRejected.badField("body", "must be a JSON object or an array of objects");
    }
    if (items.isEmpty()) {
      throw InputRejected.badField("body", "no entries");
    }
    if (items.size() > max) {
      throw InputRejected.badField(
          "body", "at most " + max + " entries per request, not " + items.size());
    }
    return items;
  }

  /**
   * The cells of one object by column, or empty when it is not usable (the reasons are added to
   * {@code problems} under {@code where}).
   */
  static Optional<Map<String, String>> cells(
      JsonNode item, List<String> header, String where, List<InputRejected.Problem> problems) {
    if (!item.isObject()) {
      problems.add(new InputRejected.Problem(where, "must be an object"));
      return Optional.empty();
    }
    Map<String, String> cells = new LinkedHashMap<>();
    boolean bad = false;
    for (Map.Entry<String, JsonNode> f : item.properties()) {
      JsonNode v = f.getValue();
      if (!header.contains(f.getKey())) {
        problems.add(
            new InputRejected.Problem(
                where + "." + f.getKey(),
                "unknown field (expected " + String.join(", ", header) + ")"));
        bad = true;
      } else if (v.isNull()) {
        cells.put(f.getKey(), "");
      } else if (v.isNumber()) {
        if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
          problems.add(
              new InputRejected.Problem(
                  where + "." + f.getKey(), f.getKey() + " is not a finite number"));
          bad = true;
          continue;
        }
        // plain digits only when they are few: 1e99999999 in plain digits is 100 MB; in scientific
        // notation it reaches the range checks, which refuse it
        BigDecimal d = v.decimalValue();
        cells.put(
            f.getKey(), Math.abs((long) d.scale()) <= 1000 ? d.toPlainString() : d.toString());
      } else if (v.isString()) {
        cells.put(f.getKey(), v.asString());
      } else {
        problems.add(
            new InputRejected.Problem(where + "." + f.getKey(), "must be a string or a number"));
        bad = true;
      }
    }
    return bad ? Optional.empty() : Optional.of(cells);
  }

  /**
   * CSV text with the header and one physical line per row (line breaks in values become spaces).
   */
  static String csv(List<String> header, List<Map<String, String>> rows) {
    StringBuilder w = new StringBuilder(String.join(",", header)).append('\n');
    for (Map<String, String> cells : rows) {
      List<String> row = new ArrayList<>();
      for (String h : header) {
        row.add(CsvReader.quote(cells.getOrDefault(h, "").replace('\n', ' ').replace('\r', ' ')));
      }
      w.append(String.join(",", row)).append('\n');
    }
    return w.toString();
  }
}
