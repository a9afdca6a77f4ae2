package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.source.Backoff;
import dev.bulwark.ais.source.ConnectionListener;
import dev.bulwark.ais.source.TcpAisClient;
import java.io.IOException;
import java.time.Clock;

/**
 * A TCP AIS feed (receiver, aggregator) over {@code bulwark-ais}'s {@link TcpAisClient}: connects,
 * reads NMEA lines, and when the connection fails or closes reconnects after an exponential {@link
 * Backoff} (250 ms doubling to 30 s by default; reset once connected). The status says at every
 * moment whether it is connected; each failed attempt or lost connection counts as an error.
 * Thread-safe.
 */
public final class TcpSource implements AisSource {
  private final SourceStatus status;
  private final TcpAisClient client;

  public TcpSource(
      String name, String host, int port, Backoff backoff, ObservationQueue queue, boolean block) {
    this.status = new SourceStatus(name, "tcp", host + ":" + port);
    // The client's thread is the only caller of the pipeline and of the listener.
    NmeaPipeline pipeline =
        new NmeaPipeline(name, status, Clock.systemUTC(), block ? queue::put : queue::offer);
    String where = host + ":" + port;
    ConnectionListener states =
        new ConnectionListener() {
          @Override
          public void connected() {
            status.connected(true);
          }

          @Override
          public void closedByPeer() {
            status.error("connection closed by " + where);
          }

          @Override
          public void failed(IOException e) {
            status.error("connection to " + where + " failed: " + e.getMessage());
          }

          @Override
          public void disconnected() {
            status.connected(false);
            pipeline.finish();
          }
        };
    this.client = new TcpAisClient(host, port, pipeline, backoff, states, "ais-tcp-" + name);
  }

  @Override
  public void start() {
    client.start();
  }

  @Override
  public SourceStatus status() {
    return status;
  }

  @Override
  public void close() {
    client.close();
    status.connected(false);
  }
}
