package dev.bulwark.node.maritime;

import dev.bulwark.ais.source.Backoff;
import dev.bulwark.ais.source.LineReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;

/**
 * A TCP AIS feed (receiver, aggregator): connects, reads NMEA lines, and when the connection fails
 * or closes reconnects after an exponential {@link Backoff} (250 ms doubling to 30 s by default;
 * reset once connected). The status says at every moment whether it is connected; each failed
 * attempt or lost connection counts as an error. (Like {@code bulwark-ais}'s TcpAisClient, with the
 * connection state the node reports.) Thread-safe.
 */
final class TcpSource extends ThreadedSource {
  private final String host;
  private final int port;
  private final Backoff backoff;
  private final NmeaPipeline pipeline;
  private volatile Socket socket;

  TcpSource(
      String name, String host, int port, Backoff backoff, ObservationQueue queue, boolean block) {
    super(new SourceStatus(name, "tcp", host + ":" + port), queue, block);
    this.host = host;
    this.port = port;
    this.backoff = backoff;
    this.pipeline = new NmeaPipeline(name, status, Clock.systemUTC(), this::emit);
  }

  @Override
  protected void run() {
    int failures = 0;
    while (running) {
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setTcpNoDelay(true);
        status.connected(true);
        failures = 0;
        new LineReader(s.getInputStream()).forEachLine(pipeline);
        if (running) {
          status.error("connection closed by " + host + ":" + port);
        }
      } catch (IOException e) {
        if (running) {
          status.error("connection to " + host + ":" + port + " failed: " + e.getMessage());
        }
      } finally {
        socket = null;
        status.connected(false);
      }
      pipeline.finish();
      failures++;
      if (!pause(backoff.delay(failures).toMillis())) {
        return;
      }
    }
  }

  @Override
  protected void interruptIo() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
