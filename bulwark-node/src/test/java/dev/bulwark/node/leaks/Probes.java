package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Truth.Secret;
import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every read path that leaves a node, asked by every principal, each answer scanned for the bytes
 * of secrets the caller may not see (canaries of objects and of restricted parts, ids of objects)
 * and compared, where the rule says "denied looks like missing", with the answer about something
 * that does not exist. Thread-safe (the tally is; each probe works on its own caller).
 */
final class Probes {
  private static final String ROOT = "/bulwark";
  private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

  private final World world;
  private final Truth truth;
  private final Verdicts verdicts;
  private final Attacks attacks;
  private final long suiteStartMicros;

  /**
   * Canaries each caller was shown, to tell the report how much it could see (not only what it
   * could not).
   */
  final Set<String> shown = ConcurrentHashMap.newKeySet();

  /**
   * The answers about ids that never existed, per caller and path shape (they do not depend on the
   * id).
   */
  private final Map<String, String> controls = new ConcurrentHashMap<>();

  Probes(World world, Truth truth, Verdicts verdicts, Attacks attacks, long suiteStartMicros) {
    this.world = world;
    this.truth = truth;
    this.verdicts = verdicts;
    this.attacks = attacks;
    this.suiteStartMicros = suiteStartMicros;
  }

  /** Scans one answer: every canary and id in it must be one the caller may see. */
  void scan(String caller, Reader reader, String path, String text, Set<String> echo) {
    verdicts.pass();
    Set<String> leakedIds = new HashSet<>();
    for (Secret s : new LinkedHashSet<>(truth.hiddenCanaries(text, reader))) {
      leakedIds.add(s.id());
      verdicts.fail(
          new Verdicts.Failure(
              Kind.LEAK,
              s.part().isEmpty()
                  ? "text of an object the caller may not see"
                  : "a granularly restricted part the caller may not see",
              caller,
              path,
              s.label(),
              "text "
                  + s.canary()
                  + " of "
                  + s.label()
                  + " (origin "
                  + s.origin()
                  + ", posted at "
                  + s.postedAt()
                  + ") which "
                  + reader.nation()
                  + " may not see"));
    }
    for (String id : new LinkedHashSet<>(truth.hiddenIds(text, reader, echo))) {
      if (!leakedIds.contains(id)) {
        verdicts.fail(
            new Verdicts.Failure(
                Kind.LEAK,
                "the id of an object the caller may not see",
                caller,
                path,
                id,
                "the id of an object it may not see"));
      }
    }
    Matcher m = Truth.CANARY.matcher(text);
    while (m.find()) {
      shown.add(caller + " " + m.group());
    }
  }

  void scan(Who w, String path, Api.Answer a) {
    scan(w, path, a, Set.of());
  }

  /**
   * Scans an answer; {@code asked} are ids the caller named in its request (an answer may repeat
   * them).
   */
  void scan(Who w, String path, Api.Answer a, Set<String> asked) {
    Set<String> echo = echo(w);
    echo.addAll(asked);
    scan(w.toString(), w.reader(), path, a.body() + " " + a.headers().map(), echo);
  }

  /** Whether the caller itself posted this id (its own version may be answered to it). */
  boolean echoes(Who w, String id) {
    return echo(w).contains(id);
  }

  private Set<String> echo(Who w) {
    Set<String> ids = new HashSet<>();
    attacks.posts.stream().filter(p -> p.who().equals(w)).forEach(p -> ids.addAll(p.ids()));
    return ids;
  }

  /** TAXII objects and manifest, paged with a small limit, following next to the end. */
  void paged(Who w, String firstPath, int limit) {
    String base = firstPath + (firstPath.contains("?") ? "&" : "?") + "limit=" + limit;
    String path = base;
    boolean previousMoreButShort = false;
    boolean seenAfter = false;
    for (int page = 0; page < 400; page++) {
      Api.Answer a = w.api().taxii(path);
      scan(w, path, a);
      if (a.status() != 200) {
        return;
      }
      int items = countItems(a.body());
      if (previousMoreButShort && items > 0) {
        seenAfter = true;
      }
      Matcher m = NEXT.matcher(a.body());
      boolean more = a.body().contains("\"more\":true");
      if (!more || !m.find()) {
        verdicts.check(
            !previousMoreButShort || seenAfter,
            Kind.ORACLE,
            "paging reveals hidden rows",
            w.toString(),
            base,
            "-",
            "a page of fewer than "
                + limit
                + " objects said more=true, and nothing followed: the reader learns"
                + " that objects it may not see come after its last one");
        return;
      }
      if (more && items < limit) {
        previousMoreButShort = true;
        seenAfter = false;
      }
      String token = m.group(1);
      tokenCheck(w, base, token, a.header("X-TAXII-Date-Added-Last"));
      path = base + "&next=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
  }

  /** A next token must not carry in clear a position the reader was not shown. */
  private void tokenCheck(Who w, String path, String token, Optional<String> lastShown) {
    Optional<Long> clear = Optional.empty();
    String head = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
    for (int radix : new int[] {36, 10, 16}) {
      try {
        long v = Long.parseLong(head, radix);
        if (v >= suiteStartMicros && v <= suiteStartMicros + 3_600_000_000L) {
          clear = Optional.of(v);
          break;
        }
      } catch (NumberFormatException e) {
        // not a number in this radix
      }
    }
    long shownMicros =
        lastShown
            .map(
                s -> {
                  Instant i = Instant.parse(s);
                  return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
                })
            .orElse(-1L);
    verdicts.check(
        clear.isEmpty() || clear.get() == shownMicros,
        Kind.ORACLE,
        "next token carries in clear the position of a row the caller was not shown",
        w.toString(),
        path,
        "next=" + token,
        "the next token carries in clear the date_added "
            + clear.orElse(0L)
            + " of a row the reader was not shown"
            + " (last shown "
            + shownMicros
            + ")");
  }

  private static int countItems(String body) {
    JsonNode n = Corpus.JSON.readTree(body.isEmpty() ? "{}" : body);
    return Math.max(n.path("objects").size(), n.path("versions").size());
  }

  /**
   * An object by id, its versions and a match[id] filter: the answer scanned, and when no object of
   * that id is visible to the caller, equal to the answer for an id nobody ever used.
   */
  void byId(Who w, String collection, String id, boolean versionsToo, boolean filterToo) {
    boolean visible = truth.idVisible(id, w.reader()) || echo(w).contains(id);
    List<String> shapes =
        new ArrayList<>(List.of(ROOT + "/collections/" + collection + "/objects/%s/"));
    if (filterToo) {
      shapes.add(ROOT + "/collections/" + collection + "/objects/?match[id]=%s");
    }
    if (versionsToo) {
      shapes.add(ROOT + "/collections/" + collection + "/objects/%s/versions/");
      shapes.add(ROOT + "/collections/" + collection + "/objects/%s/?match[version]=all");
    }
    for (String shape : shapes) {
      String path = String.format(shape, id);
      Api.Answer a = w.api().taxii(path);
      scan(w, path, a, Set.of(id));
      if (!visible) {
        String type = id.substring(0, id.indexOf("--") + 2);
        String want =
            controls.computeIfAbsent(
                w + " " + shape + " " + type,
                k -> {
                  String missing = type + UUID.randomUUID();
                  Api.Answer control = w.api().taxii(String.format(shape, missing));
                  return control.status()
                      + " "
                      + control.body().replace(missing, "{id}")
                      + taxiiHeaders(control);
                });
        String got = a.status() + " " + a.body().replace(id, "{id}") + taxiiHeaders(a);
        verdicts.check(
            got.equals(want),
            Kind.ORACLE,
            "a hidden object answers unlike a missing one",
            w.toString(),
            path,
            id,
            "the answer for a hidden object ("
                + Attacks.abbreviate(got)
                + ") differs from one for a missing id ("
                + Attacks.abbreviate(want)
                + ")");
      }
    }
  }

  private static String taxiiHeaders(Api.Answer a) {
    return " "
        + a.header("X-TAXII-Date-Added-First").isPresent()
        + a.header("X-TAXII-Date-Added-Last").isPresent();
  }

  /**
   * The author (or anyone who may read its object) still gets the author's own text as the latest
   * version.
   */
  void guarded(Attacks.Guarded g, Who w) {
    if (!g.node().equals(w.node()) || !g.authorsVersion().mayBeRead(w.reader())) {
      return;
    }
    String path = ROOT + "/collections/" + g.collection() + "/objects/" + g.id() + "/";
    Api.Answer a = w.api().taxii(path);
    scan(w, path, a);
    verdicts.check(
        a.status() == 200 && a.body().contains(g.authorsVersion().canary()),
        Kind.TAMPER,
        "another principal's version replaces the author's",
        w.toString(),
        path,
        g.authorsVersion().label(),
        "after "
            + g.attack()
            + ", the latest version a reader of the author's"
            + " object gets is not the author's (HTTP "
            + a.status()
            + ": "
            + Attacks.abbreviate(a.body())
            + ")");
  }

  /** A reader replays another principal's next token with the same query. */
  void replay(Who owner, List<Who> others, String collection) {
    String base = ROOT + "/collections/" + collection + "/objects/?limit=5";
    Api.Answer first = owner.api().taxii(base);
    Matcher m = NEXT.matcher(first.body());
    if (!m.find()) {
      return;
    }
    String path = base + "&next=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    for (Who w : others) {
      Api.Answer a = w.api().taxii(path);
      scan(w, path + " (" + owner.name() + "'s token)", a);
    }
  }

  /** The status resources of other principals' POSTs: nothing of them, and like a missing one. */
  void statuses(Who w) {
    Api.Answer control = w.api().taxii(ROOT + "/status/" + UUID.randomUUID() + "/");
    for (Attacks.Post p : attacks.posts) {
      if (p.who().equals(w) || !p.who().node().equals(w.node())) {
        continue;
      }
      String path = ROOT + "/status/" + p.statusId() + "/";
      Api.Answer a = w.api().taxii(path);
      if (w.admin()) {
        // admins may read every status resource and the audit log, which name every id by design:
        // only
        // the text of what they may not see must stay out
        scan(w.toString(), w.reader(), path, a.body(), ids(a.body()));
        continue;
      }
      scan(w, path, a);
      verdicts.check(
          a.status() == control.status(),
          Kind.ORACLE,
          "another principal's status resource is found",
          w.toString(),
          path,
          p.who().toString(),
          "another principal's status resource answers HTTP "
              + a.status()
              + ", a missing one "
              + control.status());
    }
  }

  /** The maritime API: the alert list, each injected alert, and the watch's status. */
  void maritime(Who w, List<Attacks.Injected> injected) {
    Api.Answer list = w.api().get("/api/maritime/alerts", "application/json");
    scan(w, "/api/maritime/alerts", list);
    if (list.status() == 200) {
      for (JsonNode alert : Corpus.JSON.readTree(list.body())) {
        String incident = alert.path("incident_id").asString("");
        if (truth.idVisible(incident, w.reader())
            || truth.secret(firstCanary(alert.toString())) != null) {
          continue; // an injected or laundered alert: its canaries were scanned above
        }
        verdicts.check(
            nodeAlertVisible(w),
            Kind.LEAK,
            "the node's own alert shown to a nation outside NATO",
            w.toString(),
            "/api/maritime/alerts",
            incident,
            "an alert of the node's own watch (TLP:AMBER, releasable to NATO) shown to "
                + w.nation());
      }
    }
    Api.Answer control = w.api().get("/api/maritime/alerts/no-such-alert", "application/json");
    for (Attacks.Injected i : injected) {
      if (!i.node().equals(w.node())) {
        continue;
      }
      String path = "/api/maritime/alerts/" + i.alertId();
      Api.Answer a = w.api().get(path, "application/json");
      scan(w, path, a);
      if (!i.secret().mayBeRead(w.reader())) {
        String got = a.status() + " " + a.body().replace(i.alertId(), "{id}");
        String want = control.status() + " " + control.body().replace("no-such-alert", "{id}");
        verdicts.check(
            got.equals(want),
            Kind.ORACLE,
            "a hidden alert answers unlike a missing one",
            w.toString(),
            path,
            i.secret().label(),
            "a hidden alert answers "
                + Attacks.abbreviate(got)
                + ", a missing one "
                + Attacks.abbreviate(want));
      }
    }
    Api.Answer status = w.api().get("/api/maritime/status", "application/json");
    scan(w, "/api/maritime/status", status);
    if (status.status() == 200 && !nodeAlertVisible(w)) {
      JsonNode s = Corpus.JSON.readTree(status.body());
      long counted = s.path("alerts_raised").asLong(0) + s.path("alerts_published").asLong(0);
      verdicts.check(
          counted == 0,
          Kind.ORACLE,
          "status counts alerts the caller may not see",
          w.toString(),
          "/api/maritime/status",
          "node alerts",
          "counts "
              + counted
              + " alerts raised/published, none of which "
              + w.nation()
              + " may see");
    }
  }

  private static Set<String> ids(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = Truth.OBJECT_ID.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String firstCanary(String text) {
    Matcher m = Truth.CANARY.matcher(text);
    return m.find() ? m.group() : "";
  }

  /**
   * The node's own alerts: TLP:AMBER releasable to NATO, origin the node's nation (the default
   * configuration).
   */
  static boolean nodeAlertVisible(Who w) {
    StixObject nato =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("NATO"),
            "identity--" + UUID.nameUUIDFromBytes(w.node().getBytes(StandardCharsets.UTF_8)),
            "2026-11-28T00:00:00.000Z");
    return ReleaseRule.mayRead(
        w.reader(), w.node(), List.of(Tlp.AMBER.definition(), nato), ReleaseRule.ORIGIN_ONLY);
  }

  /**
   * Metrics: counts of objects, alerts and federation traffic are not for callers who may not see
   * them.
   */
  void metrics(Who w) {
    for (String path :
        List.of(
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/metrics/bulwark.federation.objects",
            "/bulwark/federation/status")) {
      Api.Answer a = w.api().get(path, "*/*");
      scan(w, path, a);
      if (w.admin()) {
        continue;
      }
      boolean reveals =
          a.status() == 200
              && (a.body().contains("bulwark_federation")
                  || a.body().contains("bulwark.federation")
                  || a.body().contains("bulwark_maritime_alerts")
                  || a.body().contains("\"measurements\"")
                  || a.body().contains("\"exchanges\""));
      verdicts.check(
          !reveals,
          Kind.ORACLE,
          "metrics count objects and traffic the caller may not see",
          w.toString(),
          path,
          "-",
          "a "
              + w.roles()
              + " of "
              + w.nation()
              + " reads counters of federation traffic and alerts, which count objects"
              + " it may not see (HTTP "
              + a.status()
              + ")");
    }
  }

  /**
   * The register's read endpoints (issue 16): the list, counts, map, exposure preview and each
   * incident's page; a hidden incident must answer as a missing one does.
   */
  void register(Who w, List<String> incidentIds, int slice, boolean everyId) {
    for (String path :
        List.of(
            "/api/incidents?limit=1000",
            "/api/incidents/counts",
            "/api/incidents/map",
            "/api/campaigns/suggestions")) {
      scan(w, path, w.api().get(path, "application/json"));
    }
    String preview = "{\"incident_ids\":[\"" + String.join("\",\"", incidentIds) + "\"]}";
    scan(
        w,
        "/api/exposure/preview",
        w.api().post("/api/exposure/preview", "application/json", preview),
        Set.copyOf(incidentIds));
    for (int i = 0; i < incidentIds.size(); i++) {
      if (!everyId && i % 4 != slice) {
        continue;
      }
      String id = incidentIds.get(i);
      String path = "/api/incidents/" + id;
      Api.Answer a = w.api().get(path, "application/json");
      scan(w, path, a, Set.of(id));
      boolean visible = truth.idVisible(id, w.reader()) || echo(w).contains(id);
      if (!visible) {
        String want =
            controls.computeIfAbsent(
                w + " register",
                k -> {
                  String missing = "incident--" + UUID.randomUUID();
                  Api.Answer c = w.api().get("/api/incidents/" + missing, "application/json");
                  return c.status() + " " + c.body().replace(missing, "{id}");
                });
        String got = a.status() + " " + a.body().replace(id, "{id}");
        verdicts.check(
            got.equals(want),
            Kind.ORACLE,
            "a hidden incident answers unlike a missing one",
            w.toString(),
            path,
            id,
            "the register's answer for a hidden incident ("
                + Attacks.abbreviate(got)
                + ") differs from one for a missing id ("
                + Attacks.abbreviate(want)
                + ")");
      }
    }
  }

  /** What the public (no credentials) is shown. */
  void anonymous(String node) {
    Api api = Api.anonymous(world.port(node));
    for (String path :
        List.of(
            "/public/support/reports",
            "/public/support/reports/latest",
            "/public/exposure",
            "/taxii2/",
            ROOT + "/collections/intel/objects/",
            "/api/maritime/alerts",
            "/actuator/prometheus")) {
      Api.Answer a =
          api.get(
              path,
              path.startsWith("/public") || path.startsWith("/api") || path.startsWith("/actuator")
                  ? "*/*"
                  : Api.TAXII);
      scan(
          "anonymous@" + node,
          Reader.anonymous(),
          path,
          a.body() + " " + a.headers().map(),
          Set.of());
    }
  }

  /** Federation: what each node ends up holding, whoever may ask it. */
  void holdings(String node) {
    for (StoredObject o : World.held(world.nodes.get(node))) {
      verdicts.pass();
      Matcher m = Truth.CANARY.matcher(o.json());
      while (m.find()) {
        Secret s = truth.secret(m.group());
        if (s != null && !s.mayBeHeldBy(node)) {
          boolean asRecipient =
              s.mayBeRead(new Reader(node, Optional.of(world.nodeIdentities.get(node))));
          verdicts.fail(
              new Verdicts.Failure(
                  Kind.LEAK,
                  s.red()
                      ? "TLP:RED held by another nation's node"
                      : asRecipient
                          ? "a node holds what names its identity as a recipient but not its nation"
                          : "a node holds what its nation may not see",
                  "node " + node,
                  "federation: store of " + node + ", collection " + o.collectionId(),
                  s.label(),
                  "holds text "
                      + s.canary()
                      + " of "
                      + s.label()
                      + " (origin "
                      + s.origin()
                      + ", posted at "
                      + s.postedAt()
                      + ")"
                      + (s.red() ? ": TLP:RED never leaves" : ", which " + node + " may not see")
                      + "; recorded origin "
                      + o.originNation()
                      + ", added by "
                      + o.addedBy()));
        }
      }
    }
  }
}
