package dev.bulwark.stix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BinaryOperator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * New versions of STIX objects (STIX 2.1 section 3.6): same {@code id}, same {@code created}, a
 * {@code modified} strictly later than the previous version's, and markings that never widen. The
 * incident register, the maritime watch, cyber sightings and imports all version through here so
 * that the laws hold everywhere.
 *
 * <p>Property order of a version: {@code type}, {@code spec_version}, {@code id}, {@code created},
 * {@code modified}, then the other properties in the order the proposed content has them.
 *
 * <p>Stateless and thread-safe.
 */
public final class StixVersions {

  private StixVersions() {}

  /**
   * The {@code modified} (epoch milliseconds) of a version written at {@code nowMillis}: never
   * before {@code created}, and strictly after the previous version's {@code modified} even when
   * the clock stands still or went back.
   *
   * @param created the object's {@code created}
   * @param previousModified the previous version's {@code modified}, or null for the first version
   * @param nowMillis the writer's clock
   * @return epoch milliseconds
   */
  public static long nextModifiedMillis(String created, String previousModified, long nowMillis) {
    long m = Math.max(nowMillis, ceilMillis(created));
    return previousModified == null
        ? m
        : Math.max(m, StixTimestamps.toMillis(previousModified) + 1);
  }

  /**
   * The content stamped with {@code created} and {@code modified}, properties in version order
   * ({@code spec_version} 2.1). The content's own {@code created}/{@code modified} are ignored.
   *
   * @param content the object without (or with stale) timestamps; not changed
   * @param created the object's {@code created}
   * @param modified the version's {@code modified}
   * @return the version
   */
  public static StixObject stamped(ObjectNode content, String created, String modified) {
    ObjectNode full = Json.NODES.objectNode();
    full.put("type", content.path("type").asString(""));
    full.put("spec_version", "2.1");
    full.put("id", content.path("id").asString(""));
    full.put("created", created);
    full.put("modified", modified);
    content
        .properties()
        .forEach(
            e -> {
              if (!full.has(e.getKey())) {
                full.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    // through the JSON text, so that the version equals what reading it back gives
    return StixObject.of(full);
  }

  /**
   * A new version of {@code previous} with the content of {@code proposed}: id and created of
   * {@code previous}, {@code modified} per {@link #nextModifiedMillis}, and as markings the
   * previous ones followed by any the proposal adds (a marking is never dropped, so the readers of
   * the new version are a subset of the previous version's).
   *
   * @param previous the latest version held
   * @param proposed the new content (its id, created and modified are ignored)
   * @param nowMillis the writer's clock
   * @return the new version
   */
  public static StixObject newVersion(StixObject previous, StixObject proposed, long nowMillis) {
    return newVersion(previous, proposed, nowMillis, StixVersions::keepEvery);
  }

  /**
   * A new version of {@code previous} with the content of {@code proposed}, the markings decided by
   * {@code markings} from (previous refs, proposed refs): for example {@link
   * dev.bulwark.stix.markings.VersionRule#nextMarkings} bound to the origin and resolver, which
   * takes the proposed refs only when they admit no reader the previous ones do not.
   *
   * @param previous the latest version held
   * @param proposed the new content (its id, created and modified are ignored)
   * @param nowMillis the writer's clock
   * @param markings decides the refs of the new version; must never widen
   * @return the new version
   */
  public static StixObject newVersion(
      StixObject previous,
      StixObject proposed,
      long nowMillis,
      BinaryOperator<List<String>> markings) {
    String created = previous.created().orElseThrow(() -> missing(previous, "created"));
    String prevModified = previous.modified().orElse(created);
    ObjectNode content = proposed.json();
    content.put("id", previous.id());
    content.put("type", previous.type());
    List<String> refs = markings.apply(previous.objectMarkingRefs(), proposed.objectMarkingRefs());
    if (!refs.isEmpty() || content.has("object_marking_refs")) {
      ArrayNode a = content.putArray("object_marking_refs");
      refs.forEach(a::add);
    }
    long modified = nextModifiedMillis(created, prevModified, nowMillis);
    return stamped(content, created, StixTimestamps.formatMillis(modified));
  }

  /** Every previous marking, then the proposed ones not already there. */
  static List<String> keepEvery(List<String> previous, List<String> proposed) {
    LinkedHashSet<String> all = new LinkedHashSet<>(previous);
    all.addAll(proposed);
    return new ArrayList<>(all);
  }

  /** Milliseconds of a timestamp rounded up, so that a version is never before its created. */
  private static long ceilMillis(String stamp) {
    long floor = StixTimestamps.toMillis(stamp);
    int dot = stamp.indexOf('.');
    if (dot < 0) {
      return floor;
    }
    for (int i = dot + 4; i < stamp.length() - 1; i++) {
      if (stamp.charAt(i) != '0') {
        return floor + 1;
      }
    }
    return floor;
  }

  private static IllegalArgumentException missing(StixObject o, String what) {
    return new IllegalArgumentException(o + " has no " + what + ": it is not a versioned object");
  }
}
