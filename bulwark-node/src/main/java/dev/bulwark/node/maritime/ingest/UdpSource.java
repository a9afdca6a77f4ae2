package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.source.UdpAisListener;
import java.net.SocketException;
import java.time.Clock;

/**
 * A UDP port receivers forward NMEA datagrams to, over {@code bulwark-ais}'s {@link
 * UdpAisListener}. "Connected" means the port is bound. Thread-safe.
 */
public final class UdpSource implements AisSource {
  private final SourceStatus status;
  private final UdpAisListener listener;

  public UdpSource(String name, String bind, int port, ObservationQueue queue, boolean block)
      throws SocketException {
    this.status = new SourceStatus(name, "udp", bind + ":" + port);
    NmeaPipeline pipeline =
        new NmeaPipeline(name, status, Clock.systemUTC(), block ? queue::put : queue::offer);
    // The listener's thread is the only caller of the pipeline.
    this.listener = new UdpAisListener(bind, port, pipeline);
  }

  /** The bound port (useful with port 0). */
  int localPort() {
    return listener.localPort();
  }

  @Override
  public void start() {
    listener.start();
    status.connected(true);
  }

  @Override
  public SourceStatus status() {
    return status;
  }

  @Override
  public void close() {
    listener.close();
    status.connected(false);
  }
}
