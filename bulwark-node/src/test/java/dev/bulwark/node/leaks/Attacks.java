package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Truth.Secret;
import dev.bulwark.node.leaks.Verdicts.Kind;
import dev.bulwark.node.leaks.World.Who;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the attackers do, each through the documented API with their own credentials: squat the ids
 * of other authors' marking-definitions (ahead of the author and after it), inject incidents into
 * the node-owned {@code maritime-alerts}, post colliding ids and versions of others' objects (the
 * write answers are compared with the answer for a new id: an oracle when they differ), and, as a
 * peer, publish a newer version of an object it can read. Everything they write is registered in
 * the {@link Truth} under their own nation, since that is what it is. Not thread-safe.
 */
final class Attacks {
  static final String MARITIME_EXTENSION =
      "extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38";

  /**
   * A POST an attacker made: who, the status id and the ids it echoes (not leaks to the poster).
   */
  record Post(Who who, String statusId, Set<String> ids) {}

  /** An injected alert: the alert id the maritime API lists it under, and its secret. */
  record Injected(String node, String alertId, Secret secret) {}

  /**
   * An object an author must still find as the latest version of its own (not someone else's text).
   */
  record Guarded(String node, String collection, String id, Secret authorsVersion, String attack) {}

  private final World world;
  private final Truth truth;
  private final Verdicts verdicts;
  final List<Post> posts = new ArrayList<>();
  final List<Injected> injected = new ArrayList<>();
  final List<Guarded> guarded = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  Attacks(World world, Truth truth, Verdicts verdicts) {
    this.world = world;
    this.truth = truth;
    this.verdicts = verdicts;
  }

  /** Posts an envelope and records the status it got; returns the answer. */
  Api.Answer post(Who who, String collection, List<String> objects, Set<String> ids) {
    Api.Answer a =
        who.api()
            .post(
                "/bulwark/collections/" + collection + "/objects/",
                Api.TAXII,
                Corpus.envelope(objects));
    String statusId =
        Corpus.JSON.readTree(a.body().isEmpty() ? "{}" : a.body()).path("id").asString("");
    if (!statusId.isEmpty()) {
      posts.add(new Post(who, statusId, ids));
    }
    return a;
  }

  /** A releasability definition as wide as it gets, under someone else's id. */
  private StixObject squatter(Who mallory, String targetId, String created, String node) {
    Set<String> everyone = Set.copyOf(world.readerIdentities.values());
    Releasability wide = new Releasability(Set.of("NATO", "EU", "UKR", "AUT", "USA"), everyone);
    ObjectNode d =
        ReleasabilityMarking.markingDefinition(wide, mallory.identity().orElseThrow(), created)
            .json();
    d.put("id", targetId);
    String canary = Truth.canary();
    d.put("name", "squatted by " + mallory.name() + " " + canary);
    truth.add(
        new Secret(
            canary,
            "definition squatted by " + mallory,
            targetId,
            mallory.nation(),
            node,
            List.of(),
            List.of(),
            Optional.of(wide)));
    return StixObject.of(d);
  }

  /**
   * Finding 3b/3c: before the author posts, an attacker on its node posts definitions under its
   * ids.
   */
  void squatAhead(Corpus victim) {
    String node = victim.author.node();
    Who mallory = world.who(node, "mallory-ukr");
    String later = Corpus.STAMP.format(Instant.now().minusSeconds(5));
    post(
        mallory,
        "intel",
        List.of(squatter(mallory, victim.definitions.get("one").id(), later, node).toJson()),
        Set.of());
    post(
        mallory,
        "scratch",
        List.of(squatter(mallory, victim.definitions.get("group").id(), later, node).toJson()),
        Set.of());
    // the same version as the author's: a later post of the author's own is then "already held"
    // (not at
    // DEU, so that its recipients stay its own and what federation does with RED naming a peer
    // shows)
    if (!node.equals("DEU")) {
      post(
          mallory,
          "intel",
          List.of(
              squatter(mallory, victim.definitions.get("recipients").id(), victim.created, node)
                  .toJson()),
          Set.of());
    }
  }

  /** Finding 3a/3d: after federation, attackers define what other nodes' authors defined. */
  void squatAfter(Map<String, Corpus> corpora) {
    String later = Corpus.STAMP.format(Instant.now());
    Who atEst = world.who("EST", "mallory-ukr");
    List<String> fin = new ArrayList<>();
    for (String list : List.of("one", "group", "recipients", "granular")) {
      fin.add(
          squatter(atEst, corpora.get("FIN").definitions.get(list).id(), later, "EST").toJson());
    }
    post(atEst, "intel", fin, Set.of());
    Who atDeu = world.who("DEU", "mallory-est");
    post(
        atDeu,
        "scratch",
        List.of(
            squatter(atDeu, corpora.get("FIN").definitions.get("one").id(), later, "DEU").toJson(),
            squatter(atDeu, corpora.get("FIN").definitions.get("group").id(), later, "DEU")
                .toJson(),
            squatter(atDeu, corpora.get("EST").definitions.get("one").id(), later, "DEU").toJson()),
        Set.of());
    Who atFin = world.who("FIN", "mallory-est");
    post(
        atFin,
        "scratch",
        List.of(
            squatter(atFin, corpora.get("DEU").definitions.get("group").id(), later, "FIN")
                .toJson()),
        Set.of());
  }

  /**
   * Finding 1: contributors inject alerts marked for their own eyes into the node's alert
   * collection.
   */
  void inject(String node) {
    Who neighbour = world.who(node, "mallory-" + World.otherNode(node).toLowerCase());
    injectOne(node, neighbour, List.of(Tlp.AMBER_STRICT.definition()), List.of());
    Who ukr = world.who(node, "mallory-ukr");
    StixObject own =
        ReleasabilityMarking.markingDefinition(
            new Releasability(Set.of(), Set.of(ukr.identity().orElseThrow())),
            ukr.identity().orElseThrow(),
            Corpus.STAMP.format(Instant.now()));
    injectOne(node, ukr, List.of(Tlp.RED.definition(), own), List.of(own.toJson()));
  }

  private void injectOne(
      String node, Who mallory, List<StixObject> markings, List<String> definitions) {
    String now = Corpus.STAMP.format(Instant.now());
    String alertId = "inj-" + node.toLowerCase() + "-" + mallory.name();
    String id = "incident--" + UUID.randomUUID();
    String canary = Truth.canary();
    Secret s =
        truth.add(
            new Secret(
                canary,
                "alert injected by " + mallory,
                id,
                mallory.nation(),
                node,
                List.copyOf(markings),
                List.of()));
    ObjectNode o = Corpus.JSON.createObjectNode();
    o.put("type", "incident");
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", mallory.identity().orElseThrow());
    o.put("created", now);
    o.put("modified", now);
    o.put("name", "Anchor drag over cable " + canary);
    o.put("description", "seen by " + canary);
    ObjectNode ext = o.putObject("extensions").putObject(MARITIME_EXTENSION);
    ext.put("extension_type", "property-extension");
    ext.put("subject", "alert");
    ext.put("alert_id", alertId);
    ext.put("status", "open");
    ext.put("annotation_count", 0);
    ext.put("kind", "anchor-drag");
    ext.put("severity", "high");
    ext.put("score", 0.9);
    ext.put("summary", "vessel dragging anchor " + canary);
    ext.put("start", now);
    ext.put("end", now);
    ext.put("raised", now);
    ext.put("revision", 1);
    ext.put("mmsi", 518000099);
    ext.put("vessel_name", "SHADOW " + canary);
    var refs = o.putArray("object_marking_refs");
    markings.forEach(m -> refs.add(m.id()));
    List<String> env = new ArrayList<>(definitions);
    env.add(o.toString());
    Api.Answer a = post(mallory, "maritime-alerts", env, Set.of(id));
    notes.add(
        "inject " + alertId + " at " + node + ": HTTP " + a.status() + " " + abbreviate(a.body()));
    injected.add(new Injected(node, alertId, s));
  }

  /**
   * Finding 5 and 6: a contributor of another nation posts its own content under the id of an
   * object it may not read (same version, newer version, another collection) and of one it may read
   * (newer version). The answers for the hidden id must be those for a new id.
   */
  void collide(Corpus victim) {
    String node = victim.author.node();
    Who mallory = world.who(node, "mallory-ukr");
    Corpus.Item hidden = victim.item(Optional.of(Tlp.AMBER_STRICT), "none", false);
    Corpus.Item visible = victim.item(Optional.of(Tlp.GREEN), "none", false);
    String newer = Corpus.STAMP.format(Instant.now());
    String fresh = "indicator--" + UUID.randomUUID();
    Api.Answer control =
        post(mallory, "intel", List.of(own(mallory, node, fresh, newer, newer)), Set.of(fresh));
    String expected = normalized(control, fresh, newer);
    notes.add(mallory + " posts a new id: " + abbreviate(expected));
    record Case(String what, String collection, String id, String version) {}
    for (Case c :
        List.of(
            new Case(
                "the same id and version as a hidden object",
                "intel",
                hidden.id(),
                hidden.version()),
            new Case("a newer version of a hidden object", "intel", hidden.id(), newer),
            new Case(
                "the same id and version as a hidden object, in another collection",
                "scratch",
                hidden.id(),
                hidden.version()))) {
      Api.Answer a =
          post(
              mallory,
              c.collection(),
              List.of(own(mallory, node, c.id(), victim.created, c.version())),
              Set.of(c.id()));
      String got = normalized(a, c.id(), c.version());
      notes.add(mallory + " posts " + c.what() + ": " + abbreviate(got));
      verdicts.check(
          got.equals(expected),
          Kind.ORACLE,
          "a write answers differently for a hidden id",
          mallory.toString(),
          "POST /bulwark/collections/" + c.collection() + "/objects/",
          hidden.label(),
          "posting " + c.what() + " answers " + got + " where a new id answers " + expected);
    }
    post(
        mallory,
        "intel",
        List.of(own(mallory, node, visible.id(), victim.created, newer)),
        Set.of(visible.id()));
    guarded.add(
        new Guarded(
            node, "intel", visible.id(), visible.secret(), mallory + " posted a newer version"));
    guarded.add(
        new Guarded(
            node, "intel", hidden.id(), hidden.secret(), mallory + " posted colliding versions"));
  }

  /**
   * Finding 6: a peer publishes a newer version of an author's object it may read, with its own
   * text.
   */
  void peerRepublishes(Corpus victim, String peerNation) {
    String node = victim.author.node();
    Who peer = world.who(node, "node-" + peerNation.toLowerCase());
    Corpus.Item target = victim.item(Optional.of(Tlp.GREEN), "group", false);
    String newer = Corpus.STAMP.format(Instant.now());
    String canary = Truth.canary();
    truth.add(
        new Secret(
            canary,
            "newer version by peer " + peer,
            target.id(),
            peer.nation(),
            node,
            target.secret().markings(),
            List.of()));
    ObjectNode o =
        Corpus.indicator(
            target.id(),
            victim.author.identity().orElseThrow(),
            victim.created,
            newer,
            "republished by the peer " + canary,
            7);
    o.put("description", "peer text " + canary);
    var refs = o.putArray("object_marking_refs");
    target.secret().markings().forEach(m -> refs.add(m.id()));
    Api.Answer a = post(peer, "intel", List.of(o.toString()), Set.of(target.id()));
    notes.add(
        "peer "
            + peer
            + " republishes "
            + target.label()
            + ": HTTP "
            + a.status()
            + " "
            + abbreviate(a.body()));
    guarded.add(
        new Guarded(
            node, "intel", target.id(), target.secret(), peer + " published a newer version"));
  }

  private String own(Who mallory, String node, String id, String created, String modified) {
    String canary = Truth.canary();
    truth.add(
        new Secret(
            canary,
            "object posted by " + mallory + " under " + id,
            id,
            mallory.nation(),
            node,
            List.of(Tlp.GREEN.definition()),
            List.of()));
    ObjectNode o =
        Corpus.indicator(
            id,
            mallory.identity().orElseThrow(),
            created,
            modified,
            "attacker's text " + canary,
            3);
    o.putArray("object_marking_refs").add(Tlp.GREEN.markingDefinitionId());
    return o.toString();
  }

  /**
   * A write answer with what differs between any two posts taken out: its id, time, the object's id
   * and version.
   */
  static String normalized(Api.Answer a, String id, String version) {
    return a.status()
        + " "
        + a.body()
            .replaceAll("\"id\":\"[0-9a-f-]{36}\",?", "")
            .replaceAll("\"request_timestamp\":\"[^\"]*\",?", "")
            .replace(id, "{id}")
            .replace(version, "{version}");
  }

  static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
