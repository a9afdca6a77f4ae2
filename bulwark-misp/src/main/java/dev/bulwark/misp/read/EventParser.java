package dev.bulwark.misp.read;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispCluster;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispEventReport;
import dev.bulwark.misp.model.MispGalaxy;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispObjectReference;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.misp.model.MispSighting;
import dev.bulwark.misp.model.MispTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one MISP event object into records, path by path. Sharing groups are collected from
 * wherever they appear in the event and resolved by {@code sharing_group_id} for the parts that
 * only name them. Not thread-safe: one per event.
 */
final class EventParser {
  private final MispLimits limits;
  private final Map<String, MispSharingGroup> groupsById = new HashMap<>();
  private int attributes;

  EventParser(MispLimits limits) {
    this.limits = limits;
  }

  MispEvent event(JsonNode node, String path) throws MispFormatException {
    Fields f = new Fields(node, path);
    collectGroups(node, path, 0);
    Optional<MispSharingGroup> sg = group(f);
    List<MispAttribute> attrs = new ArrayList<>();
    JsonNode as = f.array("Attribute");
    for (int i = 0; i < as.size(); i++) {
      attrs.add(attribute(as.get(i), f.at("Attribute") + "[" + i + "]", null));
    }
    List<MispObject> objects = new ArrayList<>();
    JsonNode os = f.array("Object");
    for (int i = 0; i < os.size(); i++) {
      objects.add(object(os.get(i), f.at("Object") + "[" + i + "]"));
    }
    List<MispEventReport> reports = new ArrayList<>();
    JsonNode rs = f.array("EventReport");
    for (int i = 0; i < rs.size(); i++) {
      reports.add(report(rs.get(i), f.at("EventReport") + "[" + i + "]"));
    }
    Distribution d = distribution(f, Distribution.ORGANISATION);
    if (d == Distribution.INHERIT) {
      throw new MispFormatException(f.at("distribution"), "an event cannot inherit (5)");
    }
    return new MispEvent(
        f.uuid("uuid"),
        f.string("info", ""),
        f.string("date", ""),
        f.number("timestamp", 0),
        f.number("publish_timestamp", 0),
        f.bool("published", false),
        (int) f.number("threat_level_id", 4),
        (int) f.number("analysis", 0),
        d,
        sg,
        org(f, "Org"),
        org(f, "Orgc"),
        attrs,
        objects,
        tags(f),
        galaxies(f),
        reports,
        sightings(f, null));
  }

  /** A free-standing attribute or object collection, as misp-stix's test collections are. */
  MispAttribute attribute(JsonNode node, String path, String relationRequired)
      throws MispFormatException {
    if (++attributes > limits.maxAttributesPerEvent()) {
      throw new MispFormatException(
          path, "more than " + limits.maxAttributesPerEvent() + " attributes in one event");
    }
    Fields f = new Fields(node, path);
    String uuid = f.uuid("uuid");
    String type = f.requiredString("type");
    if (type.isBlank()) {
      throw new MispFormatException(f.at("type"), "empty type");
    }
    JsonNode v = f.get("value");
    if (v == null || !(v.isString() || v.isNumber())) {
      throw new MispFormatException(f.at("value"), v == null ? "missing" : "expected a string");
    }
    String relation = f.string("object_relation", null);
    if (relationRequired != null && relation == null) {
      relation = "";
    }
    return new MispAttribute(
        uuid,
        type,
        f.string("category", ""),
        v.asString(),
        f.bool("to_ids", false),
        f.number("timestamp", 0),
        distribution(f, Distribution.INHERIT),
        group(f),
        f.string("comment", ""),
        relation,
        Optional.ofNullable(f.string("first_seen", null)).filter(s -> !s.isEmpty()),
        Optional.ofNullable(f.string("last_seen", null)).filter(s -> !s.isEmpty()),
        f.bool("deleted", false),
        tags(f),
        galaxies(f),
        sightings(f, uuid));
  }

  MispObject object(JsonNode node, String path) throws MispFormatException {
    Fields f = new Fields(node, path);
    String name = f.requiredString("name");
    List<MispAttribute> attrs = new ArrayList<>();
    JsonNode as = f.array("Attribute");
    for (int i = 0; i < as.size(); i++) {
      attrs.add(attribute(as.get(i), f.at("Attribute") + "[" + i + "]", name));
    }
    List<MispObjectReference> refs = new ArrayList<>();
    JsonNode rs = f.array("ObjectReference");
    for (int i = 0; i < rs.size(); i++) {
      Fields r = new Fields(rs.get(i), f.at("ObjectReference") + "[" + i + "]");
      refs.add(
          new MispObjectReference(
              r.optionalUuid("uuid"),
              r.uuid("referenced_uuid"),
              r.string("relationship_type", "related-to"),
              r.string("comment", "")));
    }
    return new MispObject(
        f.uuid("uuid"),
        name,
        f.string("meta-category", f.string("meta_category", "")),
        f.optionalUuid("template_uuid"),
        f.string("template_version", ""),
        f.string("comment", ""),
        f.number("timestamp", 0),
        distribution(f, Distribution.INHERIT),
        group(f),
        attrs,
        refs);
  }

  private MispEventReport report(JsonNode node, String path) throws MispFormatException {
    Fields f = new Fields(node, path);
    return new MispEventReport(
        f.uuid("uuid"),
        f.string("name", ""),
        f.string("content", ""),
        f.number("timestamp", 0),
        distribution(f, Distribution.INHERIT),
        group(f));
  }

  private static Distribution distribution(Fields f, Distribution fallback)
      throws MispFormatException {
    long d = f.number("distribution", -1);
    if (d == -1) {
      return fallback;
    }
    if (d < 0 || d > 5) {
      throw new MispFormatException(f.at("distribution"), "must be 0 to 5, not " + d);
    }
    return Distribution.of((int) d);
  }

  private Optional<MispSharingGroup> group(Fields f) throws MispFormatException {
    JsonNode sg = f.get("SharingGroup");
    if (sg != null && sg.isObject() && sg.has("uuid")) {
      return Optional.of(sharingGroup(sg, f.at("SharingGroup")));
    }
    String id = f.string("sharing_group_id", "");
    if (id.isEmpty() || "0".equals(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(groupsById.get(id));
  }

  private void collectGroups(JsonNode node, String path, int depth) throws MispFormatException {
    if (depth > 3 || node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode sg = node.get("SharingGroup");
      if (sg != null && sg.isObject() && sg.has("uuid")) {
        MispSharingGroup g = sharingGroup(sg, path + ".SharingGroup");
        if (!g.id().isEmpty()) {
          groupsById.putIfAbsent(g.id(), g);
        }
      }
      for (String k : List.of("Attribute", "Object", "EventReport")) {
        JsonNode a = node.get(k);
        if (a != null && a.isArray()) {
          for (int i = 0; i < a.size(); i++) {
            collectGroups(a.get(i), path + "." + k + "[" + i + "]", depth + 1);
          }
        }
      }
    }
  }

  private static MispSharingGroup sharingGroup(JsonNode node, String path)
      throws MispFormatException {
    Fields f = new Fields(node, path);
    List<MispOrg> orgs = new ArrayList<>();
    JsonNode members = f.array("SharingGroupOrg");
    for (int i = 0; i < members.size(); i++) {
      String p = f.at("SharingGroupOrg") + "[" + i + "]";
      Fields m = new Fields(members.get(i), p);
      JsonNode o = m.get("Organisation");
      if (o == null) {
        throw new MispFormatException(p + ".Organisation", "missing");
      }
      Fields of = new Fields(o, p + ".Organisation");
      orgs.add(new MispOrg(of.uuid("uuid"), of.string("name", "")));
    }
    return new MispSharingGroup(f.string("id", ""), f.uuid("uuid"), f.string("name", ""), orgs);
  }

  private static MispOrg org(Fields f, String name) throws MispFormatException {
    JsonNode o = f.get(name);
    if (o == null) {
      return new MispOrg("", "");
    }
    Fields of = new Fields(o, f.at(name));
    return new MispOrg(of.optionalUuid("uuid"), of.string("name", ""));
  }

  private static List<MispTag> tags(Fields f) throws MispFormatException {
    List<MispTag> out = new ArrayList<>();
    JsonNode ts = f.array("Tag");
    for (int i = 0; i < ts.size(); i++) {
      Fields t = new Fields(ts.get(i), f.at("Tag") + "[" + i + "]");
      out.add(new MispTag(t.requiredString("name"), t.bool("local", false)));
    }
    return out;
  }

  private static List<MispGalaxy> galaxies(Fields f) throws MispFormatException {
    List<MispGalaxy> out = new ArrayList<>();
    JsonNode gs = f.array("Galaxy");
    for (int i = 0; i < gs.size(); i++) {
      Fields g = new Fields(gs.get(i), f.at("Galaxy") + "[" + i + "]");
      List<MispCluster> clusters = new ArrayList<>();
      JsonNode cs = g.array("GalaxyCluster");
      for (int j = 0; j < cs.size(); j++) {
        clusters.add(cluster(new Fields(cs.get(j), g.at("GalaxyCluster") + "[" + j + "]")));
      }
      out.add(
          new MispGalaxy(
              g.optionalUuid("uuid"), g.string("type", ""), g.string("name", ""), clusters));
    }
    return out;
  }

  private static MispCluster cluster(Fields c) throws MispFormatException {
    Map<String, List<String>> meta = new LinkedHashMap<>();
    JsonNode m = c.get("meta");
    if (m != null && m.isObject()) {
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> values.add(v.asString()));
        } else {
          values.add(e.getValue().asString());
        }
        meta.put(e.getKey(), values);
      }
    }
    return new MispCluster(
        c.optionalUuid("uuid"),
        c.string("type", ""),
        c.requiredString("value"),
        c.string("tag_name", ""),
        c.string("description", ""),
        meta);
  }

  private static List<MispSighting> sightings(Fields f, String attributeUuid)
      throws MispFormatException {
    List<MispSighting> out = new ArrayList<>();
    JsonNode ss = f.array("Sighting");
    for (int i = 0; i < ss.size(); i++) {
      Fields s = new Fields(ss.get(i), f.at("Sighting") + "[" + i + "]");
      String attr = attributeUuid != null ? attributeUuid : s.optionalUuid("attribute_uuid");
      long type = s.number("type", 0);
      if (type < 0 || type > 2) {
        throw new MispFormatException(s.at("type"), "must be 0, 1 or 2, not " + type);
      }
      MispOrg org = s.get("Organisation") == null ? null : org(s, "Organisation");
      out.add(
          new MispSighting(
              s.optionalUuid("uuid"),
              attr,
              (int) type,
              s.number("date_sighting", 0),
              s.string("source", ""),
              org));
    }
    return out;
  }
}
