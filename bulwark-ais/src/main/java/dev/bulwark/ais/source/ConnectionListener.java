package dev.bulwark.ais.source;

import java.io.IOException;

/**
 * Told of a network source's connection state, for a caller that reports it (the node's source
 * status, metrics). Called on the source's own reading thread, one call at a time; the defaults do
 * nothing.
 */
public interface ConnectionListener {

  /** The connection is up; lines follow. */
  default void connected() {}

  /** The peer closed the connection (not called when the source itself is closing). */
  default void closedByPeer() {}

  /**
   * Connecting or reading failed (not called when the source itself is closing).
   *
   * @param e what failed
   */
  default void failed(IOException e) {}

  /**
   * One connection attempt is over, whether it connected or not; the source waits its backoff next.
   * Every line of the attempt has been delivered.
   */
  default void disconnected() {}

  /** A listener that ignores everything. */
  ConnectionListener NONE = new ConnectionListener() {};
}
