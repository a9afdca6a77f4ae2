package dev.bulwark.node.workbench;

import dev.bulwark.node.store.SearchQuery;
import dev.bulwark.node.store.SearchQuery.Order;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A search request's parameters, checked and turned into a {@link SearchQuery}: the words, the
 * filters (type, marking, origin, author, dates), the order and the page size. A bad value is
 * refused with the parameter's name and the reason. {@link #fingerprint} is what the {@code next}
 * token is bound to: every parameter but the page size. Immutable.
 */
record SearchParams(String fingerprint, SearchQuery query, int limit) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_WORDS_LENGTH = 500;

  /** A parameter that cannot be used, with its name and the reason. */
  static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final String where;

    Bad(String where, String message) {
      super(message);
      this.where = where;
    }
  }

  static SearchParams of(Map<String, List<String>> p) throws Bad {
    String q = one(p, "q");
    if (q.length() > MAX_WORDS_LENGTH) {
      throw new Bad("q", "at most " + MAX_WORDS_LENGTH + " characters");
    }
    Set<String> types = many(p, "type");
    for (String t : types) {
      if (!t.matches("[a-z0-9][a-z0-9-]{0,249}")) {
        throw new Bad("type", "'" + t + "' is not a STIX type name");
      }
    }
    Set<String> markings = new TreeSet<>();
    for (String m : many(p, "marking")) {
      markings.add(marking(m));
    }
    Set<String> origins =
        many(p, "origin").stream()
            .map(s -> s.toUpperCase(Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new));
    for (String o : origins) {
      if (!o.matches("[A-Z]{3}")) {
        throw new Bad("origin", "'" + o + "' is not an ISO 3166 alpha-3 code");
      }
    }
    Set<String> authors = many(p, "author");
    Set<String> collections = many(p, "collection");
    Order order = order(one(p, "sort"));
    int limit = limit(one(p, "limit"));
    SearchQuery query =
        new SearchQuery(
            q.trim(),
            collections,
            types,
            markings,
            origins,
            authors,
            time(p, "added_after", 0),
            time(p, "added_before", Long.MAX_VALUE),
            time(p, "modified_after", 0),
            time(p, "modified_before", Long.MAX_VALUE),
            order,
            Optional.empty());
    String fingerprint =
        String.join(
            "\u0001",
            q.trim(),
            collections.toString(),
            types.toString(),
            markings.toString(),
            origins.toString(),
            authors.toString(),
            one(p, "added_after"),
            one(p, "added_before"),
            one(p, "modified_after"),
            one(p, "modified_before"),
            order.name());
    return new SearchParams(fingerprint, query, limit);
  }

  private static String one(Map<String, List<String>> p, String name) {
    List<String> v = p.getOrDefault(name, List.of());
    return v.isEmpty() || v.get(0) == null ? "" : v.get(0);
  }

  /** Repeated or comma-separated values. */
  private static Set<String> many(Map<String, List<String>> p, String name) {
    return p.getOrDefault(name, List.of()).stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String marking(String m) throws Bad {
    if (m.startsWith("marking-definition--")) {
      return m;
    }
    String level = m.toLowerCase(Locale.ROOT).replace("tlp:", "").replace("tlp-", "");
    for (Tlp t : Tlp.values()) {
      String name = t.definition().json().path("name").asString("").toLowerCase(Locale.ROOT);
      if (name.replace("tlp:", "").equals(level)) {
        return t.markingDefinitionId();
      }
    }
    throw new Bad("marking", "'" + m + "' is neither a marking-definition id nor a TLP level");
  }

  private static Order order(String sort) throws Bad {
    return switch (sort) {
      case "", "-added" -> Order.ADDED_DESC;
      case "added" -> Order.ADDED_ASC;
      case "-modified" -> Order.MODIFIED_DESC;
      case "modified" -> Order.MODIFIED_ASC;
      default -> throw new Bad("sort", "must be added, -added, modified or -modified");
    };
  }

  private static int limit(String text) throws Bad {
    if (text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new Bad("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static long time(Map<String, List<String>> p, String name, long otherwise) throws Bad {
    String v = one(p, name);
    if (v.isEmpty()) {
      return otherwise;
    }
    return StixTimestamps.parseMicros(v)
        .orElseThrow(() -> new Bad(name, "'" + v + "' is not an RFC 3339 timestamp"));
  }
}
