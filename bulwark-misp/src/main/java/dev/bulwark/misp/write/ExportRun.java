package dev.bulwark.misp.write;

import dev.bulwark.misp.audience.AudienceResolver;
import dev.bulwark.misp.audience.MispAudience;
import dev.bulwark.misp.audience.TlpTags;
import dev.bulwark.misp.feed.ManifestEntry;
import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispObjectReference;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.misp.model.MispSighting;
import dev.bulwark.misp.model.MispTag;
import dev.bulwark.misp.stix.Labels;
import dev.bulwark.misp.stix.LossEntry;
import dev.bulwark.misp.stix.LossReport;
import dev.bulwark.misp.stix.UuidTable;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** One export run: STIX objects → MISP events for one reader. Not thread-safe. */
final class ExportRun {
  static final UUID LOOSE_NAMESPACE = UUID.fromString("9e4b1c7d-3a2f-5d86-b0e9-6c1a4f8d2b73");
  private static final Set<String> ATTRIBUTE_TYPES = Set.of("indicator", "observed-data", "note");
  private static final Set<String> IMPLIED =
      Set.of(
          "identity",
          "marking-definition",
          "extension-definition",
          "relationship",
          "sighting",
          "opinion",
          "threat-actor",
          "attack-pattern",
          "intrusion-set",
          "course-of-action",
          "tool",
          "malware");

  private final AudienceResolver resolver;
  private final Function<String, Optional<StixObject>> markings;
  private final Function<StixObject, String> origin;
  private final String reader;
  private final Map<String, StixObject> byId = new LinkedHashMap<>();
  private final UuidTable table = new UuidTable();
  private final List<LossReport> losses = new ArrayList<>();
  private final List<ExportedEvent> events = new ArrayList<>();
  private final Set<String> used = new LinkedHashSet<>();
  private final Set<String> processed = new LinkedHashSet<>();
  private final Set<String> refused = new LinkedHashSet<>();
  private final Map<String, List<MispSighting>> sightings = new LinkedHashMap<>();
  private final Map<String, String> groupIds = new LinkedHashMap<>();
  private final Set<String> attributeGalaxies = new LinkedHashSet<>();
  private int attributes;
  private int notExported;

  ExportRun(
      AudienceResolver resolver,
      Function<String, Optional<StixObject>> markings,
      Function<StixObject, String> origin,
      String reader) {
    this.resolver = resolver;
    this.markings = markings;
    this.origin = origin;
    this.reader = reader;
  }

  ExportResult run(String collection, List<StixObject> objects) {
    objects.forEach(o -> byId.put(o.id(), o));
    collectSightings();
    for (StixObject r : objects) {
      String src = r.string("source_ref").orElse("");
      if ("relationship".equals(r.type())
          && "related-to".equals(r.string("relationship_type").orElse(""))
          && ATTRIBUTE_TYPES.contains(src.substring(0, Math.max(0, src.indexOf("--"))))) {
        attributeGalaxies.add(r.string("target_ref").orElse(""));
      }
    }
    for (StixObject o : objects) {
      if (isEventContainer(o)) {
        container(o);
      }
    }
    List<StixObject> loose = new ArrayList<>();
    List<LossEntry> looseLoss = new ArrayList<>();
    for (StixObject o : objects) {
      if (used.contains(o.id()) || isObjectIndicator(o)) {
        continue;
      }
      if (ATTRIBUTE_TYPES.contains(o.type()) || isObjectGrouping(o)) {
        loose.add(o);
      } else if (!IMPLIED.contains(o.type())
          && !isEventContainer(o)
          && !o.type().endsWith("-addr")
          && !isSco(o)) {
        looseLoss.add(new LossEntry(o.id(), "", o.type(), "no MISP equivalent: not exported"));
        notExported++;
      }
    }
    if (!loose.isEmpty()) {
      String uuid = StixIds.uuid5(LOOSE_NAMESPACE, collection + "|" + reader).toString();
      long ts = 0;
      for (StixObject o : loose) {
        ts = Math.max(ts, seconds(o.modified().orElse("1970-01-01T00:00:00Z")));
      }
      EventParts parts = parts(loose, uuid, looseLoss, Optional.empty());
      if (parts.attributes.isEmpty() && parts.objects.isEmpty()) {
        return finish(looseLoss);
      }
      MispEvent e =
          new MispEvent(
              uuid,
              "Bulwark collection " + collection,
              StixTimestamps.formatMillis(ts * 1000).substring(0, 10),
              ts,
              0,
              false,
              4,
              0,
              Distribution.ALL,
              Optional.empty(),
              new MispOrg("", ""),
              new MispOrg("", ""),
              parts.attributes,
              parts.objects,
              List.of(),
              List.of(),
              List.of(),
              List.of());
      emit(e);
    }
    return finish(looseLoss);
  }

  private ExportResult finish(List<LossEntry> looseLoss) {
    if (!looseLoss.isEmpty()) {
      losses.add(new LossReport("", looseLoss));
    }
    return new ExportResult(events, losses, table.collisions(), attributes, notExported);
  }

  private void container(StixObject c) {
    List<LossEntry> loss = new ArrayList<>();
    String uuid = table.claim(c.id(), uuidOf(c), c.id());
    used.add(c.id());
    List<StixObject> members = new ArrayList<>();
    for (String ref : strings(c.json().get("object_refs"))) {
      StixObject m = byId.get(ref);
      if (m != null) {
        members.add(m);
      }
    }
    Optional<MispAudience> aud = audience(c, loss);
    if (aud.isEmpty()) {
      for (StixObject m : members) {
        if (!used.contains(m.id()) && ATTRIBUTE_TYPES.contains(m.type()) && !isObjectIndicator(m)) {
          used.add(m.id());
          notExported++;
        }
      }
      notExported++;
      losses.add(new LossReport(uuid, loss));
      return;
    }
    EventParts parts = parts(members, uuid, loss, aud);
    List<String> labels = strings(c.json().get("labels"));
    List<MispTag> tags = new ArrayList<>();
    for (String l : labels) {
      if (!Labels.isOurs(l)) {
        tags.add(new MispTag(l, false));
      }
    }
    for (StixObject m : members) {
      // an attribute's cluster travels as that attribute's tag, not the event's
      if (IMPLIED.contains(m.type())
          && m.json().has("labels")
          && !attributeGalaxies.contains(m.id())) {
        strings(m.json().get("labels")).stream()
            .filter(l -> l.startsWith("misp-galaxy:"))
            .forEach(l -> tags.add(new MispTag(l, false)));
      }
    }
    addTlpTag(tags, aud.get(), Optional.empty());
    long ts = seconds(c.modified().orElse("1970-01-01T00:00:00Z"));
    boolean published = "report".equals(c.type());
    long pub = published ? seconds(c.string("published").orElse("1970-01-01T00:00:00Z")) : 0;
    MispEvent e =
        new MispEvent(
            uuid,
            c.string("name").orElse(""),
            Labels.value(labels, "date")
                .orElse(StixTimestamps.formatMillis(ts * 1000).substring(0, 10)),
            ts,
            pub,
            published,
            Integer.parseInt(
                Labels.value(labels, "threat_level_id")
                    .filter(s -> s.matches("[1-4]"))
                    .orElse("4")),
            Integer.parseInt(
                Labels.value(labels, "analysis").filter(s -> s.matches("[0-2]")).orElse("0")),
            aud.get().distribution(),
            withId(aud.get().sharingGroup()),
            orgc(c),
            orgc(c),
            parts.attributes,
            parts.objects,
            tags,
            List.of(),
            List.of(),
            List.of());
    losses.add(new LossReport(uuid, loss));
    emit(e);
  }

  private record EventParts(List<MispAttribute> attributes, List<MispObject> objects) {}

  private EventParts parts(
      List<StixObject> members, String eventUuid, List<LossEntry> loss, Optional<MispAudience> ev) {
    List<MispObject> objects = new ArrayList<>();
    Set<String> inObjects = new LinkedHashSet<>();
    for (StixObject m : members) {
      if (isObjectGrouping(m)) {
        used.add(m.id());
        // The object's own audience (narrower than the event's, or not expressible: then its
        // attributes carry theirs and the object inherits).
        Optional<MispAudience> oa = audience(m, new ArrayList<>());
        boolean own = oa.isPresent() && ev.isPresent() && !sameNations(ev.get(), oa.get());
        Optional<MispAudience> parent = own ? oa : ev;
        List<MispAttribute> attrs = new ArrayList<>();
        for (String ref : strings(m.json().get("object_refs"))) {
          StixObject a = byId.get(ref);
          if (a != null && ATTRIBUTE_TYPES.contains(a.type())) {
            inObjects.add(uuidOf(a));
            attribute(a, loss, parent, true).ifPresent(attrs::add);
          }
        }
        objects.add(object(m, attrs, own ? oa : Optional.empty()));
      }
    }
    Map<String, MispAttribute> attrs = new LinkedHashMap<>();
    for (StixObject m : members) {
      if (!ATTRIBUTE_TYPES.contains(m.type())
          || isObjectIndicator(m)
          || inObjects.contains(uuidOf(m))
          || processed.contains(m.id())) {
        continue;
      }
      attribute(m, loss, ev, false)
          .ifPresent(
              a -> {
                MispAttribute prev = attrs.get(a.uuid());
                attrs.put(a.uuid(), prev == null ? a : merge(prev, a));
              });
    }
    attributes += attrs.size();
    for (MispObject o : objects) {
      attributes += o.attributes().size();
    }
    return new EventParts(new ArrayList<>(attrs.values()), objects);
  }

  private Optional<MispAttribute> attribute(
      StixObject o, List<LossEntry> loss, Optional<MispAudience> ev, boolean inObject) {
    processed.add(o.id());
    for (String t : ATTRIBUTE_TYPES) {
      used.add(t + "--" + uuidOf(o));
    }
    List<String> labels = strings(o.json().get("labels"));
    if ("note".equals(o.type()) && labels.contains("misp:event-report")) {
      loss.add(
          new LossEntry(
              o.id(),
              uuidOf(o),
              "event report",
              "the MISP 2.5 JSON schema has no EventReport: not exported"));
      notExported++;
      return Optional.empty();
    }
    Optional<StixAttributes.TypedValue> tv =
        switch (o.type()) {
          case "indicator" -> StixAttributes.fromIndicator(o, labels);
          case "observed-data" -> StixAttributes.fromObserved(o, labels, byId);
          default ->
              Labels.value(labels, "type")
                  .map(t -> new StixAttributes.TypedValue(t, o.string("content").orElse("")));
        };
    if (tv.isEmpty()) {
      loss.add(new LossEntry(o.id(), uuidOf(o), o.type(), "no MISP attribute type fits"));
      notExported++;
      return Optional.empty();
    }
    Optional<MispAudience> aud = audience(o, loss);
    if (aud.isEmpty()) {
      if (refused.add(uuidOf(o))) {
        notExported++;
      }
      return Optional.empty();
    }
    String uuid = table.claim(o.id(), uuidOf(o), tv.get().type() + "|" + tv.get().value());
    List<MispTag> tags = new ArrayList<>();
    // misp-galaxy: labels included: MISP attaches a cluster to an attribute as its tag
    labels.stream().filter(l -> !Labels.isOurs(l)).forEach(l -> tags.add(new MispTag(l, false)));
    addTlpTag(tags, aud.get(), ev.flatMap(MispAudience::tlp));
    boolean inherit =
        ev.isPresent() && sameNations(ev.get(), aud.get()) && !inObjectWithOwnGroup(ev, inObject);
    String comment = o.string("description").or(() -> o.string("x_misp_comment")).orElse("");
    return Optional.of(
        new MispAttribute(
            uuid,
            tv.get().type(),
            Labels.value(labels, "category").orElse(defaultCategory(tv.get().type())),
            tv.get().value(),
            "indicator".equals(o.type())
                || "True".equals(Labels.value(labels, "to_ids").orElse("")),
            seconds(o.modified().orElse("1970-01-01T00:00:00Z")),
            inherit ? Distribution.INHERIT : aud.get().distribution(),
            inherit ? Optional.empty() : withId(aud.get().sharingGroup()),
            comment,
            inObject ? Labels.value(labels, "object_relation").orElse("") : null,
            Optional.empty(),
            Optional.empty(),
            false,
            tags,
            List.of(),
            sightings.getOrDefault(o.id(), List.of())));
  }

  /**
   * An object in a sharing group names it only by id (the 2.5 schema has no SharingGroup on
   * objects), so its attributes in that group carry the group itself for the reader to resolve.
   */
  private static boolean inObjectWithOwnGroup(Optional<MispAudience> parent, boolean inObject) {
    return inObject && parent.get().distribution() == Distribution.SHARING_GROUP;
  }

  /** Gives a sharing group a run-local id, so that an object can name it by sharing_group_id. */
  private Optional<MispSharingGroup> withId(Optional<MispSharingGroup> sg) {
    return sg.map(
        g -> {
          String id =
              groupIds.computeIfAbsent(g.uuid(), u -> Integer.toString(groupIds.size() + 1));
          return new MispSharingGroup(id, g.uuid(), g.name(), g.organisations());
        });
  }

  private static MispAttribute merge(MispAttribute a, MispAttribute b) {
    List<MispSighting> s = new ArrayList<>(a.sightings());
    s.addAll(b.sightings());
    return new MispAttribute(
        a.uuid(),
        a.type(),
        a.category(),
        a.value(),
        a.toIds() || b.toIds(),
        Math.max(a.timestamp(), b.timestamp()),
        a.distribution(),
        a.sharingGroup(),
        a.comment().isEmpty() ? b.comment() : a.comment(),
        a.objectRelation(),
        a.firstSeen(),
        a.lastSeen(),
        false,
        a.tags(),
        a.galaxies(),
        s);
  }

  private MispObject object(StixObject g, List<MispAttribute> attrs, Optional<MispAudience> own) {
    List<String> labels = strings(g.json().get("labels"));
    String uuid = table.claim(g.id(), uuidOf(g), g.id());
    List<MispObjectReference> refs = new ArrayList<>();
    for (StixObject r : byId.values()) {
      if ("relationship".equals(r.type()) && g.id().equals(r.string("source_ref").orElse(""))) {
        String target = r.string("target_ref").orElse("");
        refs.add(
            new MispObjectReference(
                uuidOf(r),
                target.substring(target.indexOf("--") + 2),
                r.string("relationship_type").orElse("related-to"),
                ""));
      }
    }
    return new MispObject(
        uuid,
        Labels.value(labels, "name").orElse(g.string("name").orElse("")),
        Labels.value(labels, "meta-category").orElse("misc"),
        Labels.value(labels, "template_uuid").orElse(""),
        Labels.value(labels, "template_version").orElse(""),
        g.string("description").orElse(""),
        seconds(g.modified().orElse("1970-01-01T00:00:00Z")),
        own.map(MispAudience::distribution).orElse(Distribution.INHERIT),
        withId(own.flatMap(MispAudience::sharingGroup)),
        attrs,
        refs);
  }

  private void collectSightings() {
    for (StixObject o : byId.values()) {
      String target;
      int type;
      String when;
      if ("sighting".equals(o.type())) {
        target = o.string("sighting_of_ref").orElse("");
        type = MispSighting.SIGHTING;
        when = o.string("first_seen").orElse(o.created().orElse("1970-01-01T00:00:00Z"));
      } else if ("opinion".equals(o.type())
          && "strongly-disagree".equals(o.string("opinion").orElse(""))) {
        List<String> refs = strings(o.json().get("object_refs"));
        target = refs.isEmpty() ? "" : refs.get(0);
        type = MispSighting.FALSE_POSITIVE;
        when = o.created().orElse("1970-01-01T00:00:00Z");
      } else {
        continue;
      }
      sightings
          .computeIfAbsent(target, k -> new ArrayList<>())
          .add(new MispSighting(uuidOf(o), uuidOf(target), type, seconds(when), "", null));
    }
  }

  private Optional<MispAudience> audience(StixObject o, List<LossEntry> loss) {
    List<StixObject> defs = new ArrayList<>();
    for (String ref : o.objectMarkingRefs()) {
      Optional<StixObject> m = markings.apply(ref);
      if (m.isEmpty()) {
        loss.add(
            new LossEntry(o.id(), uuidOf(o), o.type(), "marking not resolvable: not exported"));
        return Optional.empty();
      }
      defs.add(m.get());
    }
    List<String> why = new ArrayList<>(1);
    Optional<MispAudience> a = resolver.toMisp(defs, origin.apply(o), reader, why::add);
    if (a.isEmpty()) {
      loss.add(new LossEntry(o.id(), uuidOf(o), o.type(), String.join("; ", why)));
    }
    return a;
  }

  private static void addTlpTag(List<MispTag> tags, MispAudience a, Optional<?> parentTlp) {
    if (a.tlp().isEmpty() || a.tlp().equals(parentTlp)) {
      return;
    }
    if (tags.stream().anyMatch(t -> TlpTags.level(t.name()).isPresent())) {
      return;
    }
    if (a.distribution() == Distribution.ALL && a.tlp().get().name().equals("GREEN")) {
      return; // implied by distribution 3 on import
    }
    tags.add(new MispTag(TlpTags.tag(a.tlp().get()), false));
  }

  private static boolean sameNations(MispAudience ev, MispAudience a) {
    return ev.distribution() == a.distribution() && ev.sharingGroup().equals(a.sharingGroup());
  }

  private MispOrg orgc(StixObject c) {
    String ref = c.createdByRef().orElse("");
    StixObject id = byId.get(ref);
    if (id == null) {
      return new MispOrg("", "");
    }
    return new MispOrg(uuidOf(id), id.string("name").orElse(""));
  }

  private void emit(MispEvent e) {
    List<String> values = new ArrayList<>();
    e.attributes().forEach(a -> values.add(a.value()));
    e.objects().forEach(o -> o.attributes().forEach(a -> values.add(a.value())));
    List<String> tagNames = e.tags().stream().map(MispTag::name).toList();
    ManifestEntry m =
        new ManifestEntry(
            e.uuid(),
            e.info(),
            e.date(),
            e.timestamp(),
            e.threatLevelId(),
            e.analysis(),
            e.orgc(),
            tagNames);
    events.add(new ExportedEvent(e.uuid(), e.timestamp(), MispJson.write(e), m, values));
  }

  private static boolean isEventContainer(StixObject o) {
    return "report".equals(o.type()) || "grouping".equals(o.type()) && !isObjectGrouping(o);
  }

  private static boolean isObjectGrouping(StixObject o) {
    return "grouping".equals(o.type())
        && Labels.value(strings(o.json().get("labels")), "name").isPresent();
  }

  /**
   * The combined indicator of a MISP object (labelled like its grouping): no attribute of its own.
   */
  private static boolean isObjectIndicator(StixObject o) {
    return "indicator".equals(o.type()) && isObjectGrouping(o.json().get("labels"));
  }

  private static boolean isObjectGrouping(JsonNode labels) {
    return Labels.value(strings(labels), "name").isPresent();
  }

  private static boolean isSco(StixObject o) {
    return !o.has("created") && o.has("id");
  }

  private static String defaultCategory(String type) {
    return switch (type) {
      case "md5", "sha1", "sha256", "sha512", "filename", "ssdeep", "tlsh" -> "Payload delivery";
      default -> type.startsWith("filename|") ? "Payload delivery" : "Network activity";
    };
  }

  private static String uuidOf(StixObject o) {
    return uuidOf(o.id());
  }

  private static String uuidOf(String id) {
    return id.substring(id.indexOf("--") + 2);
  }

  static long seconds(String timestamp) {
    return StixTimestamps.toMillis(timestamp) / 1000L;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(x -> out.add(x.asString()));
    }
    return out;
  }
}
