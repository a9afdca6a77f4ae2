package dev.bulwark.ais.source;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens for NMEA lines on a UDP port (receivers commonly forward one or more sentences per
 * datagram). Each datagram is split into lines and delivered on the listener's own thread.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread.
 */
public final class UdpAisListener implements AutoCloseable {

  private final DatagramSocket socket;
  private final LineConsumer consumer;
  private final AtomicLong datagrams = new AtomicLong();
  private Thread thread;

  /** Binds {@code bindAddress:port} (port 0 picks a free one, see {@link #localPort()}). */
  public UdpAisListener(String bindAddress, int port, LineConsumer consumer)
      throws SocketException {
    this.socket = new DatagramSocket(new InetSocketAddress(bindAddress, port));
    this.consumer = consumer;
  }

  /** The bound port. */
  public int localPort() {
    return socket.getLocalPort();
  }

  /** Datagrams received so far. */
  public long datagrams() {
    return datagrams.get();
  }

  /** Starts the receiving thread (once). */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::loop, "ais-udp-" + localPort());
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    byte[] buf = new byte[65535];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
        datagrams.incrementAndGet();
        int start = packet.getOffset();
        int end = start + packet.getLength();
        for (int i = start; i <= end; i++) {
          if (i == end || buf[i] == '\n' || buf[i] == '\r') {
            if (i > start) {
              consumer.line(buf, start, i - start);
            }
            start = i + 1;
          }
        }
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      } catch (RuntimeException e) {
        // A failing consumer loses the datagram, not the listener.
      }
    }
  }

  /** Closes the socket and waits for the thread to end. */
  @Override
  public void close() {
    socket.close();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
