package dev.bulwark.node.maritime;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP AIS feed for tests: serves the scenarios of {@code bulwark-maritime} (NMEA with tag blocks)
 * to each client that connects, as fast as it reads them, then keeps the connection open.
 */
final class ScenarioFeed implements AutoCloseable {
  static final long START = 1_764_316_800_000L; // 2025-11-28T08:00:00Z

  private final ServerSocket server;
  private final byte[] payload;
  private final Thread thread;

  ScenarioFeed() throws IOException {
    ScenarioSet set = Scenarios.generate(START, GeoJsonInfrastructure.baltic().layer());
    StringBuilder s = new StringBuilder(set.lines().size() * 80);
    set.lines().forEach(l -> s.append(l.text()).append("\r\n"));
    payload = s.toString().getBytes(StandardCharsets.US_ASCII);
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "scenario-feed");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t =
            new Thread(
                () -> {
                  try (s;
                      OutputStream out = s.getOutputStream()) {
                    out.write(payload);
                    out.flush();
                    while (s.getInputStream().read() >= 0) {
                      // hold the connection like a live feed until the node closes it
                    }
                  } catch (IOException e) {
                    // the client went away
                  }
                },
                "scenario-feed-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
