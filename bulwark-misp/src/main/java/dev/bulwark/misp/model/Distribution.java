package dev.bulwark.misp.model;

/** MISP's {@code distribution} levels: who receives an event or attribute. Immutable. */
public enum Distribution {
  /** 0: your organisation only. */
  ORGANISATION(0),
  /** 1: this community only. */
  COMMUNITY(1),
  /** 2: connected communities. */
  CONNECTED(2),
  /** 3: all communities. */
  ALL(3),
  /** 4: the members of one sharing group. */
  SHARING_GROUP(4),
  /** 5: inherit the event's distribution (attributes, objects, reports only). */
  INHERIT(5);

  private final int code;

  Distribution(int code) {
    this.code = code;
  }

  /** The number MISP writes. */
  public int code() {
    return code;
  }

  /**
   * The level of a MISP number.
   *
   * @param code 0 to 5
   * @return the level
   * @throws IllegalArgumentException outside 0..5
   */
  public static Distribution of(int code) {
    for (Distribution d : values()) {
      if (d.code == code) {
        return d;
      }
    }
    throw new IllegalArgumentException("distribution must be 0 to 5, not " + code);
  }
}
