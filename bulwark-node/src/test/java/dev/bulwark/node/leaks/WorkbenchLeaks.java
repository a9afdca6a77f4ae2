package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The workbench part of the leak suite (issue 20): every principal of every nation, at every node,
 * on every workbench read: the search browsed to its end page by page (following {@code next}),
 * searched for each secret's canary, facets and suggestions, each object's page, audience,
 * versions, diff and neighbourhood, and an export of every id. Every answer is scanned for canaries
 * and ids the caller may not see; an object's endpoints for a hidden id must answer exactly as for
 * a missing one. The corpus's markings (TLP levels, releasability to nations and recipients, RED,
 * granular parts) times the reader nations times these endpoints make the matrix. Thread-safe.
 */
final class WorkbenchLeaks {
  private static final String JSON = "application/json";
  private static final List<String> OBJECT_PATHS =
      List.of("", "/audience", "/versions", "/neighbours", "/diff");

  private final Truth truth;
  private final Verdicts verdicts;
  private final AtomicLong shown = new AtomicLong();
  private final Map<String, String> controls = new ConcurrentHashMap<>();

  WorkbenchLeaks(Truth truth, Verdicts verdicts) {
    this.truth = truth;
    this.verdicts = verdicts;
  }

  /** How many objects the workbench search showed in all (non-vacuity). */
  long shown() {
    return shown.get();
  }

  void probe(Probes probes, Who w, List<String> ids, int slice, boolean everyId) {
    browse(probes, w);
    for (String path :
        List.of(
            "/api/intel/facets",
            "/api/intel/suggest?prefix=a&limit=50",
            "/api/intel/suggest?prefix=i&limit=50",
            "/api/intel/collections")) {
      probes.scan(w, path, w.api().get(path, JSON));
    }
    List<Truth.Secret> secrets = truth.all();
    for (int i = 0; i < secrets.size(); i++) {
      if (i % 4 == slice) {
        String path = "/api/intel/search?limit=50&q=" + encode(secrets.get(i).canary());
        probes.scan(w, path, w.api().get(path, JSON));
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      if (everyId || i % 4 == slice) {
        byId(probes, w, ids.get(i));
      }
    }
    String export = "{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    probes.scan(
        w, "/api/intel/export", w.api().post("/api/intel/export", JSON, export), Set.copyOf(ids));
  }

  /** The whole search, a page at a time through the sealed next token. */
  private void browse(Probes probes, Who w) {
    String next = "";
    for (int page = 0; page < 200; page++) {
      String path = "/api/intel/search?limit=37" + (next.isEmpty() ? "" : "&next=" + next);
      Api.Answer a = w.api().get(path, JSON);
      probes.scan(w, path, a);
      if (a.status() != 200) {
        verdicts.check(
            false,
            Kind.ORACLE,
            "the search answers",
            w.toString(),
            path,
            "-",
            "HTTP " + a.status());
        return;
      }
      JsonNode body = Corpus.JSON.readTree(a.body());
      shown.addAndGet(body.path("objects").size());
      next = body.path("next").asString("");
      if (next.isEmpty()) {
        return;
      }
    }
  }

  private void byId(Probes probes, Who w, String id) {
    boolean visible = truth.idVisible(id, w.reader());
    for (String suffix : OBJECT_PATHS) {
      String path = "/api/intel/objects/" + id + suffix;
      Api.Answer a = w.api().get(path, JSON);
      probes.scan(w, path, a, Set.of(id));
      if (visible) {
        continue;
      }
      String type = id.substring(0, id.indexOf("--") + 2);
      String want =
          controls.computeIfAbsent(
              w + " " + suffix + " " + type,
              k -> {
                String missing = type + UUID.randomUUID();
                Api.Answer c = w.api().get("/api/intel/objects/" + missing + suffix, JSON);
                return c.status() + " " + c.body().replace(missing, "{id}");
              });
      String got = a.status() + " " + a.body().replace(id, "{id}");
      // an id the caller itself posted (an attacker's own version) may answer: it is its own
      verdicts.check(
          got.equals(want) || a.status() == 200 && probes.echoes(w, id),
          Kind.ORACLE,
          "a hidden object's workbench page answers unlike a missing one",
          w.toString(),
          path,
          id,
          "answered ("
              + Attacks.abbreviate(got)
              + ") instead of ("
              + Attacks.abbreviate(want)
              + ")");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
