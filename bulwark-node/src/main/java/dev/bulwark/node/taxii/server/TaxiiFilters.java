package dev.bulwark.node.taxii.server;

import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixTimestamps;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The URL filter parameters of a TAXII request (section 3.4), checked: a malformed value, a
 * repeated parameter or a repeated match field is a 400 with the reason. Unknown match fields are
 * ignored, as the standard allows. Immutable.
 */
record TaxiiFilters(
    Optional<Long> addedAfter,
    int limit,
    Optional<String> next,
    Set<String> ids,
    Set<String> types,
    VersionMatch versions,
    Set<String> specVersions) {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,249}");
  private static final Pattern SPEC = Pattern.compile("[0-9]+\\.[0-9]+");

  /**
   * Reads the parameters.
   *
   * @param allowed the match fields this endpoint takes; others are ignored
   * @param defaultVersions what applies without match[version]
   */
  static TaxiiFilters parse(
      Map<String, String[]> params,
      Set<String> allowed,
      VersionMatch defaultVersions,
      int defaultLimit,
      int maxLimit) {
    Optional<Long> addedAfter =
        single(params, "added_after")
            .map(
                v ->
                    StixTimestamps.parseMicros(v)
                        .orElseThrow(
                            () ->
                                TaxiiException.badRequest(
                                    "added_after must be a timestamp such as 2026-01-01T00:00:00.000Z, not '"
                                        + v
                                        + "'")));
    int limit = single(params, "limit").map(TaxiiFilters::limit).orElse(defaultLimit);
    Optional<String> next = single(params, "next");
    Set<String> ids = allowed.contains("id") ? values(params, "id") : Set.of();
    for (String id : ids) {
      if (!StixIds.isIdentifier(id)) {
        throw TaxiiException.badRequest(
            "match[id] holds '" + id + "', which is not a STIX identifier");
      }
    }
    Set<String> types = allowed.contains("type") ? values(params, "type") : Set.of();
    for (String t : types) {
      if (!TYPE.matcher(t).matches()) {
        throw TaxiiException.badRequest(
            "match[type] holds '" + t + "', which is not a STIX type name");
      }
    }
    VersionMatch versions = defaultVersions;
    if (allowed.contains("version") && params.containsKey("match[version]")) {
      versions = versionMatch(raw(params, "version"));
    }
    Set<String> specs =
        allowed.contains("spec_version") ? values(params, "spec_version") : Set.of();
    for (String s : specs) {
      if (!SPEC.matcher(s).matches()) {
        throw TaxiiException.badRequest("match[spec_version] holds '" + s + "', expected e.g. 2.1");
      }
    }
    return new TaxiiFilters(
        addedAfter, Math.min(limit, maxLimit), next, ids, types, versions, specs);
  }

  /** The filters that a next token is bound to (all but limit and next). */
  String binding() {
    return addedAfter.map(String::valueOf).orElse("")
        + "|"
        + new TreeSet<>(ids)
        + "|"
        + new TreeSet<>(types)
        + "|"
        + versions.canonical()
        + "|"
        + new TreeSet<>(specVersions);
  }

  private static int limit(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw TaxiiException.badRequest("limit must be a positive integer, not '" + v + "'");
  }

  private static VersionMatch versionMatch(String[] raw) {
    boolean all = false;
    boolean first = false;
    boolean last = false;
    Set<Long> exact = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (String v : raw[0].split(",", -1)) {
      if (!seen.add(v)) {
        throw TaxiiException.badRequest("match[version] repeats '" + v + "'");
      }
      switch (v) {
        case "all" -> all = true;
        case "first" -> first = true;
        case "last" -> last = true;
        default ->
            exact.add(
                StixTimestamps.parseMicros(v)
                    .orElseThrow(
                        () ->
                            TaxiiException.badRequest(
                                "match[version] holds '"
                                    + v
                                    + "': expected all, first, last or a timestamp")));
      }
    }
    if (all && seen.size() > 1) {
      throw TaxiiException.badRequest("match[version]=all cannot be combined with other versions");
    }
    return new VersionMatch(all, first, last, exact);
  }

  private static Optional<String> single(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.length != 1) {
      throw TaxiiException.badRequest(name + " may be given once only");
    }
    return Optional.of(v[0]);
  }

  private static String[] raw(Map<String, String[]> params, String field) {
    String[] v = params.get("match[" + field + "]");
    if (v.length != 1) {
      throw TaxiiException.badRequest("match[" + field + "] may be given once only");
    }
    if (v[0].isEmpty()) {
      throw TaxiiException.badRequest("match[" + field + "] is empty");
    }
    return v;
  }

  private static Set<String> values(Map<String, String[]> params, String field) {
    if (!params.containsKey("match[" + field + "]")) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : raw(params, field)[0].split(",", -1)) {
      if (v.isEmpty()) {
        throw TaxiiException.badRequest("match[" + field + "] has an empty value");
      }
      out.add(v);
    }
    return out;
  }
}
