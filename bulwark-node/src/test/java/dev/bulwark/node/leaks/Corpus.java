package dev.bulwark.node.leaks;

import dev.bulwark.node.leaks.Truth.Secret;
import dev.bulwark.node.leaks.World.Who;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generated corpus of one author (a contributor of its node's nation): its own releasability
 * definitions and one indicator per combination of TLP (none, CLEAR, GREEN, AMBER, AMBER+STRICT,
 * RED) × releasability (none, one nation, a group, named recipients) × granular marking on the
 * description (none, or a stricter marking), each carrying canaries registered in the {@link
 * Truth}. Not thread-safe.
 */
final class Corpus {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  static final List<Optional<Tlp>> TLPS =
      List.of(
          Optional.empty(),
          Optional.of(Tlp.CLEAR),
          Optional.of(Tlp.GREEN),
          Optional.of(Tlp.AMBER),
          Optional.of(Tlp.AMBER_STRICT),
          Optional.of(Tlp.RED));
  static final List<String> LISTS = List.of("none", "one", "group", "recipients");

  /** One indicator of the corpus. */
  record Item(
      String id,
      String version,
      Optional<Tlp> tlp,
      String list,
      boolean granular,
      Secret secret,
      Optional<Secret> part) {
    String label() {
      return secret.label();
    }
  }

  final Who author;
  final String created;

  /** The author's definitions by list name ("one", "group", "recipients", "granular"). */
  final Map<String, StixObject> definitions = new LinkedHashMap<>();

  final List<Item> items = new ArrayList<>();

  /**
   * The address each indicator's pattern names, by indicator id: one per indicator, and no two
   * corpora share one (FIN 100–147, EST 150–197, DEU 200–247), so a value tells whose it is.
   */
  final Map<String, String> addresses = new LinkedHashMap<>();

  final List<String> envelope = new ArrayList<>();

  /** The same combinations as register incidents (issue 16), posted to collection incidents. */
  final List<String> incidents = new ArrayList<>();

  final List<String> incidentEnvelope = new ArrayList<>();

  Corpus(
      Who author,
      Truth truth,
      Map<String, String> readerIdentities,
      Map<String, String> nodeIdentities,
      Instant when) {
    this.author = author;
    this.created = STAMP.format(when);
    String n = author.nation();
    String identity = author.identity().orElseThrow();
    Map<String, Releasability> lists = new LinkedHashMap<>();
    lists.put(
        "one",
        Releasability.toNations(
            switch (n) {
              case "FIN" -> "UKR";
              case "EST" -> "FIN";
              default -> "AUT";
            }));
    lists.put("group", Releasability.toNations(n.equals("EST") ? "EU" : "NATO"));
    // named recipients: two analysts, and a neighbouring node (finding 4: RED naming a peer was
    // pulled)
    lists.put(
        "recipients",
        new Releasability(
            Set.of(),
            Set.of(
                readerIdentities.get("UKR"),
                readerIdentities.get("DEU"),
                nodeIdentities.get(World.otherNode(n)))));
    lists.put("granular", Releasability.toNations("USA"));
    // FIN keeps its definitions unmarked (its own nation only), EST marks them CLEAR, DEU GREEN
    Optional<Tlp> defMarking =
        switch (n) {
          case "FIN" -> Optional.empty();
          case "EST" -> Optional.of(Tlp.CLEAR);
          default -> Optional.of(Tlp.GREEN);
        };
    lists.forEach(
        (name, r) -> {
          ObjectNode d = ReleasabilityMarking.markingDefinition(r, identity, created).json();
          String canary = Truth.canary();
          d.put("name", d.path("name").asString("") + " " + canary);
          defMarking.ifPresent(t -> d.putArray("object_marking_refs").add(t.markingDefinitionId()));
          StixObject def = StixObject.of(d);
          definitions.put(name, def);
          truth.add(
              new Secret(
                  canary,
                  n + " definition '" + name + "'",
                  def.id(),
                  n,
                  n,
                  defMarking.map(t -> List.of(t.definition())).orElse(List.of()),
                  List.of(),
                  Optional.of(r)));
          envelope.add(def.toJson());
        });
    int index = 0;
    for (int t = 0; t < TLPS.size(); t++) {
      for (int l = 0; l < LISTS.size(); l++) {
        for (boolean granular : List.of(false, true)) {
          Optional<Tlp> tlp = TLPS.get(t);
          String list = LISTS.get(l);
          List<StixObject> markings = new ArrayList<>();
          tlp.ifPresent(x -> markings.add(x.definition()));
          if (!list.equals("none")) {
            markings.add(definitions.get(list));
          }
          StixObject partMarking =
              (t + l) % 2 == 0 ? Tlp.AMBER_STRICT.definition() : definitions.get("granular");
          String label =
              n
                  + " "
                  + tlp.map(Tlp::name).orElse("no-TLP")
                  + "/"
                  + list
                  + (granular ? "/granular" : "");
          String id = "indicator--" + UUID.randomUUID();
          String canary = Truth.canary();
          Secret s =
              truth.add(new Secret(canary, label, id, n, n, List.copyOf(markings), List.of()));
          Optional<Secret> part = Optional.empty();
          int address = 100 + 50 * World.NODES.indexOf(n) + index++;
          addresses.put(id, "198.51.100." + address);
          ObjectNode o = indicator(id, identity, created, created, label + " " + canary, address);
          if (granular) {
            String partCanary = Truth.canary();
            part =
                Optional.of(
                    truth.add(
                        new Secret(
                            partCanary,
                            label + " (its restricted description)",
                            id,
                            n,
                            n,
                            List.copyOf(markings),
                            List.of(partMarking))));
            o.put("description", "restricted part " + partCanary);
            ObjectNode g = o.putArray("granular_markings").addObject();
            g.put("marking_ref", partMarking.id());
            g.putArray("selectors").add("description");
          } else {
            o.put("description", "text of " + canary);
          }
          if (!markings.isEmpty()) {
            ArrayNode refs = o.putArray("object_marking_refs");
            markings.forEach(m -> refs.add(m.id()));
          }
          envelope.add(o.toString());
          items.add(new Item(id, created, tlp, list, granular, s, part));
          incidentEnvelope.add(
              incident(truth, n, identity, label, markings, granular ? partMarking : null, index));
        }
      }
    }
  }

  /** A register incident under these markings, its name and description carrying canaries. */
  private String incident(
      Truth truth,
      String n,
      String identity,
      String label,
      List<StixObject> markings,
      StixObject partMarking,
      int index) {
    String id = "incident--" + UUID.randomUUID();
    String canary = Truth.canary();
    truth.add(new Secret(canary, label + " incident", id, n, n, List.copyOf(markings), List.of()));
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "incident");
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", identity);
    o.put("created", created);
    o.put("modified", created);
    o.put("name", label + " incident " + canary);
    if (partMarking != null) {
      String partCanary = Truth.canary();
      truth.add(
          new Secret(
              partCanary,
              label + " incident (its restricted description)",
              id,
              n,
              n,
              List.copyOf(markings),
              List.of(partMarking)));
      o.put("description", "restricted part " + partCanary);
      ObjectNode g = o.putArray("granular_markings").addObject();
      g.put("marking_ref", partMarking.id());
      g.putArray("selectors").add("description");
    } else {
      o.put("description", "text of " + canary);
    }
    ObjectNode ext =
        o.putObject("extensions")
            .putObject("extension-definition--3b1c6f0e-7a42-4d8e-9c15-b2e4a6d8f071");
    ext.put("extension_type", "property-extension");
    ext.put("kind", "other");
    ext.put("status", "reported");
    ext.put("first_seen", created);
    ext.putObject("location").put("latitude", 55.0 + index % 10).put("longitude", 20.0 + index % 7);
    ext.putObject("kind_fields").put("summary", "leak suite " + canary);
    if (!markings.isEmpty()) {
      ArrayNode refs = o.putArray("object_marking_refs");
      markings.forEach(m -> refs.add(m.id()));
    }
    incidents.add(id);
    return o.toString();
  }

  Item item(Optional<Tlp> tlp, String list, boolean granular) {
    return items.stream()
        .filter(i -> i.tlp().equals(tlp) && i.list().equals(list) && i.granular() == granular)
        .findFirst()
        .orElseThrow();
  }

  static ObjectNode indicator(
      String id, String createdBy, String created, String modified, String name, int n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "indicator");
    o.put("spec_version", "2.1");
    o.put("id", id);
    o.put("created_by_ref", createdBy);
    o.put("created", created);
    o.put("modified", modified);
    o.put("name", name);
    o.put("pattern", "[ipv4-addr:value = '198.51.100." + (n % 250) + "']");
    o.put("pattern_type", "stix");
    o.put("valid_from", created);
    return o;
  }

  static String envelope(List<String> objects) {
    return "{\"objects\":[" + String.join(",", objects) + "]}";
  }
}
