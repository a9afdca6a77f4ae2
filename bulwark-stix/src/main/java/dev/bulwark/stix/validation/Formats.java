package dev.bulwark.stix.validation;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Character-level formats of STIX 2.1 names and values, written as loops (or precompiled patterns)
 * because they run for every property of every object. Stateless and thread-safe.
 */
final class Formats {

  static final Pattern CAPEC = Pattern.compile("CAPEC-\\d+");
  static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*");
  private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

  private Formats() {}

  /** Property names of custom properties (11.1.1): 3-250 of a-z, 0-9, underscore. */
  static boolean propertyName(String s) {
    int n = s.length();
    if (n < 3 || n > 250) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Type names (3.1, 11.2.1): 3-250 of a-z, 0-9, hyphen; starts with a letter; no "--". */
  static boolean typeName(String s) {
    int n = s.length();
    if (n < 3 || n > 250 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
      return false;
    }
    char prev = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
          || (c == '-' && prev == '-')) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  /** Custom SCO extension names (11.3.1): 3-250 of a-z, 0-9, hyphen, ending in -ext. */
  static boolean customExtensionName(String s) {
    int n = s.length();
    if (n < 3 || n > 250 || !s.endsWith("-ext")) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Dictionary and hash keys (2.3, 2.7): minLength-250 of a-z, A-Z, 0-9, hyphen, underscore. */
  static boolean dictionaryKey(String s, int minLength) {
    int n = s.length();
    if (n < minLength || n > 250) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** The hex type (2.8): an even number of 0-9 and lower-case a-f. */
  static boolean hex(String s) {
    if ((s.length() & 1) != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Hexadecimal digits of either case (hash values are plain strings). */
  static boolean hexAnyCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** Standard base64 with padding (RFC 4648 section 4). */
  static boolean base64(String s) {
    int n = s.length();
    if (n % 4 != 0) {
      return false;
    }
    int pad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '=') {
        if (i < n - 2) {
          return false;
        }
        pad++;
      } else if (pad > 0
          || !((c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** Lowercase words joined by hyphens (kill chain names, 2.11). */
  static boolean lowerHyphen(String s) {
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** relationship_type (5.1): a-z, 0-9 and hyphen. */
  static boolean relationshipType(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 5646 language tags, in their common shape. */
  static boolean languageTag(String s) {
    return LANGUAGE_TAG.matcher(s).matches();
  }

  /** MAC-48, colon separated, lower case with leading zeros (6.10). */
  static boolean mac(String s) {
    return MAC.matcher(s).matches();
  }

  /** Dotted-quad IPv4 address, optionally with a /0-32 CIDR suffix (6.8). */
  static boolean ipv4(String s) {
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (slash >= 0 && !prefix(s.substring(slash + 1), 32)) {
      return false;
    }
    String[] parts = addr.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!prefix(p, 255) || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
    }
    return true;
  }

  /**
   * IPv6 address (RFC 4291 text forms, embedded IPv4 allowed), optionally with a /0-128 suffix
   * (6.9).
   */
  static boolean ipv6(String s) {
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (slash >= 0 && !prefix(s.substring(slash + 1), 128)) {
      return false;
    }
    int dbl = addr.indexOf("::");
    if (dbl >= 0 && addr.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] groups = addr.isEmpty() ? new String[0] : addr.replace("::", ":@:").split(":", -1);
    int count = 0;
    boolean compressed = false;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.equals("@")) {
        compressed = true;
      } else if (g.isEmpty()) {
        // only the edges of a "::" may be empty
        boolean edge =
            (i == 0 && groups.length > 1 && groups[1].equals("@"))
                || (i == groups.length - 1 && i > 0 && groups[i - 1].equals("@"));
        if (!edge) {
          return false;
        }
      } else if (i == groups.length - 1 && g.indexOf('.') > 0) {
        if (!ipv4(g)) {
          return false;
        }
        count += 2;
      } else {
        if (g.length() > 4 || !hexAnyCase(g)) {
          return false;
        }
        count++;
      }
    }
    return compressed ? count <= 7 : count == 8;
  }

  private static boolean prefix(String s, int max) {
    if (s.isEmpty() || s.length() > 3) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(s) <= max;
  }

  /**
   * Domain names: labels of letters, digits, hyphens (and underscores in service labels), IDNs via
   * IDNA.
   */
  static boolean domainName(String s) {
    String ascii;
    try {
      ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      return false;
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty()
          || label.length() > 63
          || label.charAt(0) == '-'
          || label.charAt(label.length() - 1) == '-') {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '-'
            || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  /** A URL: an absolute URI with a scheme (RFC 3986). */
  static boolean url(String s) {
    try {
      URI u = new URI(s);
      return u.getScheme() != null && !s.isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** addr-spec: local-part@domain, without display name or angle brackets (6.5). */
  static boolean emailAddress(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1 || s.indexOf('<') >= 0 || s.indexOf('>') >= 0) {
      return false;
    }
    String local = s.substring(0, at);
    if (!(local.startsWith("\"") && local.endsWith("\"") && local.length() > 1)) {
      for (int i = 0; i < local.length(); i++) {
        char c = local.charAt(i);
        if (c <= ' ' || c == '@' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':'
            || c == '\\' || c == '"' || c == '[' || c == ']') {
          return false;
        }
      }
    }
    String domain = s.substring(at + 1);
    return domainName(domain) || (domain.startsWith("[") && domain.endsWith("]"));
  }

  /** Registry keys spell the hive out (6.17): HKEY_LOCAL_MACHINE\..., not HKLM\.... */
  static boolean registryKey(String s) {
    String upper = s.toUpperCase(Locale.ROOT);
    for (String abbreviation : new String[] {"HKLM", "HKCU", "HKCR", "HKU", "HKCC", "HKPD"}) {
      if (upper.equals(abbreviation) || upper.startsWith(abbreviation + "\\")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a granular-marking selector (7.2.3) selects content present in the object: components
   * separated by dots, each a property name or a list index {@code [n]}.
   */
  static boolean selects(JsonNode root, String selector) {
    if (selector.isEmpty()) {
      return false;
    }
    JsonNode cur = root;
    for (String part : selector.split("\\.", -1)) {
      if (part.isEmpty()) {
        return false;
      }
      if (part.charAt(0) == '[') {
        if (part.length() < 3 || part.charAt(part.length() - 1) != ']' || !cur.isArray()) {
          return false;
        }
        int idx;
        try {
          idx = Integer.parseInt(part.substring(1, part.length() - 1));
        } catch (NumberFormatException e) {
          return false;
        }
        if (idx < 0 || idx >= cur.size()) {
          return false;
        }
        cur = cur.get(idx);
      } else {
        if (!cur.isObject() || !cur.has(part)) {
          return false;
        }
        cur = cur.get(part);
      }
    }
    return true;
  }
}
