package dev.bulwark.incidents.sanctions;

import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.stix.StixObject;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sanctions proposal as FollowTheMoney JSON lines: a {@code Vessel} per vessel the incidents name
 * (IMO number and MMSI from their entities; the name from a vessel identity of the maritime watch
 * when one is in the evidence), a {@code Person} or {@code Company} per identity an attribution
 * points at ({@code identity_class} individual or organization), a {@code PublicBody} for a state
 * or state body (an organization in a {@code government-*} sector; the same name attributed by
 * several nations is one entity, its STIX identities kept in {@code notes}), and for each a {@code
 * Sanction} with status {@code proposed}, the authority, program, reason (the legal basis text),
 * listing date and the incidents as evidence. Every entity is checked against {@link FtmSchema}.
 * Only what the caller passes is read: pass only what the reader may see. Stateless and
 * thread-safe.
 */
public final class FtmWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MARITIME =
      "extension-definition--8f4c2a71-5d3e-4b9a-a6c0-2e7b1d9f4c38";

  private FtmWriter() {}

  /** The objects of one campaign: its incidents (by associated-with) and everything else given. */
  public static List<StixObject> ofCampaign(List<StixObject> visible, String campaignId) {
    Set<String> members = new HashSet<>();
    for (StixObject o : visible) {
      if (o.type().equals("relationship")
          && o.string("relationship_type").orElse("").equals("associated-with")
          && o.string("source_ref").orElse("").equals(campaignId)) {
        members.add(o.string("target_ref").orElse(""));
      }
    }
    return visible.stream()
        .filter(o -> !o.type().equals("incident") || members.contains(o.id()))
        .toList();
  }

  /**
   * The proposal.
   *
   * @param evidence the incidents, relationships and identities the reader may see
   * @param authority who would list them (e.g. {@code Council of the European Union})
   * @param program the sanctions program (e.g. {@code EU hybrid threats regime})
   * @param reason the legal basis and grounds, in words
   * @param listingDate the proposed listing date
   * @return one JSON object per line, entities before their sanctions
   */
  public static List<String> proposal(
      List<StixObject> evidence,
      String authority,
      String program,
      String reason,
      LocalDate listingDate) {
    Map<String, ObjectNode> entities = new LinkedHashMap<>();
    Map<String, Set<String>> evidenceOf = new LinkedHashMap<>();
    Map<String, String> vesselNames = vesselNames(evidence);
    Map<String, StixObject> byId = new LinkedHashMap<>();
    evidence.forEach(o -> byId.put(o.id(), o));
    for (StixObject o : evidence) {
      if (o.type().equals("incident")) {
        vessels(o, vesselNames, entities, evidenceOf);
      } else if (o.type().equals("relationship")
          && o.string("relationship_type").orElse("").equals("attributed-to")) {
        StixObject target = byId.get(o.string("target_ref").orElse(""));
        if (target != null && target.type().equals("identity")) {
          legalEntity(target, o.string("source_ref").orElse(""), entities, evidenceOf);
        }
      }
    }
    List<ObjectNode> out = new ArrayList<>(entities.values());
    for (Map.Entry<String, ObjectNode> e : entities.entrySet()) {
      ObjectNode s = entity("bulwark-sanction-" + e.getKey(), "Sanction");
      ObjectNode p = (ObjectNode) s.get("properties");
      put(p, "entity", e.getKey());
      put(p, "status", "proposed");
      put(p, "authority", authority);
      put(p, "program", program);
      put(p, "reason", reason);
      put(p, "listingDate", listingDate.toString());
      put(p, "summary", "Evidence: " + String.join(", ", evidenceOf.get(e.getKey())));
      out.add(s);
    }
    Set<String> ids = new HashSet<>();
    out.forEach(o -> ids.add(o.path("id").asString()));
    List<String> lines = new ArrayList<>(out.size());
    for (ObjectNode o : out) {
      List<Problem> problems = FtmSchema.check(o, ids);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "not valid FtM: " + o.path("id").asString() + " " + problems);
      }
      lines.add(JSON.writeValueAsString(o));
    }
    return lines;
  }

  private static void vessels(
      StixObject incident,
      Map<String, String> names,
      Map<String, ObjectNode> entities,
      Map<String, Set<String>> evidenceOf) {
    JsonNode e =
        incident.json().path("extensions").path(BulwarkExtensions.INCIDENT).path("entities");
    List<String> imos = strings(e.path("imo"));
    List<String> mmsis = strings(e.path("mmsi"));
    List<String[]> vessels = new ArrayList<>();
    if (imos.size() <= 1 && (!imos.isEmpty() || !mmsis.isEmpty())) {
      vessels.add(new String[] {imos.isEmpty() ? null : imos.get(0), String.join(",", mmsis)});
    } else {
      imos.forEach(i -> vessels.add(new String[] {i, ""}));
      mmsis.forEach(m -> vessels.add(new String[] {null, m}));
    }
    for (String[] v : vessels) {
      String key = v[0] != null ? "imo-" + v[0] : "mmsi-" + v[1].split(",")[0];
      String id = "bulwark-vessel-" + key;
      ObjectNode vessel = entities.computeIfAbsent(id, k -> entity(k, "Vessel"));
      ObjectNode p = (ObjectNode) vessel.get("properties");
      if (v[0] != null) {
        put(p, "imoNumber", "IMO" + v[0]);
      }
      for (String m : v[1].isEmpty() ? new String[0] : v[1].split(",")) {
        put(p, "mmsi", m);
      }
      String name =
          v[0] != null && names.containsKey(v[0]) ? names.get(v[0]) : names.get(v[1].split(",")[0]);
      if (!p.has("name")) {
        put(
            p,
            "name",
            name != null ? name : v[0] != null ? "IMO " + v[0] : "MMSI " + v[1].split(",")[0]);
      }
      evidenceOf.computeIfAbsent(id, k -> new TreeSet<>()).add(incident.id());
    }
  }

  private static void legalEntity(
      StixObject identity,
      String incidentId,
      Map<String, ObjectNode> entities,
      Map<String, Set<String>> evidenceOf) {
    String cls = identity.string("identity_class").orElse("");
    String name = identity.string("name").orElse(identity.id());
    boolean state = cls.equals("organization") && isGovernment(identity);
    String schema =
        cls.equals("individual")
            ? "Person"
            : state ? "PublicBody" : cls.equals("organization") ? "Company" : null;
    if (schema == null) {
      return;
    }
    // a state (or state body) is not a company; each nation holds its own identity of it, so the
    // same name from several nations is one entity, keyed by the name, every identity kept
    String id = state ? "bulwark-public-body-" + key(name) : "bulwark-" + identity.id();
    ObjectNode e = entities.computeIfAbsent(id, k -> entity(k, schema));
    ObjectNode p = (ObjectNode) e.get("properties");
    if (!p.has("name")) {
      put(p, "name", name);
    }
    if (state) {
      put(p, "notes", "STIX " + identity.id());
    }
    evidenceOf.computeIfAbsent(id, k -> new TreeSet<>()).add(incidentId);
  }

  /** An organization in a government sector (STIX industry-sector-ov {@code government-*}). */
  private static boolean isGovernment(StixObject identity) {
    for (JsonNode s : identity.json().path("sectors")) {
      if (s.asString().startsWith("government")) {
        return true;
      }
    }
    return false;
  }

  /** A stable key of a name: case, accents and punctuation folded. */
  static String key(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-|-$", "");
    return folded.isEmpty()
        ? UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString()
        : folded;
  }

  /** IMO and MMSI → name, from the maritime watch's vessel identities. */
  private static Map<String, String> vesselNames(List<StixObject> evidence) {
    Map<String, String> out = new LinkedHashMap<>();
    for (StixObject o : evidence) {
      JsonNode m = o.json().path("extensions").path(MARITIME);
      if (o.type().equals("identity") && m.isObject() && o.string("name").isPresent()) {
        String name = o.string("name").get();
        if (m.path("imo").isValueNode()) {
          out.put(m.path("imo").asString(), name);
        }
        if (m.path("mmsi").isValueNode()) {
          out.put(m.path("mmsi").asString(), name);
        }
      }
    }
    return out;
  }

  private static ObjectNode entity(String id, String schema) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("schema", schema);
    o.putObject("properties");
    return o;
  }

  private static void put(ObjectNode props, String name, String value) {
    JsonNode held = props.get(name);
    ArrayNode a = held instanceof ArrayNode arr ? arr : props.putArray(name);
    for (JsonNode v : a) {
      if (v.asString().equals(value)) {
        return;
      }
    }
    a.add(value);
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asString()));
    return out;
  }
}
