package dev.bulwark.node.taxii.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The filters of a TAXII read (section 3.4): added_after, limit and the match fields. Values of one
 * match field are ORed; fields are ANDed. Immutable.
 *
 * @param versions {@code match[version]} as the standard spells it (e.g. {@code all} or {@code
 *     first,last})
 */
public record TaxiiQuery(
    Optional<String> addedAfter,
    OptionalInt limit,
    List<String> ids,
    List<String> types,
    Optional<String> versions,
    List<String> specVersions) {

  public TaxiiQuery {
    ids = List.copyOf(ids);
    types = List.copyOf(types);
    specVersions = List.copyOf(specVersions);
  }

  public static TaxiiQuery all() {
    return new TaxiiQuery(
        Optional.empty(), OptionalInt.empty(), List.of(), List.of(), Optional.empty(), List.of());
  }

  public TaxiiQuery withLimit(int limit) {
    return new TaxiiQuery(addedAfter, OptionalInt.of(limit), ids, types, versions, specVersions);
  }

  public TaxiiQuery withTypes(List<String> t) {
    return new TaxiiQuery(addedAfter, limit, ids, t, versions, specVersions);
  }

  public TaxiiQuery withIds(List<String> i) {
    return new TaxiiQuery(addedAfter, limit, i, types, versions, specVersions);
  }

  public TaxiiQuery withVersions(String v) {
    return new TaxiiQuery(addedAfter, limit, ids, types, Optional.of(v), specVersions);
  }

  public TaxiiQuery withAddedAfter(String timestamp) {
    return new TaxiiQuery(Optional.of(timestamp), limit, ids, types, versions, specVersions);
  }

  /** The query string (without "?"), with {@code next} when given. */
  String toQueryString(Optional<String> next) {
    List<String> parts = new ArrayList<>();
    addedAfter.ifPresent(a -> parts.add("added_after=" + enc(a)));
    limit.ifPresent(l -> parts.add("limit=" + l));
    next.ifPresent(n -> parts.add("next=" + enc(n)));
    if (!ids.isEmpty()) {
      parts.add("match%5Bid%5D=" + enc(String.join(",", ids)));
    }
    if (!types.isEmpty()) {
      parts.add("match%5Btype%5D=" + enc(String.join(",", types)));
    }
    versions.ifPresent(v -> parts.add("match%5Bversion%5D=" + enc(v)));
    if (!specVersions.isEmpty()) {
      parts.add("match%5Bspec_version%5D=" + enc(String.join(",", specVersions)));
    }
    return String.join("&", parts);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
