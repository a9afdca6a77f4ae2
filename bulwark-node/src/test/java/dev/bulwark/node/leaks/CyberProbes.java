package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17's read paths in the leak suite: sensors of three nations at every node post Suricata
 * events that touch the address of every corpus indicator ({@code 198.51.100.0-249}); every caller
 * then reads the sightings list, the overview and each sighting by id. A sighting (or a name, a
 * pattern, a count) of an indicator the caller may not read is a leak the canary and id scan
 * catches; a sighting the caller may not read must answer as one that does not exist. Thread-safe.
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

  CyberProbes(World world, Probes probes, Verdicts verdicts) {
    this.world = world;
    this.probes = probes;
    this.verdicts = verdicts;
  }

  /** One EVE flow from a plant to each address a corpus indicator names. */
  static String events() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      sb.append("{\"timestamp\":\"2026-01-01T10:00:")
          .append(String.format("%02d", i % 60))
          .append(
              ".000000+0000\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.3\",\"src_port\":40000,")
          .append("\"dest_ip\":\"198.51.100.")
          .append(i)
          .append("\",\"dest_port\":443,\"proto\":\"TCP\"}\n");
    }
    return sb.toString();
  }

  /** Every sensor posts the events; its answer is scanned like any other read. */
  void sense() {
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
      }
    }
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
