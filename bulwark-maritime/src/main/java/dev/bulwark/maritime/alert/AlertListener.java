package dev.bulwark.maritime.alert;

/** Receives alerts as the engine raises and updates them. Called on the engine's thread. */
@FunctionalInterface
public interface AlertListener {

  /** What happened to the episode. */
  enum Change {
    RAISED,
    /** Severity went up. */
    ESCALATED,
    /** New evidence, same severity (published at most every few minutes of track time). */
    UPDATED,
    /** The episode ended long ago and is no longer held: this is its final state. */
    CLOSED
  }

  void onAlert(Alert alert, Change change);

  /** A listener that ignores everything. */
  static AlertListener none() {
    return (a, c) -> {};
  }
}
