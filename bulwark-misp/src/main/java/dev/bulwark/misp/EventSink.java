package dev.bulwark.misp;

import dev.bulwark.misp.stix.EventConversion;
import java.io.IOException;

/** Where converted events go (the node's store). Implementations say their thread-safety. */
public interface EventSink {

  /** Whether the event was new or already held (same uuid and timestamp). */
  enum Stored {
    /** Stored now. */
    STORED,
    /** Already held; nothing written. */
    HELD
  }

  /**
   * Stores one converted event.
   *
   * @param c the event as STIX
   * @return whether it was new
   * @throws IOException when storing fails
   * @throws EventRefusedException when the sink refuses the whole event (nothing of it stored); the
   *     import counts it as rejected and goes on
   */
  Stored accept(EventConversion c) throws IOException;
}
