package dev.bulwark.misp.audience;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispOrg;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.misp.model.MispTag;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.NationGroups;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns MISP audiences into Bulwark's two axes and back, failing closed:
 *
 * <ul>
 *   <li>0 (your organisation) → this node's nation only;
 *   <li>1, 2 (community, connected) → the link's nations (and this node's);
 *   <li>3 (all) → no nation restriction, TLP:GREEN unless a TLP tag says otherwise;
 *   <li>4 (sharing group) → the nations of the group's organisations; an organisation mapped to no
 *       nation receives nothing; an unknown group → this node's nation only;
 *   <li>5 (inherit) → the parent's; a part's own distribution only ever narrows its parent's.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class AudienceResolver {

  /** Namespace of the uuids of sharing groups written on export (one per nation set). */
  static final UUID GROUP_NAMESPACE = UUID.fromString("6f0a4b2c-9d3e-5a71-8c4b-2e1f0d9a7b36");

  private final AudienceSettings settings;

  /**
   * A resolver for one MISP link.
   *
   * @param settings nations and organisations
   */
  public AudienceResolver(AudienceSettings settings) {
    this.settings = settings;
  }

  /** The settings. */
  public AudienceSettings settings() {
    return settings;
  }

  /**
   * The audience of an event or of a part of one.
   *
   * @param d its distribution
   * @param sg its sharing group, when {@code d} is 4
   * @param tags its tags (TLP levels are read from them)
   * @param parent the enclosing event's (or object's) audience, or null for an event
   * @param notes receives one line per organisation that was left out, and per fallback
   * @return the audience, never wider than {@code parent}
   */
  public Audience of(
      Distribution d,
      Optional<MispSharingGroup> sg,
      List<MispTag> tags,
      Audience parent,
      Consumer<String> notes) {
    Optional<Tlp> tlp = TlpTags.strictest(tags);
    String own = settings.ownNation();
    Audience a =
        switch (d) {
          case ORGANISATION -> Audience.only(own, tlp);
          case COMMUNITY, CONNECTED -> community(tlp, notes);
          case ALL ->
              new Audience(Optional.empty(), tlp.isPresent() ? tlp : Optional.of(Tlp.GREEN));
          case SHARING_GROUP -> group(sg, tlp, notes);
          case INHERIT -> {
            if (parent == null) {
              notes.accept("distribution 5 (inherit) with nothing to inherit: own nation only");
              yield Audience.only(own, tlp);
            }
            yield new Audience(parent.releasability(), tlp);
          }
        };
    return parent == null ? a : a.narrow(parent, own);
  }

  private Audience community(Optional<Tlp> tlp, Consumer<String> notes) {
    if (settings.linkNations().isEmpty()) {
      notes.accept("distribution 1/2 but the link has no nations configured: own nation only");
      return Audience.only(settings.ownNation(), tlp);
    }
    Set<String> nations = new TreeSet<>(settings.linkNations());
    nations.add(settings.ownNation());
    return new Audience(Optional.of(new Releasability(nations, Set.of())), tlp);
  }

  private Audience group(Optional<MispSharingGroup> sg, Optional<Tlp> tlp, Consumer<String> notes) {
    if (sg.isEmpty()) {
      notes.accept("distribution 4 without a readable sharing group: own nation only");
      return Audience.only(settings.ownNation(), tlp);
    }
    Set<String> nations = new TreeSet<>();
    nations.add(settings.ownNation());
    for (MispOrg o : sg.get().organisations()) {
      Optional<String> n = settings.nationOf(o);
      if (n.isPresent()) {
        nations.add(n.get());
      } else {
        notes.accept(
            "sharing group "
                + sg.get().uuid()
                + ": organisation "
                + (o.uuid().isEmpty() ? o.name() : o.uuid())
                + " is mapped to no nation and receives nothing");
      }
    }
    return new Audience(Optional.of(new Releasability(nations, Set.of())), tlp);
  }

  /**
   * The MISP audience for exporting an object to a reader's nation, from the object's resolved
   * markings and originating nation.
   *
   * @param resolvedMarkings the object's marking-definitions
   * @param originNation the object's originating nation
   * @param readerNation the nation the export is for
   * @param why receives the reason when the result is empty
   * @return the MISP audience, or empty when MISP cannot express the rule (TLP:RED, recipients,
   *     unknown markings) or the reader is outside it
   */
  public Optional<MispAudience> toMisp(
      List<StixObject> resolvedMarkings,
      String originNation,
      String readerNation,
      Consumer<String> why) {
    Optional<Tlp> tlp = Optional.empty();
    List<Releasability> rs = new ArrayList<>();
    for (StixObject m : resolvedMarkings) {
      Optional<Tlp> t = Tlp.fromMarkingId(m.id());
      if (t.isPresent()) {
        tlp = Audience.stricter(tlp, t);
        continue;
      }
      Optional<Releasability> r = ReleasabilityMarking.read(m);
      if (r.isPresent()) {
        rs.add(r.get());
      } else if (!"statement".equals(m.string("definition_type").orElse(""))) {
        why.accept("marking " + m.id() + " has no MISP equivalent");
        return Optional.empty();
      }
    }
    if (tlp.equals(Optional.of(Tlp.RED))) {
      why.accept("TLP:RED is never exported");
      return Optional.empty();
    }
    for (Releasability r : rs) {
      if (!r.recipients().isEmpty()) {
        why.accept("named recipients cannot be expressed in MISP");
        return Optional.empty();
      }
    }
    Optional<Tlp> level = tlp;
    return nations(rs, level, originNation, readerNation, why)
        .map(n -> audienceFor(n, level, originNation));
  }

  /** The nations allowed (origin included), or all (null set) when nothing restricts nations. */
  private Optional<Set<String>> nations(
      List<Releasability> rs,
      Optional<Tlp> tlp,
      String origin,
      String reader,
      Consumer<String> why) {
    Set<String> nations;
    if (rs.isEmpty()) {
      boolean open = tlp.isPresent() && tlp.get().ordinal() <= Tlp.GREEN.ordinal();
      nations = open ? null : new TreeSet<>(Set.of(origin));
    } else {
      nations = null;
      for (Releasability r : rs) {
        Set<String> e = new TreeSet<>();
        r.nations().forEach(n -> e.addAll(NationGroups.expand(n)));
        if (nations == null) {
          nations = e;
        } else {
          nations.retainAll(e);
        }
      }
      nations.add(origin);
      if (tlp.equals(Optional.of(Tlp.AMBER_STRICT))) {
        nations = new TreeSet<>(Set.of(origin));
      }
    }
    if (nations != null && !nations.contains(reader)) {
      why.accept("the reader's nation is outside the audience");
      return Optional.empty();
    }
    return Optional.of(nations == null ? Set.of() : nations);
  }

  private MispAudience audienceFor(Set<String> nations, Optional<Tlp> tlp, String origin) {
    if (nations.isEmpty()) {
      return new MispAudience(Distribution.ALL, Optional.empty(), tlp);
    }
    String own = settings.ownNation();
    if (nations.equals(Set.of(own)) || nations.equals(Set.of(origin))) {
      return new MispAudience(Distribution.ORGANISATION, Optional.empty(), tlp);
    }
    Set<String> community = new TreeSet<>();
    settings.linkNations().forEach(n -> community.addAll(NationGroups.expand(n)));
    community.add(own);
    if (nations.equals(community)) {
      return new MispAudience(Distribution.COMMUNITY, Optional.empty(), tlp);
    }
    List<MispOrg> orgs = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(settings.orgNations()).entrySet()) {
      if (nations.contains(e.getValue()) && StixIds.isUuidForm(e.getKey())) {
        orgs.add(new MispOrg(e.getKey(), e.getValue()));
      }
    }
    String uuid = StixIds.uuid5(GROUP_NAMESPACE, String.join(",", nations)).toString();
    MispSharingGroup sg =
        new MispSharingGroup(
            "", uuid, "Bulwark: releasable to " + String.join(", ", nations), orgs);
    return new MispAudience(Distribution.SHARING_GROUP, Optional.of(sg), tlp);
  }
}
