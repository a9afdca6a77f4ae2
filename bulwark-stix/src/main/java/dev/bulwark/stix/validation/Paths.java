package dev.bulwark.stix.validation;

/**
 * JSON paths of findings: {@code $.name} for plain member names, {@code $['odd-name']} for names
 * with other characters (RFC 9535 bracket notation), {@code [n]} for list items. Stateless and
 * thread-safe.
 */
final class Paths {

  private Paths() {}

  /** The path of a member of the value at {@code parent}. */
  static String child(String parent, String name) {
    if (shorthand(name)) {
      return parent + "." + name;
    }
    StringBuilder sb =
        new StringBuilder(parent.length() + name.length() + 4).append(parent).append("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append("']").toString();
  }

  private static boolean shorthand(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
