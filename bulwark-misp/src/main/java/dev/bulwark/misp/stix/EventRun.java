package dev.bulwark.misp.stix;

import dev.bulwark.misp.audience.Audience;
import dev.bulwark.misp.audience.AudienceResolver;
import dev.bulwark.misp.model.MispAttribute;
import dev.bulwark.misp.model.MispCluster;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.model.MispEventReport;
import dev.bulwark.misp.model.MispGalaxy;
import dev.bulwark.misp.model.MispObject;
import dev.bulwark.misp.model.MispObjectReference;
import dev.bulwark.misp.model.MispSighting;
import dev.bulwark.misp.model.MispTag;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.pattern.PatternException;
import dev.bulwark.stix.pattern.StixPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversion of one event: collects the STIX objects, the loss entries and the uuid rows. Not
 * thread-safe: one per event.
 */
final class EventRun {
  static final UUID REL_NAMESPACE = UUID.fromString("5a8e2d14-7c3b-5f90-a1d6-3e9b0c4f7a21");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MispEvent event;
  private final AudienceResolver resolver;
  private final Map<String, StixObject> out = new LinkedHashMap<>();
  private final List<LossEntry> losses = new ArrayList<>();
  private final List<UuidMapping> mappings = new ArrayList<>();
  private final List<String> refs = new ArrayList<>();
  private final Map<String, String> mainIdOf = new HashMap<>();
  private final Map<String, String> indicatorOf = new HashMap<>();
  private final Map<String, Audience> audienceOf = new HashMap<>();
  private final Map<Audience, List<String>> markingRefsOf = new HashMap<>();
  private final String createdBy;
  private final String created;
  private int attributes;
  private int objects;

  EventRun(MispEvent event, AudienceResolver resolver) {
    this.event = event;
    this.resolver = resolver;
    this.createdBy = event.orgc().uuid().isEmpty() ? null : "identity--" + event.orgc().uuid();
    this.created = time(event.timestamp());
  }

  EventConversion run() {
    String ev = "$.Event";
    Audience eventAudience =
        resolver.of(
            event.distribution(),
            event.sharingGroup(),
            event.tags(),
            null,
            n -> loss(ev + ".distribution", event.uuid(), "audience", n));
    if (createdBy != null) {
      ObjectNode id = base("identity", createdBy, eventAudience, event.timestamp());
      id.put("name", event.orgc().name().isEmpty() ? event.orgc().uuid() : event.orgc().name());
      id.put("identity_class", "organization");
      add(id);
    }
    for (int i = 0; i < event.attributes().size(); i++) {
      attribute(event.attributes().get(i), ev + ".Attribute[" + i + "]", eventAudience, null);
    }
    for (int i = 0; i < event.objects().size(); i++) {
      object(event.objects().get(i), ev + ".Object[" + i + "]", eventAudience);
    }
    for (int i = 0; i < event.objects().size(); i++) {
      references(event.objects().get(i), ev + ".Object[" + i + "]", eventAudience);
    }
    for (int i = 0; i < event.reports().size(); i++) {
      report(event.reports().get(i), ev + ".EventReport[" + i + "]", eventAudience);
    }
    galaxies(event.galaxies(), ev, null, eventAudience);
    for (int i = 0; i < event.sightings().size(); i++) {
      sighting(event.sightings().get(i), ev + ".Sighting[" + i + "]", eventAudience);
    }
    container(eventAudience);
    return new EventConversion(
        event.uuid(),
        event.timestamp(),
        new ArrayList<>(out.values()),
        new LossReport(event.uuid(), losses),
        mappings,
        attributes,
        objects);
  }

  private void container(Audience a) {
    boolean published = event.published() && event.publishTimestamp() > 0;
    String type = published ? "report" : "grouping";
    String id = type + "--" + event.uuid();
    ObjectNode c = base(type, id, a, event.timestamp());
    c.put("name", event.info().isEmpty() ? "MISP event " + event.uuid() : event.info());
    if (published) {
      c.put("published", time(event.publishTimestamp()));
    } else {
      c.put("context", "suspicious-activity");
    }
    List<String> labels = new ArrayList<>();
    labels.add(Labels.of("threat_level_id", Integer.toString(event.threatLevelId())));
    labels.add(Labels.of("analysis", Integer.toString(event.analysis())));
    if (!event.date().isEmpty()) {
      labels.add(Labels.of("date", event.date()));
    }
    event.tags().forEach(t -> labels.add(t.name()));
    strings(c, "labels", labels);
    List<String> all = new ArrayList<>(refs);
    if (all.isEmpty()) {
      all.add(createdBy != null ? createdBy : markingRefs(a, event.timestamp()).get(0));
    }
    strings(c, "object_refs", all);
    add(c);
    mappings.add(new UuidMapping(id, event.uuid()));
  }

  private void attribute(MispAttribute a, String path, Audience parent, MispObject in) {
    if (a.deleted()) {
      loss(path, a.uuid(), "attribute", "soft-deleted in MISP: not carried");
      return;
    }
    Audience aud =
        resolver.of(
            a.distribution(),
            a.sharingGroup(),
            a.tags(),
            parent,
            n -> loss(path + ".distribution", a.uuid(), "audience", n));
    attributes++;
    audienceOf.put(a.uuid(), aud);
    List<String> labels = attributeLabels(a, in);
    Optional<AttributeMap.Mapped> m = AttributeMap.map(a.type(), a.value(), a.uuid());
    String indicator = null;
    if (a.toIds() && m.isPresent()) {
      indicator = indicator(a, path, m.get().pattern(), labels, aud);
    }
    String main;
    if (m.isPresent()) {
      main = observed(a, m.get(), labels, aud);
      if (indicator != null) {
        relationship(indicator, "based-on", main, aud, a.timestamp());
        main = indicator;
      }
    } else {
      main = note(a, labels, aud);
    }
    mainIdOf.put(a.uuid(), main);
    if (indicator != null) {
      indicatorOf.put(a.uuid(), indicator);
    }
    galaxies(a.galaxies(), path, main, aud);
    for (int i = 0; i < a.sightings().size(); i++) {
      sighting(a.sightings().get(i), path + ".Sighting[" + i + "]", aud);
    }
  }

  private List<String> attributeLabels(MispAttribute a, MispObject in) {
    List<String> labels = new ArrayList<>();
    labels.add(Labels.of("type", a.type()));
    labels.add(Labels.of("category", a.category()));
    if (a.toIds()) {
      labels.add(Labels.of("to_ids", "True"));
    }
    if (in != null && a.objectRelation() != null) {
      labels.add(Labels.of("object_relation", a.objectRelation()));
    }
    for (MispTag t : a.tags()) {
      labels.add(t.name());
    }
    for (MispGalaxy g : a.galaxies()) {
      g.clusters().stream()
          .map(MispCluster::tagName)
          .filter(s -> !s.isEmpty())
          .forEach(labels::add);
    }
    return labels;
  }

  private String indicator(
      MispAttribute a, String path, String pattern, List<String> labels, Audience aud) {
    try {
      StixPattern.compile(pattern);
    } catch (PatternException e) {
      loss(path + ".value", a.uuid(), "indicator", "no valid STIX pattern: " + e.getMessage());
      return null;
    }
    String id = "indicator--" + a.uuid();
    ObjectNode o = base("indicator", id, aud, a.timestamp());
    o.put("pattern", pattern);
    o.put("pattern_type", "stix");
    o.put("pattern_version", "2.1");
    String from = a.firstSeen().filter(StixTimestamps::isValid).orElse(time(a.timestamp()));
    o.put("valid_from", from);
    a.lastSeen()
        .filter(StixTimestamps::isValid)
        .filter(t -> StixTimestamps.compare(t, from) > 0)
        .ifPresent(t -> o.put("valid_until", t));
    if (!a.comment().isEmpty()) {
      o.put("description", a.comment());
    }
    strings(o, "labels", labels);
    add(o);
    refs.add(id);
    mappings.add(new UuidMapping(id, a.uuid()));
    return id;
  }

  private String observed(
      MispAttribute a, AttributeMap.Mapped m, List<String> labels, Audience aud) {
    String id = "observed-data--" + a.uuid();
    ObjectNode o = base("observed-data", id, aud, a.timestamp());
    String first = a.firstSeen().filter(StixTimestamps::isValid).orElse(time(a.timestamp()));
    String last =
        a.lastSeen()
            .filter(StixTimestamps::isValid)
            .filter(t -> StixTimestamps.compare(t, first) >= 0)
            .orElse(first);
    o.put("first_observed", first);
    o.put("last_observed", last);
    o.put("number_observed", 1);
    List<String> scoIds = new ArrayList<>();
    for (ObjectNode sco : m.scos()) {
      ObjectNode s = sco.deepCopy();
      strings(s, "object_marking_refs", markingRefs(aud, a.timestamp()));
      add(s);
      scoIds.add(s.get("id").stringValue());
      mappings.add(new UuidMapping(s.get("id").stringValue(), a.uuid()));
    }
    strings(o, "object_refs", scoIds);
    strings(o, "labels", labels);
    if (!a.comment().isEmpty()) {
      o.put("x_misp_comment", a.comment());
    }
    add(o);
    refs.add(id);
    mappings.add(new UuidMapping(id, a.uuid()));
    return id;
  }

  /** An attribute no SCO fits: a note carrying type, category, to_ids and tags as labels. */
  private String note(MispAttribute a, List<String> labels, Audience aud) {
    String id = "note--" + a.uuid();
    ObjectNode o = base("note", id, aud, a.timestamp());
    o.put("abstract", a.type());
    o.put("content", a.value());
    strings(o, "object_refs", List.of(containerId()));
    strings(o, "labels", labels);
    if (!a.comment().isEmpty()) {
      o.put("x_misp_comment", a.comment());
    }
    add(o);
    refs.add(id);
    mappings.add(new UuidMapping(id, a.uuid()));
    return id;
  }

  private void object(MispObject o, String path, Audience parent) {
    Audience aud =
        resolver.of(
            o.distribution(),
            o.sharingGroup(),
            List.of(),
            parent,
            n -> loss(path + ".distribution", o.uuid(), "audience", n));
    List<String> members = new ArrayList<>();
    for (int i = 0; i < o.attributes().size(); i++) {
      MispAttribute a = o.attributes().get(i);
      attribute(a, path + ".Attribute[" + i + "]", aud, o);
      Optional.ofNullable(mainIdOf.get(a.uuid())).ifPresent(members::add);
    }
    objects++;
    String id = "grouping--" + o.uuid();
    ObjectNode g = base("grouping", id, aud, o.timestamp());
    g.put("name", o.name());
    g.put("context", "unspecified");
    if (!o.comment().isEmpty()) {
      g.put("description", o.comment());
    }
    List<String> labels = new ArrayList<>();
    labels.add(Labels.of("name", o.name()));
    labels.add(Labels.of("meta-category", o.metaCategory()));
    if (!o.templateUuid().isEmpty()) {
      labels.add(Labels.of("template_uuid", o.templateUuid()));
    }
    if (!o.templateVersion().isEmpty()) {
      labels.add(Labels.of("template_version", o.templateVersion()));
    }
    strings(g, "labels", labels);
    strings(g, "object_refs", members.isEmpty() ? List.of(containerId()) : members);
    add(g);
    refs.add(id);
    mainIdOf.put(o.uuid(), id);
    mappings.add(new UuidMapping(id, o.uuid()));
    objectIndicator(o, path, aud, labels);
  }

  /**
   * misp-stix's one indicator per object: the AND of its to_ids attributes' patterns, marked with
   * the narrowest audience among them (a value never travels under a wider marking than its own).
   * Labelled like the object grouping, so that the writer knows it stands for no attribute.
   */
  private void objectIndicator(MispObject o, String path, Audience objectAudience, List<String> l) {
    List<String> patterns = new ArrayList<>();
    Audience aud = objectAudience;
    long ts = o.timestamp();
    for (MispAttribute a : o.attributes()) {
      String ind = indicatorOf.get(a.uuid());
      if (ind != null && out.containsKey(ind)) {
        patterns.add(out.get(ind).string("pattern").orElseThrow());
        aud = aud.narrow(audienceOf.get(a.uuid()), resolver.settings().ownNation());
        ts = Math.max(ts, a.timestamp());
      }
    }
    if (patterns.isEmpty()) {
      return;
    }
    String pattern = ObjectPattern.combine(patterns);
    try {
      StixPattern.compile(pattern);
    } catch (PatternException e) {
      loss(path, o.uuid(), "object indicator", "no valid combined pattern: " + e.getMessage());
      return;
    }
    String id = "indicator--" + o.uuid();
    ObjectNode i = base("indicator", id, aud, ts);
    i.put("pattern", pattern);
    i.put("pattern_type", "stix");
    i.put("pattern_version", "2.1");
    i.put("valid_from", time(ts));
    strings(i, "labels", l);
    add(i);
    refs.add(id);
    mappings.add(new UuidMapping(id, o.uuid()));
  }

  private void references(MispObject o, String path, Audience parent) {
    for (int i = 0; i < o.references().size(); i++) {
      MispObjectReference r = o.references().get(i);
      String target = mainIdOf.get(r.referencedUuid());
      String p = path + ".ObjectReference[" + i + "]";
      if (target == null) {
        loss(p, r.uuid(), "object reference", "refers to " + r.referencedUuid() + ", not in event");
        continue;
      }
      String type = r.relationshipType().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
      relationship(
          mainIdOf.get(o.uuid()),
          type.isEmpty() ? "related-to" : type,
          target,
          parent,
          o.timestamp());
    }
  }

  private void report(MispEventReport r, String path, Audience parent) {
    Audience aud =
        resolver.of(
            r.distribution(),
            r.sharingGroup(),
            List.of(),
            parent,
            n -> loss(path + ".distribution", r.uuid(), "audience", n));
    String id = "note--" + r.uuid();
    ObjectNode o = base("note", id, aud, r.timestamp());
    o.put("abstract", r.name());
    o.put("content", r.content());
    strings(o, "object_refs", List.of(containerId()));
    strings(o, "labels", List.of("misp:event-report"));
    add(o);
    refs.add(id);
    mappings.add(new UuidMapping(id, r.uuid()));
  }

  private void galaxies(List<MispGalaxy> gs, String path, String holder, Audience aud) {
    for (int i = 0; i < gs.size(); i++) {
      MispGalaxy g = gs.get(i);
      Optional<String> type = Galaxies.sdoType(g);
      for (int j = 0; j < g.clusters().size(); j++) {
        MispCluster c = g.clusters().get(j);
        String p = path + ".Galaxy[" + i + "].GalaxyCluster[" + j + "]";
        if (type.isEmpty()) {
          loss(
              p,
              c.uuid(),
              "galaxy cluster",
              "galaxy type " + g.type() + " has no STIX SDO; its tag is kept as a label only");
          continue;
        }
        String id = Galaxies.id(type.get(), c);
        ObjectNode o = base(type.get(), id, aud, event.timestamp());
        o.put("name", c.value());
        if (!c.description().isEmpty()) {
          o.put("description", c.description());
        }
        if ("malware".equals(type.get())) {
          o.put("is_family", true);
        }
        strings(o, "labels", c.tagName().isEmpty() ? List.of() : List.of(c.tagName()));
        if (!out.containsKey(id)) {
          add(o);
          refs.add(id);
        }
        if (holder != null) {
          relationship(holder, "related-to", id, aud, event.timestamp());
        }
      }
    }
  }

  private void sighting(MispSighting s, String path, Audience aud) {
    String target = s.attributeUuid() == null ? null : mainIdOf.get(s.attributeUuid());
    if (target == null) {
      loss(path, s.uuid(), "sighting", "of an attribute not in the event");
      return;
    }
    String key = s.uuid().isEmpty() ? path + "|" + s.dateSighting() : s.uuid();
    UUID uuid = s.uuid().isEmpty() ? StixIds.uuid5(REL_NAMESPACE, key) : UUID.fromString(s.uuid());
    String when = time(s.dateSighting());
    switch (s.type()) {
      case MispSighting.SIGHTING -> {
        ObjectNode o = base("sighting", "sighting--" + uuid, aud, s.dateSighting());
        o.put("first_seen", when);
        o.put("last_seen", when);
        o.put("count", 1);
        o.put("sighting_of_ref", target);
        if (!s.source().isEmpty()) {
          o.put("description", "source: " + s.source());
        }
        addRef(o);
      }
      case MispSighting.FALSE_POSITIVE -> {
        ObjectNode o = base("opinion", "opinion--" + uuid, aud, s.dateSighting());
        o.put("opinion", "strongly-disagree");
        o.put("explanation", "MISP false-positive sighting" + source(s));
        strings(o, "object_refs", List.of(target));
        addRef(o);
      }
      default -> expiration(s, path, when);
    }
  }

  private void expiration(MispSighting s, String path, String when) {
    String ind = indicatorOf.get(s.attributeUuid());
    StixObject o = ind == null ? null : out.get(ind);
    if (o == null || StixTimestamps.compare(when, o.string("valid_from").orElse(when)) <= 0) {
      loss(path, s.uuid(), "sighting", "expiration without an indicator it can end: not carried");
      return;
    }
    ObjectNode j = o.json().deepCopy();
    j.put("valid_until", when);
    out.put(ind, StixObject.of(j));
  }

  private static String source(MispSighting s) {
    return s.source().isEmpty() ? "" : " (source: " + s.source() + ")";
  }

  private void relationship(String src, String type, String dst, Audience aud, long ts) {
    String id = "relationship--" + StixIds.uuid5(REL_NAMESPACE, src + "|" + type + "|" + dst);
    ObjectNode o = base("relationship", id, aud, ts);
    o.put("relationship_type", type);
    o.put("source_ref", src);
    o.put("target_ref", dst);
    addRef(o);
  }

  private void addRef(ObjectNode o) {
    add(o);
    refs.add(o.get("id").stringValue());
  }

  private String containerId() {
    return (event.published() && event.publishTimestamp() > 0 ? "report--" : "grouping--")
        + event.uuid();
  }

  private ObjectNode base(String type, String id, Audience aud, long ts) {
    ObjectNode o = NODES.objectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
    if (createdBy != null && !"identity".equals(type)) {
      o.put("created_by_ref", createdBy);
    }
    String t = time(ts == 0 ? event.timestamp() : ts);
    o.put("created", t);
    o.put("modified", t);
    strings(o, "object_marking_refs", markingRefs(aud, ts));
    return o;
  }

  /**
   * The marking refs of an object with this audience, its definitions added to the output once: an
   * event has a few distinct audiences, and building a definition (JSON, uuid5) for every object
   * was 42 % of a conversion (JFR, mispperf).
   */
  private List<String> markingRefs(Audience aud, long ts) {
    return markingRefsOf.computeIfAbsent(aud, this::newMarkingRefs);
  }

  private List<String> newMarkingRefs(Audience aud) {
    List<String> ids = new ArrayList<>(2);
    for (StixObject m :
        aud.markingDefinitions(
            resolver.settings().ownNation(), ReleasabilityMarking.BULWARK_IDENTITY_ID, created)) {
      ids.add(m.id());
      out.putIfAbsent(m.id(), m);
    }
    return List.copyOf(ids);
  }

  private void add(ObjectNode o) {
    out.put(o.get("id").stringValue(), StixObject.of(o));
  }

  private void loss(String path, String uuid, String what, String reason) {
    losses.add(new LossEntry(path, uuid, what, reason));
  }

  private static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }

  static String time(long epochSeconds) {
    return StixTimestamps.formatMillis(epochSeconds * 1000L);
  }
}
