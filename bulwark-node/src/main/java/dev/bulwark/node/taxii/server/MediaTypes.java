package dev.bulwark.node.taxii.server;

import java.util.Locale;

/**
 * TAXII 2.1 content negotiation (section 1.6.8): what the server produces and which Accept and
 * Content-Type headers it takes. Stateless; thread-safe.
 */
final class MediaTypes {
  static final String TAXII = "application/taxii+json;version=2.1";
  static final String STIX = "application/stix+json;version=2.1";

  private MediaTypes() {}

  /**
   * Whether an Accept header admits TAXII 2.1 JSON. A missing header is taken as "anything", so
   * that plain tools (curl) work; a header that names only other types (or TAXII 2.0) is refused.
   */
  static boolean accepts(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.trim().toLowerCase(Locale.ROOT).split(";");
      String type = parts[0].trim();
      if (type.equals("*/*") || type.equals("application/*")) {
        return true;
      }
      if (type.equals("application/taxii+json") && versionOk(parts)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a request body's Content-Type is TAXII 2.1 JSON. */
  static boolean isTaxiiContent(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.trim().toLowerCase(Locale.ROOT).split(";");
    return parts[0].trim().equals("application/taxii+json") && versionOk(parts);
  }

  private static boolean versionOk(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().replace(" ", "");
      if (p.startsWith("version=")) {
        return p.equals("version=2.1");
      }
    }
    return true;
  }
}
