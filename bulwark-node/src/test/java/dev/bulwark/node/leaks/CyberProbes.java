package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 17's read paths in the leak suite: sensors of three nations at every node post Suricata
 * events that touch the address of every corpus indicator ({@code 198.51.100.0-249}), stamped now
 * (after the indicators' {@code valid_from}: an event before it matches nothing); every caller then
 * reads the sightings list, the overview and each sighting by id. A sighting (or a name, a pattern,
 * a count) of an indicator the caller may not read is a leak the canary and id scan catches; a
 * sighting the caller may not read must answer as one that does not exist. Each sensor also posts
 * the values of every indicator its nation may not read, and as many unknown values: both answers
 * must be the same (no match, no sighting, no count). Thread-safe.
 */
final class CyberProbes {
  private final World world;
  private final Probes probes;
  private final Verdicts verdicts;

  /** Sighting ids each caller was shown, and every sighting id of each node. */
  private final Map<Who, Set<String>> shown = new ConcurrentHashMap<>();

  private final Map<String, Set<String>> all = new ConcurrentHashMap<>();

  /** What each sensor's post answered, for the suite's notes. */
  final List<String> notes = new CopyOnWriteArrayList<>();

  /** Matches the sensors' posts of every corpus address answered, all sensors together. */
  private final AtomicLong matches = new AtomicLong();

  /** Values of indicators a sensor may not read that it posted (the foreign-value attack). */
  private final AtomicLong foreignValues = new AtomicLong();

  /** Of those, values of indicators the sensor's node may hold (the attack is not vacuous). */
  private final AtomicLong foreignHeld = new AtomicLong();

  private static final DateTimeFormatter EVE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+0000'").withZone(ZoneOffset.UTC);

  CyberProbes(World world, Probes probes, Verdicts verdicts) {
    this.world = world;
    this.probes = probes;
    this.verdicts = verdicts;
  }

  /** One EVE flow from a plant to an address, at a time. */
  static String event(Instant at, String address) {
    return "{\"timestamp\":\""
        + EVE.format(at)
        + "\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.3\",\"src_port\":40000,"
        + "\"dest_ip\":\""
        + address
        + "\",\"dest_port\":443,\"proto\":\"TCP\"}\n";
  }

  /** One EVE flow to each address a corpus indicator names, from now on (one per millisecond). */
  static String events() {
    Instant at = Instant.now();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      sb.append(event(at.plusMillis(i), "198.51.100." + i));
    }
    return sb.toString();
  }

  /**
   * Every sensor posts the events; its answer is scanned like any other read. Then it attacks with
   * the values of the indicators it may not read.
   */
  void sense(Collection<Corpus> corpora) {
    String body = events();
    for (String node : World.NODES) {
      for (Who s : world.sensors.get(node)) {
        Api.Answer a = s.api().post("/api/cyber/events?format=eve", "application/x-ndjson", body);
        verdicts.check(
            a.status() == 200,
            Kind.LEAK,
            "a sensor's post is refused",
            s.toString(),
            "/api/cyber/events",
            "",
            "HTTP " + a.status() + " " + Attacks.abbreviate(a.body()));
        probes.scan(s, "/api/cyber/events", a);
        notes.add(s + " posts 250 events: " + Attacks.abbreviate(a.body()));
        if (a.status() == 200) {
          matches.addAndGet(Corpus.JSON.readTree(a.body()).path("matches").asLong());
        }
        foreign(s, corpora);
      }
    }
  }

  /**
   * The sensor posts one event to the value of each indicator its nation may not read, then as many
   * events to values no indicator names: the two answers must be the same (the post's rate aside),
   * so the first neither matches nor counts nor tells anything.
   */
  private void foreign(Who s, Collection<Corpus> corpora) {
    List<String> values = new ArrayList<>();
    for (Corpus c : corpora) {
      for (Corpus.Item i : c.items) {
        if (!i.secret().mayBeRead(s.reader())) {
          values.add(c.addresses.get(i.id()));
          if (i.secret().mayBeHeldBy(s.node())) {
            foreignHeld.incrementAndGet();
          }
        }
      }
    }
    if (values.isEmpty()) {
      return;
    }
    Instant at = Instant.now();
    StringBuilder forbidden = new StringBuilder();
    StringBuilder unknown = new StringBuilder();
    for (int k = 0; k < values.size(); k++) {
      forbidden.append(event(at.plusMillis(k), values.get(k)));
      unknown.append(event(at.plusMillis(k), "203.0.113." + (k % 250)));
    }
    String path = "/api/cyber/events";
    Api.Answer f = s.api().post(path + "?format=eve", "application/x-ndjson", forbidden.toString());
    Api.Answer u = s.api().post(path + "?format=eve", "application/x-ndjson", unknown.toString());
    probes.scan(s, path, f);
    probes.scan(s, path, u);
    String got = f.status() + " " + withoutRate(f);
    String want = u.status() + " " + withoutRate(u);
    verdicts.check(
        got.equals(want) && f.status() == 200,
        Kind.ORACLE,
        "values of indicators a sensor may not read answer unlike unknown values",
        s.toString(),
        path,
        "",
        values.size() + " foreign values answer " + got + ", as many unknown ones " + want);
    foreignValues.addAndGet(values.size());
    notes.add(s + " posts " + values.size() + " values it may not read: " + got);
  }

  private static String withoutRate(Api.Answer a) {
    try {
      ObjectNode o = (ObjectNode) Corpus.JSON.readTree(a.body());
      o.remove("events_per_second");
      return o.toString();
    } catch (RuntimeException e) {
      return a.body();
    }
  }

  /** Matches all sensors' posts of the corpus addresses answered (the index is not empty). */
  long matches() {
    return matches.get();
  }

  /** Values posted by sensors that may not read them, of indicators their node may hold. */
  long foreignHeld() {
    return foreignHeld.get();
  }

  /** Values of indicators a sensor may not read that sensors posted. */
  long foreignValues() {
    return foreignValues.get();
  }

  /** The caller reads the sightings list and the overview; both are scanned. */
  void read(Who w) {
    Api.Answer list = w.api().get("/api/cyber/sightings?limit=5000", "application/json");
    probes.scan(w, "/api/cyber/sightings", list);
    probes.scan(w, "/api/cyber/overview", w.api().get("/api/cyber/overview", "application/json"));
    Set<String> ids = ConcurrentHashMap.newKeySet();
    if (list.status() == 200) {
      for (JsonNode s : Corpus.JSON.readTree(list.body())) {
        String id = s.path("id").asString();
        ids.add(id);
        Api.Answer one = w.api().get("/api/cyber/sightings/" + id, "application/json");
        probes.scan(w, "/api/cyber/sightings/{id}", one);
      }
    }
    shown.put(w, ids);
    all.computeIfAbsent(w.node(), k -> ConcurrentHashMap.newKeySet()).addAll(ids);
  }

  /** How many sightings the nodes made at all (the cyber probes are not vacuous). */
  int sightings() {
    return all.values().stream().mapToInt(Set::size).sum();
  }

  /** Each sighting a caller was not shown answers exactly as a sighting that does not exist. */
  void hidden() {
    for (Map.Entry<Who, Set<String>> e : shown.entrySet()) {
      Who w = e.getKey();
      String missing = "sighting--00000000-0000-4000-8000-000000000000";
      Api.Answer control = w.api().get("/api/cyber/sightings/" + missing, "application/json");
      String want = control.status() + " " + control.body();
      for (String id : all.getOrDefault(w.node(), Set.of())) {
        if (e.getValue().contains(id)) {
          continue;
        }
        String path = "/api/cyber/sightings/" + id;
        Api.Answer a = w.api().get(path, "application/json");
        probes.scan(w, path, a, Set.of(id));
        String got = a.status() + " " + a.body();
        verdicts.check(
            got.equals(want),
            Kind.ORACLE,
            "a hidden sighting answers unlike a missing one",
            w.toString(),
            path,
            id,
            "a hidden sighting answers " + Attacks.abbreviate(got) + ", a missing one " + want);
      }
    }
  }
}
