package dev.bulwark.stix;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme of RFC 8785, as STIX 2.1 uses it for deterministic SCO
 * identifiers: no whitespace, object members sorted by the UTF-16 code units of their names,
 * minimal string escapes, numbers in the ECMAScript form. Stateless and thread-safe.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /**
   * The canonical text of a JSON value.
   *
   * @param node the value
   * @return its RFC 8785 serialisation
   */
  public static String of(JsonNode node) {
    StringBuilder sb = new StringBuilder(128);
    append(sb, node);
    return sb.toString();
  }

  static void append(StringBuilder sb, JsonNode n) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>(n.propertyNames());
      // String.compareTo orders by UTF-16 code units, which is what RFC 8785 asks for.
      Collections.sort(names);
      sb.append('{');
      boolean first = true;
      for (String name : names) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, name);
        sb.append(':');
        append(sb, n.get(name));
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, n.get(i));
      }
      sb.append(']');
    } else if (n.isString()) {
      string(sb, n.stringValue());
    } else if (n.isNumber()) {
      number(sb, n);
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue());
    } else {
      sb.append("null");
    }
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void number(StringBuilder sb, JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      long v = n.longValue();
      if (Math.abs(v) < (1L << 53)) {
        sb.append(v);
        return;
      }
    }
    double d =
        n.isBigDecimal()
            ? new BigDecimal(n.decimalValue().toString()).doubleValue()
            : n.doubleValue();
    sb.append(ecmaScript(d));
  }

  /** ECMAScript Number.prototype.toString for finite doubles (RFC 8785 section 3.2.2.3). */
  static String ecmaScript(double d) {
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    // Java's shortest round-trip digits, re-laid out the ECMAScript way.
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int k = digits.length();
    int exp = k - bd.scale(); // value = 0.digits * 10^exp
    String sign = d < 0 ? "-" : "";
    if (exp >= k && exp <= 21) {
      return sign + digits + "0".repeat(exp - k);
    }
    if (exp > 0 && exp <= 21) {
      return sign + digits.substring(0, exp) + "." + digits.substring(exp);
    }
    if (exp > -6 && exp <= 0) {
      return sign + "0." + "0".repeat(-exp) + digits;
    }
    int e = exp - 1;
    String mant = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mant + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
  }
}
