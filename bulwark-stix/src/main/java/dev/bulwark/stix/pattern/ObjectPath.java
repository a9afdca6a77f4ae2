package dev.bulwark.stix.pattern;

import java.util.List;

/**
 * An object path (STIX 2.1 section 9.3): an object type and the steps into the object: property
 * keys (also dictionary keys and quoted parts), list indexes and {@code [*]}. A key ending in
 * {@code _ref} or {@code _refs} dereferences to the referenced object(s) of the same observation.
 * Immutable.
 *
 * @param objectType e.g. {@code ipv4-addr}
 * @param steps the steps after the colon, at least one
 */
public record ObjectPath(String objectType, List<Step> steps) {

  /** Defensive copy. */
  public ObjectPath {
    steps = List.copyOf(steps);
  }

  /** One step of a path. */
  public sealed interface Step {}

  /** A property or dictionary key. */
  public record Key(String name) implements Step {}

  /** A list index (negative counts nothing: the reference matcher never selects it). */
  public record Index(int index) implements Step {}

  /** {@code [*]}: every element of a list. */
  public record AnyIndex() implements Step {}

  /**
   * The path as written in a pattern, quoting keys that are not plain identifiers.
   *
   * @return e.g. {@code file:hashes.'SHA-256'}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(objectType).append(':');
    boolean first = true;
    for (Step s : steps) {
      if (s instanceof Key k) {
        if (!first) {
          sb.append('.');
        }
        sb.append(
            k.name().matches("[A-Za-z_][A-Za-z0-9_]*")
                ? k.name()
                : "'" + k.name().replace("\\", "\\\\").replace("'", "\\'") + "'");
      } else if (s instanceof Index i) {
        sb.append('[').append(i.index()).append(']');
      } else {
        sb.append("[*]");
      }
      first = false;
    }
    return sb.toString();
  }
}
