package dev.bulwark.node.leaks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tally of the suite: every check made, and every failure by kind (a leak: bytes of an object a
 * reader may not see reached it; an oracle: an answer that differs according to hidden objects; a
 * tamper: someone else's text took the place of an author's object). Keeps the first failures of
 * each path in full for the report. Thread-safe.
 */
final class Verdicts {
  enum Kind {
    LEAK,
    ORACLE,
    TAMPER
  }

  /** One failure: who asked, where, about which object, and why it is one. */
  record Failure(Kind kind, String rule, String reader, String path, String object, String why) {
    @Override
    public String toString() {
      return kind + "  " + reader + "  " + path + "  " + object + "  " + why;
    }
  }

  private static final int KEPT_PER_GROUP = 3;
  private final AtomicLong checks = new AtomicLong();
  private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
  private final Map<String, List<Failure>> firstByGroup = new TreeMap<>();
  private final Map<String, AtomicLong> countByGroup = new TreeMap<>();
  private final List<Failure> all = new ArrayList<>();

  Verdicts() {
    for (Kind k : Kind.values()) {
      counts.put(k, new AtomicLong());
    }
  }

  /** Counts one check; records a failure when it does not hold. */
  void check(
      boolean holds,
      Kind kind,
      String rule,
      String reader,
      String path,
      String object,
      String why) {
    checks.incrementAndGet();
    if (!holds) {
      fail(new Failure(kind, rule, reader, path, object, why));
    }
  }

  void pass() {
    checks.incrementAndGet();
  }

  synchronized void fail(Failure f) {
    counts.get(f.kind()).incrementAndGet();
    if (all.size() < 200_000) {
      all.add(f);
    }
    String group =
        f.kind()
            + " "
            + f.path()
                .replaceAll("--[0-9a-f-]{36}", "--{id}")
                .replaceAll(" \\(.*", "")
                .replaceAll("&?next=[^&]*", "")
                .replaceAll("&?limit=[0-9]+", "")
                .replaceAll("\\?$", "")
                .replaceAll("/status/[0-9a-f-]+/", "/status/{id}/")
                .replaceAll("/alerts/inj-[a-z-]+", "/alerts/{id}")
            + " — "
            + f.rule();
    countByGroup.computeIfAbsent(group, g -> new AtomicLong()).incrementAndGet();
    List<Failure> kept = firstByGroup.computeIfAbsent(group, g -> new ArrayList<>());
    if (kept.size() < KEPT_PER_GROUP && !kept.contains(f)) {
      kept.add(f);
    }
  }

  long checks() {
    return checks.get();
  }

  long count(Kind k) {
    return counts.get(k).get();
  }

  boolean clean() {
    return counts.values().stream().allMatch(c -> c.get() == 0);
  }

  String summary() {
    return "leak suite: "
        + checks()
        + " checks, "
        + count(Kind.LEAK)
        + " leaks, "
        + count(Kind.ORACLE)
        + " oracles, "
        + count(Kind.TAMPER)
        + " tampers";
  }

  /** Every failure, one a line, in the order found. */
  synchronized List<String> lines() {
    return all.stream().map(Failure::toString).toList();
  }

  /** The failures grouped by kind, path and reason, with the first of each in full. */
  synchronized String report() {
    StringBuilder b = new StringBuilder(summary()).append('\n');
    countByGroup.forEach(
        (group, n) -> {
          b.append(String.format("%6d × %s%n", n.get(), group));
          for (Failure f : firstByGroup.get(group)) {
            b.append("         e.g. ")
                .append(f.reader())
                .append(" ")
                .append(f.path())
                .append(" ")
                .append(f.object())
                .append(": ")
                .append(f.why())
                .append('\n');
          }
        });
    return b.toString();
  }
}
