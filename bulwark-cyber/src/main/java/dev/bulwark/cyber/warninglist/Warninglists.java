package dev.bulwark.cyber.warninglist;

import dev.bulwark.cyber.observe.Addresses;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A set of MISP warninglists ({@code list.json}: {@code name}, {@code type}, {@code list}) and the
 * question "does this indicator value hit one?". Types {@code cidr} (IPv4 ranges merged into sorted
 * intervals, binary-searched; IPv6 prefixes scanned), {@code hostname} (a name and every parent
 * suffix looked up in a hash set; MISP's leading-dot entries mean "and below"), {@code string}
 * (exact, case-insensitive) and {@code substring} are read; {@code regex} lists are skipped and
 * reported by {@link #skipped()}.
 *
 * <p>As MISP does with attribute values, the check runs on the indicator's values (the literals of
 * its pattern, {@link #hitInPattern}), once per indicator: a hit means every match of that
 * indicator is a probable false positive. Built once, then immutable and thread-safe.
 */
public final class Warninglists {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> hostnames = new HashMap<>();
  private final Map<String, String> strings = new HashMap<>();
  private final List<String[]> substrings = new ArrayList<>();
  private final List<long[]> v4 = new ArrayList<>();
  private final List<String> v4Names = new ArrayList<>();
  private final List<Object[]> v6 = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private long[] starts = new long[0];
  private long[] ends = new long[0];
  private String[] rangeNames = new String[0];
  private int lists;

  /** Reads one {@code list.json}; a list of an unsupported type is noted in {@link #skipped}. */
  public Warninglists add(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      throw new IOException("not a MISP warninglist: " + e.getOriginalMessage(), e);
    }
    String name = root.path("name").asString("unnamed list");
    String type = root.path("type").asString("");
    JsonNode list = root.path("list");
    if (!list.isArray()) {
      throw new IOException("not a MISP warninglist: no 'list' array");
    }
    lists++;
    for (JsonNode v : list) {
      String s = v.asString("").trim().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        continue;
      }
      switch (type) {
        case "cidr" -> cidr(name, s);
        case "hostname" -> hostnames.putIfAbsent(s.startsWith(".") ? s.substring(1) : s, name);
        case "string" -> {
          // ".google.com" in a string list means the domain and below, as in hostname lists
          if (s.startsWith(".")) {
            hostnames.putIfAbsent(s.substring(1), name);
          } else {
            strings.putIfAbsent(s, name);
          }
        }
        case "substring" -> substrings.add(new String[] {s, name});
        default -> {
          skipped.add(name + " (" + type + ")");
          return this;
        }
      }
    }
    index();
    return this;
  }

  /** The lists read. */
  public int lists() {
    return lists;
  }

  /** Lists not read, with their type. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** The list that names this value (an address, CIDR, domain, URL or string), if any. */
  public Optional<String> hit(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    String addr = v;
    int slash = v.indexOf('/');
    if (slash > 0) {
      String head = v.substring(0, slash);
      if (Addresses.isIpv4(head) || Addresses.isIpv6(head)) {
        addr = head;
      }
    }
    if (Addresses.isIpv4(addr)) {
      return v4(ipv4(addr));
    }
    if (Addresses.isIpv6(addr)) {
      return v6(addr);
    }
    String exact = strings.get(v);
    if (exact != null) {
      return Optional.of(exact);
    }
    Optional<String> host = host(v);
    if (host.isPresent()) {
      return host;
    }
    for (String[] sub : substrings) {
      if (v.contains(sub[0])) {
        return Optional.of(sub[1]);
      }
    }
    return Optional.empty();
  }

  /** The first list one of a STIX pattern's string literals hits, if any. */
  public Optional<String> hitInPattern(String pattern) {
    for (String literal : PatternLiterals.of(pattern)) {
      Optional<String> h = hit(literal);
      if (h.isPresent()) {
        return h;
      }
    }
    return Optional.empty();
  }

  private Optional<String> host(String v) {
    String h = v;
    int scheme = h.indexOf("://");
    if (scheme > 0) {
      h = h.substring(scheme + 3);
      int end = 0;
      while (end < h.length() && "/:?#".indexOf(h.charAt(end)) < 0) {
        end++;
      }
      h = h.substring(0, end);
    }
    while (!h.isEmpty()) {
      String list = hostnames.get(h);
      if (list != null) {
        return Optional.of(list);
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        break;
      }
      h = h.substring(dot + 1);
    }
    return Optional.empty();
  }

  private void cidr(String name, String s) {
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (Addresses.isIpv4(addr)) {
      int bits = slash < 0 ? 32 : Integer.parseInt(s.substring(slash + 1));
      long base = ipv4(addr);
      long size = 1L << (32 - Math.max(0, Math.min(32, bits)));
      long start = base & ~(size - 1) & 0xFFFF_FFFFL;
      v4.add(new long[] {start, start + size - 1});
      v4Names.add(name);
    } else if (Addresses.isIpv6(addr)) {
      int bits = slash < 0 ? 128 : Integer.parseInt(s.substring(slash + 1));
      v6.add(new Object[] {expand6(addr), bits, name});
    }
  }

  /** Sorts the IPv4 ranges by start; lookups take the last range starting at or below. */
  private void index() {
    Integer[] order = new Integer[v4.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(v4.get(a)[0], v4.get(b)[0]));
    List<long[]> merged = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i : order) {
      long[] r = v4.get(i);
      if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1] + 1) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new long[] {r[0], r[1]});
        names.add(v4Names.get(i));
      }
    }
    starts = merged.stream().mapToLong(r -> r[0]).toArray();
    ends = merged.stream().mapToLong(r -> r[1]).toArray();
    rangeNames = names.toArray(String[]::new);
  }

  private Optional<String> v4(long ip) {
    int i = Arrays.binarySearch(starts, ip);
    int at = i >= 0 ? i : -i - 2;
    return at >= 0 && ip <= ends[at] ? Optional.of(rangeNames[at]) : Optional.empty();
  }

  private Optional<String> v6(String addr) {
    String bits = expand6(addr);
    for (Object[] p : v6) {
      int n = (Integer) p[1];
      if (bits.regionMatches(0, (String) p[0], 0, n)) {
        return Optional.of((String) p[2]);
      }
    }
    return Optional.empty();
  }

  static long ipv4(String s) {
    long v = 0;
    for (String part : s.split("\\.")) {
      v = (v << 8) | Integer.parseInt(part);
    }
    return v;
  }

  /** An IPv6 address as 128 characters '0'/'1' (only for the few IPv6 prefixes). */
  static String expand6(String addr) {
    String a = addr;
    int dc = a.indexOf("::");
    List<String> groups = new ArrayList<>();
    if (dc >= 0) {
      String[] left = a.substring(0, dc).isEmpty() ? new String[0] : a.substring(0, dc).split(":");
      String[] right =
          a.substring(dc + 2).isEmpty() ? new String[0] : a.substring(dc + 2).split(":");
      groups.addAll(Arrays.asList(left));
      for (int i = 0; i < 8 - left.length - right.length; i++) {
        groups.add("0");
      }
      groups.addAll(Arrays.asList(right));
    } else {
      groups.addAll(Arrays.asList(a.split(":")));
    }
    StringBuilder sb = new StringBuilder(128);
    for (String g : groups) {
      int v = g.contains(".") ? 0 : Integer.parseInt(g.isEmpty() ? "0" : g, 16);
      String b = Integer.toBinaryString(v);
      sb.append("0".repeat(16 - b.length())).append(b);
    }
    return sb.toString();
  }
}
