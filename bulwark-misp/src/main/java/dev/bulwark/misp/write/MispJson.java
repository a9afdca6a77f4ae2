package dev.bulwark.misp.write;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispObjectReference;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.misp.model.MispSighting;
import dev.bulwark.misp.model.MispTag;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code dev.bulwark.misp.model} records as MISP core format JSON that validates against
 * MISP's {@code format/2.5/schema.json}: numbers as strings, only the schema's properties. Event
 * reports and galaxies are not written (the 2.5 schema has no {@code EventReport}; galaxies travel
 * as their {@code misp-galaxy:} tags, which MISP resolves). Stateless.
 */
public final class MispJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private MispJson() {}

  /**
   * The event as {@code {"Event": {...}}}.
   *
   * @param e the event
   * @return the JSON
   */
  public static ObjectNode write(MispEvent e) {
    ObjectNode root = NODES.objectNode();
    ObjectNode o = root.putObject("Event");
    o.put("uuid", e.uuid());
    o.put("info", e.info());
    o.put("date", e.date());
    o.put("timestamp", Long.toString(e.timestamp()));
    o.put("publish_timestamp", Long.toString(e.publishTimestamp()));
    o.put("published", e.published());
    o.put("threat_level_id", Integer.toString(e.threatLevelId()));
    o.put("analysis", Integer.toString(e.analysis()));
    audience(o, e.distribution(), e.sharingGroup(), true);
    if (!e.orgc().uuid().isEmpty()) {
      org(o.putObject("Orgc"), e.orgc());
    }
    tags(o, e.tags());
    ArrayNode attrs = o.putArray("Attribute");
    e.attributes().forEach(a -> attrs.add(attribute(a)));
    ArrayNode objects = o.putArray("Object");
    for (MispObject x : e.objects()) {
      objects.add(object(x));
    }
    return root;
  }

  /**
   * Serialises JSON.
   *
   * @param n the JSON
   * @return its text
   */
  public static String toJson(ObjectNode n) {
    return MAPPER.writeValueAsString(n);
  }

  private static ObjectNode object(MispObject x) {
    ObjectNode o = NODES.objectNode();
    o.put("uuid", x.uuid());
    o.put("name", x.name());
    o.put("meta-category", x.metaCategory());
    if (!x.templateUuid().isEmpty()) {
      o.put("template_uuid", x.templateUuid());
    }
    if (!x.templateVersion().isEmpty()) {
      o.put("template_version", x.templateVersion());
    }
    o.put("comment", x.comment());
    o.put("timestamp", Long.toString(x.timestamp()));
    o.put("distribution", Integer.toString(x.distribution().code()));
    x.sharingGroup()
        .filter(g -> x.distribution() == Distribution.SHARING_GROUP && !g.id().isEmpty())
        .ifPresent(g -> o.put("sharing_group_id", g.id()));
    ArrayNode attrs = o.putArray("Attribute");
    x.attributes().forEach(a -> attrs.add(attribute(a)));
    ArrayNode refs = o.putArray("ObjectReference");
    for (MispObjectReference r : x.references()) {
      ObjectNode ref = refs.addObject();
      if (!r.uuid().isEmpty()) {
        ref.put("uuid", r.uuid());
      }
      ref.put("object_uuid", x.uuid());
      ref.put("referenced_uuid", r.referencedUuid());
      ref.put("relationship_type", r.relationshipType());
      ref.put("comment", r.comment());
    }
    return o;
  }

  private static ObjectNode attribute(MispAttribute a) {
    ObjectNode o = NODES.objectNode();
    o.put("uuid", a.uuid());
    o.put("type", a.type());
    o.put("category", a.category());
    o.put("value", a.value());
    o.put("to_ids", a.toIds());
    o.put("timestamp", Long.toString(a.timestamp()));
    audience(o, a.distribution(), a.sharingGroup(), true);
    o.put("comment", a.comment());
    if (a.objectRelation() != null) {
      o.put("object_relation", a.objectRelation());
    }
    a.firstSeen().ifPresent(s -> o.put("first_seen", s));
    a.lastSeen().ifPresent(s -> o.put("last_seen", s));
    o.put("deleted", false);
    tags(o, a.tags());
    if (!a.sightings().isEmpty()) {
      ArrayNode ss = o.putArray("Sighting");
      for (MispSighting s : a.sightings()) {
        ObjectNode so = ss.addObject();
        if (!s.uuid().isEmpty()) {
          so.put("uuid", s.uuid());
        }
        so.put("type", Integer.toString(s.type()));
        so.put("date_sighting", Long.toString(s.dateSighting()));
        so.put("source", s.source());
      }
    }
    return o;
  }

  private static void audience(
      ObjectNode o, Distribution d, Optional<MispSharingGroup> sg, boolean groupAllowed) {
    o.put("distribution", Integer.toString(d.code()));
    if (d == Distribution.SHARING_GROUP && sg.isPresent() && groupAllowed) {
      ObjectNode g = o.putObject("SharingGroup");
      if (!sg.get().id().isEmpty()) {
        g.put("id", sg.get().id());
        o.put("sharing_group_id", sg.get().id());
      }
      g.put("uuid", sg.get().uuid());
      g.put("name", sg.get().name());
      ArrayNode members = g.putArray("SharingGroupOrg");
      for (MispOrg m : sg.get().organisations()) {
        org(members.addObject().putObject("Organisation"), m);
      }
    }
  }

  private static void org(ObjectNode o, MispOrg org) {
    o.put("uuid", org.uuid());
    o.put("name", org.name());
  }

  private static void tags(ObjectNode o, List<MispTag> tags) {
    ArrayNode a = o.putArray("Tag");
    tags.stream().map(MispTag::name).distinct().forEach(t -> a.addObject().put("name", t));
  }
}
