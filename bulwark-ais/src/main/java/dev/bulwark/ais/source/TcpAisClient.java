package dev.bulwark.ais.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads NMEA lines from a TCP feed (an AIS receiver or aggregator such as AISHub or a DMA feed),
 * reconnecting with exponential {@link Backoff} whenever the connection fails or closes. Every
 * complete line received is delivered before reconnecting; the consumer runs on the client's own
 * thread (so one decoder per client needs no locking). A {@link ConnectionListener} may follow the
 * connection state (the node reports it per source).
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread.
 */
public final class TcpAisClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TcpAisClient.class.getName());

  private final String host;
  private final int port;
  private final LineConsumer consumer;
  private final Backoff backoff;
  private final Duration connectTimeout;
  private final ConnectionListener listener;
  private final String threadName;
  private final Object lock = new Object();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong lines = new AtomicLong();
  private volatile boolean running;
  private volatile Socket socket;
  private Thread thread;

  /** A client of {@code host:port} delivering lines to {@code consumer}. */
  public TcpAisClient(String host, int port, LineConsumer consumer, Backoff backoff) {
    this(host, port, consumer, backoff, ConnectionListener.NONE, "ais-tcp-" + host + ":" + port);
  }

  /**
   * A client of {@code host:port} delivering lines to {@code consumer} and its connection state to
   * {@code listener}, reading on a thread named {@code threadName}.
   */
  public TcpAisClient(
      String host,
      int port,
      LineConsumer consumer,
      Backoff backoff,
      ConnectionListener listener,
      String threadName) {
    this.host = host;
    this.port = port;
    this.consumer = consumer;
    this.backoff = backoff;
    this.connectTimeout = Duration.ofSeconds(10);
    this.listener = listener;
    this.threadName = threadName;
  }

  /** Starts the reading thread (once). */
  public void start() {
    synchronized (lock) {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      running = true;
      thread = new Thread(this::loop, threadName);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Successful connections so far. */
  public long connections() {
    return connections.get();
  }

  /** Lines delivered so far. */
  public long lines() {
    return lines.get();
  }

  private void loop() {
    int failures = 0;
    while (running) {
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        s.setTcpNoDelay(true);
        connections.incrementAndGet();
        listener.connected();
        failures = 0;
        InputStream in = s.getInputStream();
        new LineReader(in)
            .forEachLine(
                (b, o, l) -> {
                  lines.incrementAndGet();
                  try {
                    consumer.line(b, o, l);
                  } catch (RuntimeException e) {
                    // A failing consumer loses this line, not the connection.
                    LOG.log(
                        Level.WARNING,
                        "AIS consumer failed on a line from " + host + ":" + port,
                        e);
                  }
                });
        LOG.fine(() -> "AIS feed " + host + ":" + port + " closed the connection");
        if (running) {
          listener.closedByPeer();
        }
      } catch (IOException e) {
        if (running) {
          LOG.log(Level.FINE, "AIS feed " + host + ":" + port + " failed", e);
          listener.failed(e);
        }
      } finally {
        socket = null;
      }
      listener.disconnected();
      failures++;
      sleep(backoff.delay(failures));
    }
  }

  private void sleep(Duration d) {
    synchronized (lock) {
      long until = System.nanoTime() + d.toNanos();
      while (running) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Stops reading, closes the connection, interrupts the reading thread and waits (up to 5 s) for
   * it to end.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (lock) {
      running = false;
      lock.notifyAll();
      t = thread;
    }
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing " + host + ":" + port, e);
      }
    }
    if (t != null) {
      // a consumer blocked handing a line on (a full queue) gives up rather than hold the close
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
