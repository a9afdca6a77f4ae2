package dev.bulwark.node.security;

import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether a principal may add a version of an object: it may not add a version of an object someone
 * else added (unless it is an admin), and a new version may not loosen the markings of the latest
 * version held. Peer nodes relay objects others authored, so for them only the last rule applies;
 * and a version already held in the collection is always accepted as a no-op. Who may author as
 * which identity is {@link CommunityIdentities}' rule. Stateless; thread-safe.
 *
 * <p>"An object" is an identifier of one originating nation: rows of another origin under the same
 * identifier are other objects (issue 14, findings 5 and 6). The caller passes only the rows of the
 * write's own origin (the writer's nation, or the origin a relaying peer claims), so nothing here
 * depends on, or tells of, another nation's rows; and a refusal never names the version or markings
 * of a row the writer may not read.
 *
 * <p>"Not loosening" is checked conservatively: every marking of the latest held version must still
 * be on the new one, except that a TLP marking may be replaced by a stricter TLP level (CLEAR &lt;
 * GREEN &lt; AMBER &lt; AMBER+STRICT &lt; RED). Adding markings only ever restricts, since markings
 * combine as AND.
 */
public final class WriteRules {
  private WriteRules() {}

  /**
   * The reason the principal may not add the object, or empty when it may; every held row counts as
   * readable and a version held in any collection as a no-op.
   *
   * @param held the versions of this object id already stored (any collection), any order
   */
  public static Optional<String> refusal(NodePrincipal p, StixObject o, List<StoredObject> held) {
    String version = o.modified().or(o::created).orElse("");
    if (held.stream().anyMatch(h -> h.version().equals(version))) {
      return Optional.empty(); // sending a version again is a no-op, whoever sends it
    }
    return refusal(p, o, "", held, h -> true);
  }

  /**
   * The reason the principal may not add the object to the collection, or empty when it may.
   *
   * @param collectionId where the object goes
   * @param held the rows of this object id of the write's origin already stored (any collection),
   *     any order; never rows of another origin
   * @param writerMayRead whether the writer may read a row: a refusal about a row it may not read
   *     names neither its version nor its markings
   */
  public static Optional<String> refusal(
      NodePrincipal p,
      StixObject o,
      String collectionId,
      List<StoredObject> held,
      Predicate<StoredObject> writerMayRead) {
    if (p.isAdmin()) {
      return Optional.empty();
    }
    String version = o.modified().or(o::created).orElse("");
    // Only in the same collection is sending a version again a no-op: the same identifier and
    // version
    // in another collection with other content would be a second text under one version.
    if (held.stream()
        .anyMatch(h -> h.collectionId().equals(collectionId) && h.version().equals(version))) {
      return Optional.empty(); // sending a version again is a no-op, whoever sends it
    }
    // Authorship (created_by_ref) is checked by the writer against the community's identities
    // (CommunityIdentities): a contributor may relay what an outside identity wrote, never claim a
    // principal's or node's. A peer node relays what its nation's analysts wrote: authorship was
    // checked where the object was first added. Loosening is still refused below.
    boolean relay = p.has(Role.PEER);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    for (StoredObject h : held) {
      if (!relay && !h.addedBy().equals(p.name())) {
        return Optional.of(
            "a version of "
                + o.id()
                + " was added by another principal; only it or an admin may add newer ones");
      }
    }
    StoredObject latest =
        held.stream().max(Comparator.comparingLong(StoredObject::versionMicros)).get();
    List<String> missing = new ArrayList<>();
    List<String> now = o.objectMarkingRefs();
    int newTlp = strictestTlp(now);
    for (String ref : latest.markingRefs()) {
      if (now.contains(ref)) {
        continue;
      }
      Optional<Tlp> tlp = Tlp.fromMarkingId(ref);
      if (tlp.isPresent() && newTlp >= tlp.get().ordinal()) {
        continue;
      }
      missing.add(ref);
    }
    if (!missing.isEmpty()) {
      if (!writerMayRead.test(latest)) {
        return Optional.of("this version loosens the markings of the latest version held");
      }
      return Optional.of(
          "this version loosens the markings of version "
              + latest.version()
              + ": it drops "
              + missing);
    }
    return Optional.empty();
  }

  /**
   * What a write collides with: the same identifier held by an object of another origin nation.
   * Answered only when the writer may read that object (then saying so tells it nothing), and only
   * for an object its own origin does not hold yet (an author keeps adding versions to its own
   * object, whatever another nation stored under the identifier meanwhile). Objects of different
   * origins are different objects, so this only keeps two objects a reader can see from sharing an
   * identifier.
   *
   * @param duplicate true when the readable object holds this very version ("already held", a
   *     no-op); false when the write is refused
   * @param message what the writer is told
   */
  public record Collision(boolean duplicate, String message) {}

  /**
   * The collision of a write of {@code origin}'s object into the collection, or empty. Rows the
   * writer may not read are never looked at, so the answer never depends on them. The same version
   * readable in this very collection is "already held"; readable anywhere else, or another version,
   * the write is refused: the same identifier and version in another collection would be a second
   * text under one version (issue 14, finding 6). Marking-definitions never collide: each origin
   * has its own.
   *
   * @param rows every held row of this identifier (any origin, any collection)
   * @param writerMayRead asked only of rows of another origin; false for rows of collections the
   *     writer may not read
   */
  public static Optional<Collision> collision(
      StixObject o,
      String origin,
      String collectionId,
      List<StoredObject> rows,
      Predicate<StoredObject> writerMayRead) {
    if (rows.isEmpty()
        || "marking-definition".equals(o.type())
        || rows.stream().anyMatch(h -> h.originNation().equals(origin))) {
      return Optional.empty();
    }
    List<StoredObject> visible = rows.stream().filter(writerMayRead).toList();
    if (visible.isEmpty()) {
      return Optional.empty();
    }
    String version = o.modified().or(o::created).orElse("");
    if (visible.stream()
        .anyMatch(h -> h.collectionId().equals(collectionId) && h.version().equals(version))) {
      return Optional.of(new Collision(true, "already held (duplicate)"));
    }
    Set<String> nations = new TreeSet<>();
    visible.forEach(h -> nations.add(h.originNation()));
    return Optional.of(
        new Collision(
            false,
            o.id()
                + " is the identifier of an object of another origin ("
                + String.join(", ", nations)
                + "), which you can read; objects of different origins do not share an identifier:"
                + " give yours its own"));
  }

  private static int strictestTlp(List<String> refs) {
    int strictest = -1;
    for (String ref : refs) {
      strictest = Math.max(strictest, Tlp.fromMarkingId(ref).map(Enum::ordinal).orElse(-1));
    }
    return strictest;
  }
}
