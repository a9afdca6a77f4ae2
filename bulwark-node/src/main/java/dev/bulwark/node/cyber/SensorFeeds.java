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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * connection; {@link #close} stops them all. Thread-safe.
 */
final class SensorFeeds implements AutoCloseable {
  /** Bytes handed to the intake at once at most. */
  static final int MAX_CHUNK = 4 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(SensorFeeds.class);

  private final CyberIntake intake;
  private final PrincipalStore principals;
  private final SensorFeedProperties settings;
  private final List<Thread> threads = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final AtomicLong events = new AtomicLong();
  private volatile boolean running = true;

  SensorFeeds(CyberIntake intake, PrincipalStore principals, SensorFeedProperties settings) {
    this.intake = intake;
    this.principals = principals;
    this.settings = settings;
  }

  /** Starts every configured feed; a feed naming no sensor principal stops the start. */
  synchronized SensorFeeds start() throws IOException {
    for (SensorFeedProperties.FileFeed f : settings.files()) {
      NodePrincipal sensor = sensor(f.sensor(), "files " + f.path());
      SensorFormat format = SensorFormat.parse(f.format() == null ? "eve" : f.format());
      FileFollower follower = new FileFollower(Path.of(f.path()), f.fromStart(), MAX_CHUNK);
      resources.add(follower);
      thread("cyber-file-" + f.path(), () -> follow(follower, sensor, format, f.path()));
    }
    for (SensorFeedProperties.TcpFeed t : settings.tcp()) {
      NodePrincipal sensor = sensor(t.sensor(), "tcp port " + t.port());
      SensorFormat format = SensorFormat.parse(t.format() == null ? "eve" : t.format());
      ServerSocket server = new ServerSocket(t.port(), 16, InetAddress.getByName(t.bind()));
      resources.add(server);
      thread("cyber-tcp-" + t.port(), () -> listen(server, sensor, format));
      LOG.info(
          "cyber feed: {} lines of {} on {}:{}",
          format.label(),
          sensor.name(),
          t.bind(),
          server.getLocalPort());
    }
    return this;
  }

  /** Events read by every feed so far. */
  long events() {
    return events.get();
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

  private synchronized void thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private void follow(FileFollower f, NodePrincipal sensor, SensorFormat format, String where) {
    StringBuilder header = new StringBuilder();
    while (running) {
      try {
        String chunk = f.poll();
        if (chunk.isEmpty()) {
          Thread.sleep(settings.poll().toMillis());
        } else {
          take(sensor, format, chunk, header);
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

  private void listen(ServerSocket server, NodePrincipal sensor, SensorFormat format) {
    while (running) {
      try {
        Socket s = server.accept();
        resources.add(s);
        thread("cyber-tcp-conn-" + s.getRemoteSocketAddress(), () -> connection(s, sensor, format));
      } catch (IOException e) {
        if (running) {
          LOG.warn("cyber feed tcp {}: {}", server.getLocalPort(), e.toString());
        }
      }
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
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        // closing is best effort: the threads are daemons
      }
    }
    threads.forEach(Thread::interrupt);
  }
}
