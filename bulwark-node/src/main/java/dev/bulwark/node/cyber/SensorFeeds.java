package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor logs the node follows itself ({@link SensorFeedProperties}): each file by a {@link
 * FileFollower}, each TCP port by a listener taking JSON lines from any number of connections. What
 * they read goes through {@link CyberIntake} as a post of the configured sensor principal would
 * (its nation's indicators only, its aggregator, the same sightings and markings), a chunk at a
 * time: what one poll of a file found, or what a connection sent before it paused. Memory per feed:
 * one chunk ({@link #MAX_CHUNK}) and one partial line. One daemon thread per file, per port and per
 * connection, at most {@link #MAX_CONNECTIONS} connections per port (more are closed at once, so a
 * flood of connections cannot take the node's threads); {@link #close} stops them all. A TCP
 * connection signs in as the feed's sensor first ({@link TcpSignIn}) unless the feed is on loopback
 * with {@code auth=none}. Thread-safe.
 */
final class SensorFeeds implements AutoCloseable {
  /** Bytes handed to the intake at once at most. */
  static final int MAX_CHUNK = 4 << 20;

  /** How long a stop waits for a file feed's chunk in hand, beyond one poll interval. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);

  /** Connections one TCP feed serves at once. */
  static final int MAX_CONNECTIONS = 16;

  private static final Logger LOG = LoggerFactory.getLogger(SensorFeeds.class);

  private final CyberIntake intake;
  private final PrincipalStore principals;
  private final SensorFeedProperties settings;
  private final FeedPositions positions;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Thread> fileThreads = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong refusedConnections = new AtomicLong();
  private volatile boolean running = true;

  SensorFeeds(
      CyberIntake intake,
      PrincipalStore principals,
      SensorFeedProperties settings,
      FeedPositions positions) {
    this.intake = intake;
    this.principals = principals;
    this.settings = settings;
    this.positions = positions;
  }

  /** Starts every configured feed; a feed naming no sensor principal stops the start. */
  synchronized SensorFeeds start() throws IOException {
    for (SensorFeedProperties.FileFeed f : settings.files()) {
      NodePrincipal sensor = sensor(f.sensor(), "files " + f.path());
      SensorFormat format = SensorFormat.parse(f.format() == null ? "eve" : f.format());
      FileFollower follower =
          new FileFollower(Path.of(f.path()), f.fromStart(), MAX_CHUNK, positions.load(f.path()));
      resources.add(follower);
      fileThreads.add(
          thread("cyber-file-" + f.path(), () -> follow(follower, sensor, format, f.path())));
    }
    for (SensorFeedProperties.TcpFeed t : settings.tcp()) {
      NodePrincipal sensor = sensor(t.sensor(), "tcp port " + t.port());
      SensorFormat format = SensorFormat.parse(t.format() == null ? "eve" : t.format());
      InetAddress address = InetAddress.getByName(t.bind());
      if (!t.tokenRequired() && !address.isLoopbackAddress()) {
        throw new IllegalStateException(
            "bulwark.cyber.feeds tcp port "
                + t.port()
                + ": auth=none is allowed on a loopback address only (bind is "
                + t.bind()
                + "); remove auth=none and send 'AUTH <token>' as the first line");
      }
      ServerSocket server = new ServerSocket(t.port(), 16, address);
      resources.add(server);
      thread("cyber-tcp-" + t.port(), () -> listen(server, sensor, format, t.tokenRequired()));
      LOG.info(
          "cyber feed: {} lines of {} on {}:{} ({})",
          format.label(),
          sensor.name(),
          t.bind(),
          server.getLocalPort(),
          t.tokenRequired() ? "sign-in with the sensor's token" : "no sign-in");
    }
    return this;
  }

  /** Events read by every feed so far. */
  long events() {
    return events.get();
  }

  /** Connections closed unread: over the limit, or not signed in as the feed's sensor. */
  long refusedConnections() {
    return refusedConnections.get();
  }

  /** The local ports of the TCP feeds (in the order configured; 0 asks for a free one). */
  synchronized List<Integer> tcpPorts() {
    List<Integer> ports = new ArrayList<>();
    for (AutoCloseable r : resources) {
      if (r instanceof ServerSocket s) {
        ports.add(s.getLocalPort());
      }
    }
    return ports;
  }

  private NodePrincipal sensor(String name, String feed) {
    long now = System.currentTimeMillis() * 1000;
    return principals
        .find(name == null ? "" : name)
        .filter(p -> p.has(Role.SENSOR) && p.activeAt(now))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "bulwark.cyber.feeds "
                        + feed
                        + ": sensor '"
                        + name
                        + "' is no active principal with the role sensor"));
  }

  private synchronized Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
    return t;
  }

  private void follow(FileFollower f, NodePrincipal sensor, SensorFormat format, String where) {
    StringBuilder header = new StringBuilder();
    while (running) {
      try {
        String chunk = f.poll();
        if (chunk.isEmpty()) {
          Thread.sleep(settings.poll().toMillis());
        } else {
          if (format == SensorFormat.ZEEK && header.isEmpty() && !chunk.startsWith("#")) {
            header.append(f.leadingCommentLines(64 * 1024)); // resumed inside a TSV log
          }
          take(sensor, format, chunk, header);
          Optional<FeedPositions.Position> done = f.position();
          if (done.isPresent()) {
            positions.save(where, done.get());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warn("cyber feed {}: {} (retrying)", where, e.toString());
        sleepQuietly();
      }
    }
  }

  private void listen(
      ServerSocket server, NodePrincipal sensor, SensorFormat format, boolean signIn) {
    Semaphore open = new Semaphore(MAX_CONNECTIONS);
    while (running) {
      try {
        Socket s = server.accept();
        if (!open.tryAcquire()) {
          refusedConnections.incrementAndGet();
          LOG.warn(
              "cyber feed tcp {}: more than {} connections",
              server.getLocalPort(),
              MAX_CONNECTIONS);
          s.close();
          continue;
        }
        register(s);
        thread(
            "cyber-tcp-conn-" + s.getRemoteSocketAddress(),
            () -> {
              try {
                serve(s, sensor, format, signIn);
              } finally {
                open.release();
                unregister(s);
              }
            });
      } catch (IOException e) {
        if (running) {
          LOG.warn("cyber feed tcp {}: {}", server.getLocalPort(), e.toString());
        }
      }
    }
  }

  private synchronized void register(Socket s) {
    resources.add(s);
  }

  private synchronized void unregister(Socket s) {
    resources.remove(s);
  }

  private void serve(Socket s, NodePrincipal sensor, SensorFormat format, boolean signIn) {
    boolean signedIn;
    try {
      signedIn = !signIn || TcpSignIn.read(s, principals, sensor.name()).isPresent();
    } catch (IOException e) {
      signedIn = false;
    }
    if (!signedIn) {
      refusedConnections.incrementAndGet();
      LOG.warn("cyber feed: {} did not sign in as {}", s.getRemoteSocketAddress(), sensor.name());
      refuse(s);
      return;
    }
    connection(s, sensor, format);
  }

  /**
   * Says so, then reads what the sender already sent (bounded: 1 MiB, 1 s) before closing: closed
   * with unread bytes, the socket would reset the connection and the sender might never see why.
   */
  private static void refuse(Socket s) {
    try (s) {
      s.getOutputStream().write("ERR sign-in refused\n".getBytes(StandardCharsets.US_ASCII));
      s.shutdownOutput();
      s.setSoTimeout(1000);
      InputStream in = s.getInputStream();
      byte[] sink = new byte[8192];
      long left = 1 << 20;
      int n;
      while (left > 0 && (n = in.read(sink)) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the sender is gone already, or too slow to wait for
    }
  }

  /** Reads a connection's lines, handing them on whenever the sender pauses or a chunk is full. */
  private void connection(Socket s, NodePrincipal sensor, SensorFormat format) {
    byte[] buf = new byte[64 * 1024];
    byte[] pending = new byte[0];
    StringBuilder header = new StringBuilder();
    try (s;
        InputStream in = s.getInputStream()) {
      int n;
      while (running && (n = in.read(buf)) > 0) {
        byte[] all = Arrays.copyOf(pending, pending.length + n);
        System.arraycopy(buf, 0, all, pending.length, n);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
          end--;
        }
        boolean full = all.length >= MAX_CHUNK;
        if (end > 0 && (in.available() == 0 || full)) {
          take(sensor, format, new String(all, 0, end, StandardCharsets.UTF_8), header);
          pending = Arrays.copyOfRange(all, end, all.length);
        } else if (end == 0 && full) {
          // a line longer than a chunk: handed on as it is, the reader rejects it as too long
          take(sensor, format, new String(all, StandardCharsets.UTF_8) + "\n", header);
          pending = new byte[0];
        } else {
          pending = all;
        }
      }
      if (pending.length > 0) {
        take(sensor, format, new String(pending, StandardCharsets.UTF_8) + "\n", header);
      }
    } catch (IOException e) {
      if (running) {
        LOG.warn("cyber feed connection {}: {}", s.getRemoteSocketAddress(), e.toString());
      }
    }
  }

  /**
   * Zeek's TSV header ({@code #separator} … {@code #types}) stands once at the top of a file, but
   * each chunk is read on its own: the last header seen goes before every chunk that has none.
   */
  private static String withZeekHeader(StringBuilder header, String chunk) {
    if (chunk.contains("#fields")) {
      header.setLength(0);
      for (String line : chunk.split("\n")) {
        if (line.startsWith("#") && !line.startsWith("#close")) {
          header.append(line).append('\n');
        }
      }
      return chunk;
    }
    return header.isEmpty() ? chunk : header + chunk;
  }

  private void take(NodePrincipal sensor, SensorFormat format, String lines, StringBuilder header)
      throws IOException {
    String chunk = format == SensorFormat.ZEEK ? withZeekHeader(header, lines) : lines;
    CyberIntake.Result r = intake.accept(sensor, format, new StringReader(chunk));
    events.addAndGet(r.summary().events());
    if (!r.rejections().isEmpty()) {
      LOG.info("cyber feed of {}: rejected {}", sensor.name(), r.rejections());
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    // sockets first: closing them ends the TCP threads
    for (AutoCloseable r : resources) {
      if (!(r instanceof FileFollower)) {
        closeQuietly(r);
      }
    }
    // a file thread is not interrupted: it finishes the chunk in hand (matched, stored, its
    // position saved) and then sees that it is to stop, within one poll interval
    for (Thread t : fileThreads) {
      try {
        t.join(settings.poll().toMillis() + STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (AutoCloseable r : resources) {
      if (r instanceof FileFollower) {
        closeQuietly(r);
      }
    }
    threads.forEach(Thread::interrupt);
  }

  private static void closeQuietly(AutoCloseable r) {
    try {
      r.close();
    } catch (Exception e) {
      // closing is best effort: the threads are daemons
    }
  }
}
