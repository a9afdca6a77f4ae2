package dev.bulwark.stix.markings;

import dev.bulwark.stix.InternalAccess;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The access rule of Bulwark: whether a reader may see an object, given the object's originating
 * nation and its resolved object markings. The node's {@code AccessPolicy} calls this on every read
 * path; the full meaning is documented in {@code docs/markings.md}.
 *
 * <ul>
 *   <li>No access marking at all: the originating nation plus the collection default nations.
 *   <li>Otherwise every marking must allow the reader (AND), so the most restrictive wins:
 *       <ul>
 *         <li>TLP:CLEAR: anyone, anonymous included.
 *         <li>TLP:GREEN: any authenticated reader.
 *         <li>TLP:AMBER: the originating nation, plus the nations every releasability marking
 *             lists.
 *         <li>TLP:AMBER+STRICT: the originating nation only.
 *         <li>TLP:RED: only identities named as recipients by the releasability markings (by every
 *             one that names recipients).
 *         <li>Releasability marking: the originating nation, the listed nations (OR, groups
 *             expanded) and the named recipients.
 *         <li>Statement markings (copyright, terms of use) do not restrict access.
 *         <li>Anything else (unknown marking-definition, a malformed releasability marking, an
 *             object that is not a marking-definition): deny. Fail closed.
 *       </ul>
 * </ul>
 *
 * <p>A releasability marking-definition, read as an object, is also readable by the nations and
 * recipients it names ({@link #mayReadDefinition}), so that those an object is released to can
 * resolve its marking.
 *
 * <p>Pure, stateless and thread-safe.
 */
public final class ReleaseRule {

  /** The out-of-the-box default for unmarked objects: nobody beyond the originating nation. */
  public static final Set<String> ORIGIN_ONLY = Set.of();

  private ReleaseRule() {}

  /**
   * Decides whether the reader may see an object.
   *
   * @param reader who asks
   * @param originNation the object's originating nation (ISO 3166-1 alpha-3)
   * @param resolvedMarkings the marking-definition objects the object's {@code object_marking_refs}
   *     point to; a caller that cannot resolve a ref must deny by itself (or use {@link
   *     #mayRead(Reader, String, List, java.util.function.Function, Set)})
   * @param unmarkedDefaultNations nations (or groups) that may read unmarked objects besides the
   *     originating nation; {@link #ORIGIN_ONLY} by default
   * @return true when every marking allows the reader
   */
  public static boolean mayRead(
      Reader reader,
      String originNation,
      List<StixObject> resolvedMarkings,
      Set<String> unmarkedDefaultNations) {
    String origin = originNation.toUpperCase(Locale.ROOT);
    boolean fromOrigin = reader.authenticated() && reader.nation().equals(origin);
    List<Tlp> tlps = new ArrayList<>(2);
    List<Releasability> releasabilities = new ArrayList<>(2);
    for (StixObject m : resolvedMarkings) {
      Kind kind = classify(m, tlps, releasabilities);
      if (kind == Kind.UNKNOWN) {
        return false;
      }
    }
    if (tlps.isEmpty() && releasabilities.isEmpty()) {
      if (fromOrigin) {
        return true;
      }
      if (!reader.authenticated()) {
        return false;
      }
      for (String code : unmarkedDefaultNations) {
        if (NationGroups.expand(code).contains(reader.nation())) {
          return true;
        }
      }
      return false;
    }
    for (Releasability r : releasabilities) {
      if (!releasabilityAllows(r, reader, fromOrigin)) {
        return false;
      }
    }
    for (Tlp t : tlps) {
      if (!tlpAllows(t, reader, fromOrigin, releasabilities)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decides from marking refs, resolving each with the given function; a ref that cannot be
   * resolved denies.
   *
   * @param reader who asks
   * @param originNation the object's originating nation
   * @param markingRefs the object's {@code object_marking_refs}
   * @param resolver finds a marking-definition by id
   * @param unmarkedDefaultNations see {@link #mayRead(Reader, String, List, Set)}
   * @return true when every marking allows the reader
   */
  public static boolean mayRead(
      Reader reader,
      String originNation,
      List<String> markingRefs,
      Function<String, Optional<StixObject>> resolver,
      Set<String> unmarkedDefaultNations) {
    List<StixObject> resolved = new ArrayList<>(markingRefs.size());
    for (String ref : markingRefs) {
      Optional<Tlp> tlp = Tlp.fromMarkingId(ref);
      if (tlp.isPresent()) {
        // TLP 1.0 ids resolve to the TLP 2.0 definition of their level.
        resolved.add(tlp.get().definition());
        continue;
      }
      Optional<StixObject> m = resolver.apply(ref);
      if (m.isEmpty() || !m.get().id().equals(ref)) {
        return false;
      }
      resolved.add(m.get());
    }
    return mayRead(reader, originNation, resolved, unmarkedDefaultNations);
  }

  /**
   * Whether the reader may see a marking-definition <em>as an object</em>: what its own markings
   * allow ({@link #mayRead(Reader, String, List, Set)}), or, for a releasability marking, being
   * named by it (a listed nation, or a group containing the reader's nation, or a named recipient).
   * Those named must be able to resolve the marking of what is released to them, so a node that
   * receives an object can also receive its definition without the author marking the definition
   * TLP:CLEAR. Only the definition itself is opened this way; what it marks is decided by {@link
   * #mayRead}.
   *
   * @param reader who asks
   * @param definition the marking-definition read as an object
   * @param originNation the definition's originating nation
   * @param resolvedMarkings the definition's own resolved {@code object_marking_refs}
   * @param unmarkedDefaultNations see {@link #mayRead(Reader, String, List, Set)}
   * @return true when the reader may see the definition
   */
  public static boolean mayReadDefinition(
      Reader reader,
      StixObject definition,
      String originNation,
      List<StixObject> resolvedMarkings,
      Set<String> unmarkedDefaultNations) {
    return namedBy(definition, reader)
        || mayRead(reader, originNation, resolvedMarkings, unmarkedDefaultNations);
  }

  /**
   * Whether a well-formed releasability marking-definition names the reader: its nation is listed
   * (directly or through a group) or its identity is a recipient. The anonymous public is never
   * named; any other object (TLP, statement, unknown, malformed releasability) names nobody.
   *
   * @param definition any STIX object
   * @param reader who asks
   * @return true when the definition names the reader
   */
  public static boolean namedBy(StixObject definition, Reader reader) {
    if (!reader.authenticated()) {
      return false;
    }
    Optional<Releasability> r = ReleasabilityMarking.read(definition);
    return r.isPresent()
        && (r.get().includesNation(reader.nation())
            || reader.identityId().map(r.get().recipients()::contains).orElse(false));
  }

  private enum Kind {
    TLP,
    RELEASABILITY,
    STATEMENT,
    UNKNOWN
  }

  private static Kind classify(StixObject m, List<Tlp> tlps, List<Releasability> releasabilities) {
    if (!"marking-definition".equals(m.type())) {
      return Kind.UNKNOWN;
    }
    Optional<Tlp> tlp = Tlp.fromMarkingId(m.id());
    if (tlp.isPresent()) {
      tlps.add(tlp.get());
      return Kind.TLP;
    }
    if (ReleasabilityMarking.carriesExtension(m)) {
      Optional<Releasability> r = ReleasabilityMarking.read(m);
      if (r.isEmpty()) {
        return Kind.UNKNOWN;
      }
      releasabilities.add(r.get());
      return Kind.RELEASABILITY;
    }
    if (isStatement(m)) {
      return Kind.STATEMENT;
    }
    return Kind.UNKNOWN;
  }

  /** A STIX 2.1 statement marking (section 7.2.1.3) and nothing else that could restrict access. */
  private static boolean isStatement(StixObject m) {
    if (!"statement".equals(m.string("definition_type").orElse("")) || m.has("extensions")) {
      return false;
    }
    var def = InternalAccess.tree(m).get("definition");
    return def != null && def.isObject() && def.size() == 1 && def.path("statement").isString();
  }

  private static boolean releasabilityAllows(Releasability r, Reader reader, boolean fromOrigin) {
    if (!reader.authenticated()) {
      return false;
    }
    return fromOrigin
        || r.includesNation(reader.nation())
        || reader.identityId().map(r.recipients()::contains).orElse(false);
  }

  /**
   * TLP:RED: the reader's identity is named by every releasability marking that names recipients,
   * and at least one does. (Requiring every such list keeps the AND: another marking never widens.)
   */
  private static boolean redAllows(Reader reader, List<Releasability> rs) {
    if (!reader.authenticated() || reader.identityId().isEmpty()) {
      return false;
    }
    String identity = reader.identityId().get();
    boolean named = false;
    for (Releasability r : rs) {
      if (!r.recipients().isEmpty()) {
        if (!r.recipients().contains(identity)) {
          return false;
        }
        named = true;
      }
    }
    return named;
  }

  private static boolean tlpAllows(
      Tlp t, Reader reader, boolean fromOrigin, List<Releasability> rs) {
    return switch (t) {
      case CLEAR -> true;
      case GREEN -> reader.authenticated();
      case AMBER ->
          fromOrigin
              || (!rs.isEmpty() && rs.stream().allMatch(r -> r.includesNation(reader.nation())));
      case AMBER_STRICT -> fromOrigin;
      case RED -> redAllows(reader, rs);
    };
  }
}
