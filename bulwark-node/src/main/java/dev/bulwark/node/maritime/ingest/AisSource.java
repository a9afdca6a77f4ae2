package dev.bulwark.node.maritime.ingest;

/**
 * One live AIS input of the node (a TCP feed, a UDP port, a capture file, a CSV export, the demo
 * replay). It runs on its own thread(s), turns what it reads into observations on the {@link
 * ObservationQueue} and keeps its {@link SourceStatus}. Implementations are thread-safe: {@link
 * #start} and {@link #close} may be called from any thread.
 */
public interface AisSource extends AutoCloseable {

  /** Starts reading (once). */
  void start();

  /** The live counters. */
  SourceStatus status();

  /**
   * How many times faster than the wall clock this source replays recorded time (60: an hour a
   * minute), or 0 when it is live or replays as fast as it can: the watch officer's clock label.
   */
  default double replaySpeed() {
    return 0;
  }

  /** Stops reading and releases sockets and files; waits briefly for the thread to end. */
  @Override
  void close();
}
