package dev.bulwark.node.security;

import java.util.Locale;

/**
 * What a principal may do on the node. Collections grant read and write per role (and nation);
 * admins also manage the node (audit log, deletions). Immutable.
 */
public enum Role {
  /** Reads collections it is granted. */
  READER,
  /** Reads and adds objects it authors. */
  CONTRIBUTOR,
  /** Manages the node; may add objects on others' behalf and query the audit log. */
  ADMIN,
  /** Another nation's Bulwark node, federating. */
  PEER,
  /**
   * A sensor at a critical-infrastructure operator: posts events to {@code /api/cyber/events}, is
   * matched against the indicators its nation may read, reads nothing else by this role.
   */
  SENSOR;

  /** Parses a role name, case-insensitively. */
  public static Role parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + name + "' (expected reader, contributor, admin, peer or sensor)", e);
    }
  }

  /** The lower-case name used in configuration and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
