package dev.bulwark.stix;

import tools.jackson.databind.JsonNode;

/**
 * Not part of the API: lets this library's own packages (validation, markings) read an object's
 * JSON tree without the defensive copy of {@link StixObject#json()}, which would cost more than the
 * checks themselves. Callers must never modify the returned tree; code outside bulwark-stix uses
 * {@link StixObject#json()}. Stateless and thread-safe (the trees are only read).
 */
public final class InternalAccess {

  private InternalAccess() {}

  /**
   * The object's own tree, to be read only.
   *
   * @param o the object
   * @return its tree (not a copy)
   */
  public static JsonNode tree(StixObject o) {
    return o.tree();
  }
}
