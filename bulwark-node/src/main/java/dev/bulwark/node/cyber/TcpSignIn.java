package dev.bulwark.node.cyber;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in line a TCP sensor feed asks of each connection before it takes any event: {@code AUTH
 * <token>}, the token of the feed's sensor principal (as {@code bulwark principal add} issued it).
 * Without it whoever could reach the port would write sightings as that sensor, and a sighting
 * reveals its indicator to the sensor's nation. The line is read a byte at a time, so the events
 * that follow it in the same packet stay in the stream; it is bounded ({@link #MAX_LINE} bytes) and
 * must come within {@link #TIMEOUT}. A wrong, expired or revoked token, another principal's token,
 * a missing or over-long line all answer empty, alike. Stateless; thread-safe.
 */
final class TcpSignIn {
  /** The longest sign-in line read; a token is far shorter. */
  static final int MAX_LINE = 1024;

  /** How long a connection may take to sign in. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String PREFIX = "AUTH ";

  private TcpSignIn() {}

  /** The sensor, when the connection's first line signs in as it; the socket's timeout is reset. */
  static Optional<NodePrincipal> read(Socket s, PrincipalStore principals, String sensor)
      throws IOException {
    s.setSoTimeout((int) TIMEOUT.toMillis());
    Optional<String> line = firstLine(s.getInputStream());
    s.setSoTimeout(0);
    if (line.isEmpty() || !line.get().startsWith(PREFIX)) {
      return Optional.empty();
    }
    String token = line.get().substring(PREFIX.length()).trim();
    return principals.authenticate(Optional.of(sensor), token);
  }

  private static Optional<String> firstLine(InputStream in) throws IOException {
    byte[] line = new byte[MAX_LINE];
    int n = 0;
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        return Optional.of(new String(line, 0, end, StandardCharsets.UTF_8));
      }
      if (n == MAX_LINE) {
        return Optional.empty();
      }
      line[n++] = (byte) b;
    }
    return Optional.empty();
  }
}
