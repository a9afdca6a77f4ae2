package dev.bulwark.stix.markings;

import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * "A version never widens": the markings of a new version of an object that someone (a person, a
 * workflow, the node itself) writes on behalf of a principal. The new version keeps its origin, and
 * it takes the markings proposed for it only when every reader they admit is also admitted by the
 * previous version's markings; otherwise it keeps the previous version's markings unchanged. So the
 * readers of the new version are always a subset of the readers of the previous one, and a stricter
 * proposal (for example after the node's configured markings were narrowed) is honoured.
 *
 * <p>Whether one set of markings admits no reader the other does not is decided exactly, over a
 * finite set of readers that stands for all of them: {@link ReleaseRule} looks at a reader's nation
 * only through equality with the origin and membership in the listed nations (groups expanded) and
 * the collection default, and at its identity only through membership in the named recipients. So
 * the origin, every nation named or implied by either set of markings or the default, one nation
 * outside all of them, each named recipient, no identity, and the anonymous public cover every
 * case.
 *
 * <p>Pure, stateless and thread-safe.
 */
public final class VersionRule {

  private VersionRule() {}

  /**
   * The markings of the new version: {@code proposedRefs} when they never widen {@code
   * previousRefs}, otherwise {@code previousRefs}.
   *
   * @param originNation the object's originating nation (the new version keeps it)
   * @param previousRefs the {@code object_marking_refs} of the latest version held
   * @param proposedRefs the markings the writer would put on the new version
   * @param resolver finds a marking-definition by id (as the access policy does); a ref it cannot
   *     resolve denies everyone
   * @param unmarkedDefaultNations the collection's default for unmarked objects
   * @return the refs to write on the new version
   */
  public static List<String> nextMarkings(
      String originNation,
      List<String> previousRefs,
      List<String> proposedRefs,
      Function<String, Optional<StixObject>> resolver,
      Set<String> unmarkedDefaultNations) {
    return neverWidens(originNation, previousRefs, proposedRefs, resolver, unmarkedDefaultNations)
        ? List.copyOf(proposedRefs)
        : List.copyOf(previousRefs);
  }

  /**
   * Whether every reader {@code proposedRefs} admit is admitted by {@code previousRefs} too.
   *
   * @param originNation the object's originating nation
   * @param previousRefs the markings of the previous version
   * @param proposedRefs the markings of the new version
   * @param resolver finds a marking-definition by id
   * @param unmarkedDefaultNations the collection's default for unmarked objects
   * @return true when the new markings admit no reader the previous ones do not
   */
  public static boolean neverWidens(
      String originNation,
      List<String> previousRefs,
      List<String> proposedRefs,
      Function<String, Optional<StixObject>> resolver,
      Set<String> unmarkedDefaultNations) {
    for (Reader r :
        readersThatMatter(
            originNation, previousRefs, proposedRefs, resolver, unmarkedDefaultNations)) {
      if (ReleaseRule.mayRead(r, originNation, proposedRefs, resolver, unmarkedDefaultNations)
          && !ReleaseRule.mayRead(
              r, originNation, previousRefs, resolver, unmarkedDefaultNations)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Readers that stand for every reader, as far as the two sets of markings can tell them apart.
   *
   * @param originNation the object's originating nation
   * @param previousRefs one set of markings
   * @param proposedRefs the other
   * @param resolver finds a marking-definition by id
   * @param unmarkedDefaultNations the collection's default for unmarked objects
   * @return the representative readers
   */
  static List<Reader> readersThatMatter(
      String originNation,
      List<String> previousRefs,
      List<String> proposedRefs,
      Function<String, Optional<StixObject>> resolver,
      Set<String> unmarkedDefaultNations) {
    Set<String> nations = new LinkedHashSet<>();
    Set<String> identities = new LinkedHashSet<>();
    nations.add(originNation.toUpperCase(Locale.ROOT));
    for (String code : unmarkedDefaultNations) {
      nations.addAll(NationGroups.expand(code));
    }
    List<String> refs = new ArrayList<>(previousRefs);
    refs.addAll(proposedRefs);
    for (String ref : refs) {
      if (Tlp.fromMarkingId(ref).isPresent()) {
        continue;
      }
      Optional<Releasability> r = resolver.apply(ref).flatMap(ReleasabilityMarking::read);
      if (r.isPresent()) {
        r.get().nations().forEach(code -> nations.addAll(NationGroups.expand(code)));
        identities.addAll(r.get().recipients());
      }
    }
    nations.add(outsider(nations));
    List<Reader> readers = new ArrayList<>();
    readers.add(Reader.anonymous());
    for (String nation : nations) {
      readers.add(Reader.of(nation));
      for (String identity : identities) {
        readers.add(new Reader(nation, Optional.of(identity)));
      }
    }
    return readers;
  }

  /** A nation code that none of the markings name: it stands for every nation they do not name. */
  private static String outsider(Set<String> named) {
    for (char a = 'Z'; a >= 'A'; a--) {
      for (char b = 'Z'; b >= 'A'; b--) {
        String code = "Z" + a + b;
        if (!named.contains(code)) {
          return code;
        }
      }
    }
    throw new IllegalStateException(
        "every Z.. code is named"); // 676 codes: cannot happen with real markings
  }
}
