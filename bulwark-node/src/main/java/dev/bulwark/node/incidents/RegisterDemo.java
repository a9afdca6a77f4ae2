package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Entities;
import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.attribution.Attribution;
import dev.bulwark.incidents.attribution.AttributionStix;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.kinds.KindFields;
import dev.bulwark.incidents.lifecycle.Lifecycle;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.incidents.migration.SyntheticCrossings;
import dev.bulwark.incidents.response.Response;
import dev.bulwark.incidents.response.ResponseOption;
import dev.bulwark.incidents.response.ResponseStatus;
import dev.bulwark.incidents.response.ResponseStix;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.store.AddOutcome;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's synthetic register (issue 16), labelled synthetic in every object: one act of every
 * kind, shaped on publicly reported events (Eagle S and Estlink 2, Yi Peng 3, Balticconnector, the
 * Finnish eastern border in November 2023, GNSS jamming over the Baltic), at different stages of
 * the lifecycle, some received from the Finnish node (origin FIN, as federation would store them),
 * attributions of the same acts by EST and FIN that differ, responses coordinated with allies, and
 * three accepted campaigns. Ids are name-based, so loading twice stores nothing new. Called once by
 * the demo; thread-safe.
 */
public final class RegisterDemo {
  private static final UUID NAMESPACE = UUID.fromString("4b0f5a8e-2c71-4d3a-9e6b-8f1c2d3e4a5b");
  private static final String SYNTHETIC = " [synthetic demo data, shaped on public reporting]";
  private static final String CREATED = "2026-12-01T00:00:00.000Z";

  private final ObjectStore store;
  private final StixValidator validator;
  private final MigrationCountStore counts;
  private final String nation;
  private final Map<String, List<StixObject>> byOrigin = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();

  public RegisterDemo(
      ObjectStore store, StixValidator validator, MigrationCountStore counts, String nation) {
    this.store = store;
    this.validator = validator;
    this.counts = counts;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  /** One act of the demo register. */
  private record Act(
      String key,
      String origin,
      String kind,
      String name,
      String firstSeen,
      double lat,
      double lon,
      JsonNode fields,
      JsonNode entities,
      String status,
      String tlp,
      List<String> releasableTo,
      String description) {}

  /** The demo's acts, from {@code register-demo.json} beside this class (see its SOURCES.md). */
  private static final List<Act> ACTS = acts();

  private static List<Act> acts() {
    try (InputStream in = RegisterDemo.class.getResourceAsStream("register-demo.json")) {
      if (in == null) {
        throw new IllegalStateException("register-demo.json is missing from the jar");
      }
      List<Act> out = new ArrayList<>();
      for (JsonNode a : RegisterStix.JSON.readTree(in).path("acts")) {
        List<String> rel = new ArrayList<>();
        a.path("releasable_to").forEach(n -> rel.add(n.asString()));
        out.add(
            new Act(
                a.path("key").asString(),
                a.path("origin").asString(),
                a.path("kind").asString(),
                a.path("name").asString(),
                a.path("first_seen").asString(),
                a.path("lat").asDouble(),
                a.path("lon").asDouble(),
                a.path("kind_fields"),
                a.path("entities"),
                a.path("status").asString(),
                a.path("tlp").asString(),
                rel,
                a.path("description").asString()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores the register; returns one line for the demo's banner. */
  public List<String> load() {
    long now = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    for (Act a : ACTS) {
      act(a, now);
    }
    attributions();
    responses();
    campaigns();
    int stored = 0;
    for (Map.Entry<String, List<StixObject>> e : byOrigin.entrySet()) {
      List<NewObject> rows = new ArrayList<>();
      for (StixObject o : e.getValue()) {
        ValidationResult v = validator.validate(o);
        if (!v.valid()) {
          throw new IllegalStateException("demo register: " + o.id() + " " + v.errors().get(0));
        }
        rows.add(NewObject.from(o));
      }
      String origin = e.getKey();
      Provenance p =
          origin.equals(nation)
              ? new Provenance(origin, "demo")
              : new Provenance(origin, "peer:" + origin.toLowerCase(Locale.ROOT) + "-demo");
      stored +=
          (int)
              store.addAll(RegisterReads.COLLECTION, rows, p).stream()
                  .filter(o -> o.status() == AddOutcome.Status.STORED)
                  .count();
    }
    int crossings = 0;
    if (counts.all().isEmpty()) {
      // shaped like the Finnish-Russian border in November 2023: a few a month, then dozens a day
      List<CrossingCount> series =
          SyntheticCrossings.series(
              List.of("Vaalimaa", "Nuijamaa", "Imatra", "Niirala", "Salla", "Raja-Jooseppi"),
              List.of("Vaalimaa", "Nuijamaa", "Salla"),
              LocalDate.of(2023, 6, 1),
              LocalDate.of(2023, 12, 31),
              LocalDate.of(2023, 11, 10),
              30,
              2023L);
      crossings = counts.putAll(series, nation, "demo", now * 1000).added();
    }
    return List.of(
        String.format(
            "  %-28s %d acts, %d objects stored, %d daily crossing counts (synthetic)",
            "register", ACTS.size(), stored, crossings),
        "  register console: /console/register.html  (README \"Hostile-act register\": a first"
            + " pass)");
  }

  /** Attributions of the same acts by EST and FIN that differ (confidence, words, markings). */
  private void attributions() {
    attribution(
        "eagle-s",
        "EST",
        "Russian Federation",
        70,
        "likely",
        "B",
        "2",
        "state-coordinated",
        "amber+strict",
        List.of());
    attribution(
        "eagle-s",
        "FIN",
        "Russian Federation",
        45,
        "roughly-even-chance",
        "C",
        "3",
        "state-ignored",
        "amber",
        List.of("EST"));
    attribution(
        "gnss-2024",
        "EST",
        "Russian Federation",
        90,
        "almost-certain",
        "A",
        "2",
        "state-executed",
        "green",
        List.of());
    attribution(
        "gnss-2024",
        "FIN",
        "Russian Federation",
        80,
        "very-likely",
        "B",
        "2",
        "state-executed",
        "green",
        List.of());
    attribution(
        "yi-peng-3",
        "FIN",
        "Russian Federation",
        35,
        "unlikely",
        "C",
        "4",
        "state-encouraged",
        "amber",
        List.of("EST"));
    attribution(
        "border-2023",
        "FIN",
        "Russian Federation",
        95,
        "almost-certain",
        "A",
        "1",
        "state-coordinated",
        "clear",
        List.of());
    attribution(
        "arson",
        "EST",
        "GRU unit 29155 (synthetic label)",
        60,
        "likely",
        "B",
        "3",
        "state-ordered",
        "amber",
        List.of());
  }

  /** Measured responses, some coordinated with allies. */
  private void responses() {
    response(
        "eagle-s",
        "EST",
        "diplomatic-demarche",
        "done",
        List.of("FIN"),
        "green",
        "Ambassador summoned");
    response(
        "eagle-s",
        "EST",
        "increased-posture",
        "in-progress",
        List.of("FIN", "DEU", "SWE"),
        "green",
        "Baltic Sentry patrols");
    response(
        "eagle-s",
        "FIN",
        "law-enforcement",
        "done",
        List.of("EST"),
        "green",
        "Vessel detained and investigated");
    response(
        "border-2023",
        "FIN",
        "infrastructure-hardening",
        "done",
        List.of(),
        "clear",
        "Crossing points closed; fence built");
    response(
        "cyber",
        "EST",
        "cyber-countermeasures",
        "done",
        List.of("LVA", "LTU"),
        "amber",
        "Traffic filtered upstream");
  }

  /** Three accepted campaigns. */
  private void campaigns() {
    campaign(
        "baltic-undersea",
        "Baltic undersea infrastructure campaign",
        List.of("eagle-s", "yi-peng-3", "balticconnector"),
        "green");
    campaign(
        "eastern-flank-pressure",
        "Pressure on the eastern border",
        List.of("border-2023", "gnss-2024", "airspace"),
        "green");
    campaign(
        "sabotage-on-land",
        "Sabotage on land by recruited proxies",
        List.of("rail", "arson", "energy"),
        "amber");
  }

  private String id(String type, String key) {
    return type + "--" + StixIds.uuid5(NAMESPACE, type + "|" + key);
  }

  private List<StixObject> out(String origin) {
    return byOrigin.computeIfAbsent(mapOrigin(origin), k -> new ArrayList<>());
  }

  /** Demo acts of "EST" are the node's own nation's; the others come from a peer. */
  private String mapOrigin(String origin) {
    return origin.equals("EST") ? nation : origin.equals(nation) ? "EST" : origin;
  }

  private List<String> markings(String origin, String tlp, List<String> releasableTo) {
    List<String> refs = new ArrayList<>();
    refs.add(Markings.tlp(tlp).orElseThrow().markingDefinitionId());
    if (!releasableTo.isEmpty()) {
      StixObject d =
          ReleasabilityMarking.markingDefinition(
              new Releasability(new TreeSet<>(releasableTo), Set.of()),
              RegisterStix.authorIdentity(mapOrigin(origin)),
              CREATED);
      refs.add(d.id());
      if (out(origin).stream().noneMatch(o -> o.id().equals(d.id()))) {
        out(origin).add(d);
      }
    }
    return refs;
  }

  private void act(Act a, long now) {
    String origin = mapOrigin(a.origin());
    ActKind kind = ActKind.ofSlug(a.kind()).orElseThrow();
    JsonNode fields = a.fields();
    JsonNode e = a.entities();
    Incident reported =
        Incident.reported(
            a.name() + " (synthetic)",
            a.description() + SYNTHETIC,
            KindFields.fromJson(kind, fields, "$.kind_fields"),
            Instant.parse(a.firstSeen()),
            Optional.of(new GeoPoint(a.lat(), a.lon())),
            new Entities(list(e, "imo"), list(e, "mmsi"), List.of(), List.of(), List.of()),
            markings(a.origin(), a.tlp(), a.releasableTo()),
            "analyst@" + origin,
            Instant.parse(a.firstSeen()).plusSeconds(3600),
            origin.equals(nation) ? "analyst" : "federation");
    Incident i = withId(reported, id("incident", a.key()));
    Instant at = i.firstSeen().plusSeconds(7200);
    Status target = Status.ofSlug(a.status()).orElseThrow();
    for (Status s : Status.values()) {
      if (i.status() == target) {
        break;
      }
      if (s.ordinal() > i.status().ordinal() && Lifecycle.allowed(i.status(), s)) {
        at = at.plusSeconds(86_400);
        i = Lifecycle.transition(i, s, "analyst@" + origin, at);
      }
    }
    out(a.origin()).add(IncidentStix.firstVersion(i, Instant.ofEpochMilli(now)));
    ids.put(a.key(), i.id());
  }

  private static Incident withId(Incident r, String id) {
    return new Incident(
        id,
        r.name(),
        r.description(),
        r.details(),
        r.status(),
        r.determination(),
        r.firstSeen(),
        r.location(),
        r.entities(),
        r.history(),
        r.evidenceRefs(),
        r.markings(),
        r.createdBy(),
        r.source());
  }

  private static List<String> list(JsonNode o, String field) {
    List<String> out = new ArrayList<>();
    o.path(field).forEach(n -> out.add(n.asString()));
    return out;
  }

  private void attribution(
      String act,
      String by,
      String actor,
      int confidence,
      String term,
      String reliability,
      String credibility,
      String responsibility,
      String tlp,
      List<String> releasableTo) {
    List<String> refs = markings(by, tlp, releasableTo);
    ObjectNode target =
        RegisterStix.base("identity", id("identity", by + "|" + actor + "|" + tlp), CREATED, refs);
    target.put("name", actor);
    target.put("identity_class", "organization");
    target.putArray("sectors").add("government-national");
    Attribution a =
        new Attribution(
            ids.get(act),
            target.path("id").asString(),
            confidence,
            RegisterStix.machinetag(term),
            reliability,
            credibility,
            responsibility,
            mapOrigin(by),
            "Assessment of " + mapOrigin(by) + SYNTHETIC,
            refs,
            Optional.empty());
    StixObject rel =
        AttributionStix.relationship(a, id("relationship", act + "|" + by), Instant.parse(CREATED));
    out(by).add(StixObject.of(target));
    out(by).add(rel);
  }

  private void response(
      String act,
      String by,
      String option,
      String status,
      List<String> allies,
      String tlp,
      String outcome) {
    Response r =
        new Response(
            List.of(ids.get(act)),
            ResponseOption.ofSlug(option).orElseThrow(),
            "government of " + mapOrigin(by),
            Instant.parse("2025-01-10T12:00:00.000Z"),
            allies,
            ResponseStatus.ofSlug(status).orElseThrow(),
            outcome + SYNTHETIC,
            markings(by, tlp, List.of()));
    out(by)
        .add(
            ResponseStix.task(
                r,
                id("task", act + "|" + by + "|" + option),
                option.replace('-', ' ') + " (synthetic)",
                "",
                Optional.empty(),
                Instant.parse(CREATED)));
  }

  private void campaign(String key, String name, List<String> acts, String tlp) {
    List<String> refs = markings("EST", tlp, List.of());
    ObjectNode c = RegisterStix.base("campaign", id("campaign", key), CREATED, refs);
    c.put("name", name + " (synthetic)");
    c.put("description", "Accepted from the register's suggestions" + SYNTHETIC);
    out("EST").add(StixObject.of(c));
    for (String act : acts) {
      ObjectNode r =
          RegisterStix.base("relationship", id("relationship", key + "|" + act), CREATED, refs);
      r.put("relationship_type", "associated-with");
      r.put("source_ref", c.path("id").asString());
      r.put("target_ref", ids.get(act));
      out("EST").add(StixObject.of(r));
    }
  }
}
