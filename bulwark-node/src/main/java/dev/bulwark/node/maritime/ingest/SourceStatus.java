package dev.bulwark.node.maritime.ingest;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The live counters of one AIS source: whether it is connected, lines, messages and errors so far,
 * when the last message came and the last error, and the message rate over the last sampling
 * interval. Sources update it from their own thread; the API and the metrics read it from others.
 * Thread-safe.
 */
public final class SourceStatus {
  private final String name;
  private final String type;
  private final String address;
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong lastMessageMillis = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>("");
  private volatile boolean connected;
  private volatile double rate;
  private long sampledMessages;
  private long sampledAtNanos = System.nanoTime();

  SourceStatus(String name, String type, String address) {
    this.name = name;
    this.type = type;
    this.address = address;
  }

  void line() {
    lines.incrementAndGet();
  }

  void lines(long n) {
    lines.addAndGet(n);
  }

  void message(long wallMillis) {
    messages.incrementAndGet();
    lastMessageMillis.lazySet(wallMillis);
  }

  void error(String what) {
    errors.incrementAndGet();
    lastError.set(what.length() > 300 ? what.substring(0, 300) : what);
  }

  void connected(boolean up) {
    if (up && !connected) {
      connections.incrementAndGet();
    }
    connected = up;
  }

  /** Recomputes the message rate; called about once a second by one sampler thread. */
  public synchronized void sample() {
    long now = System.nanoTime();
    long m = messages.get();
    double seconds = (now - sampledAtNanos) / 1e9;
    if (seconds > 0.05) {
      rate = (m - sampledMessages) / seconds;
      sampledMessages = m;
      sampledAtNanos = now;
    }
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public long lines() {
    return lines.get();
  }

  public long messages() {
    return messages.get();
  }

  public long errors() {
    return errors.get();
  }

  public boolean connected() {
    return connected;
  }

  public double messagesPerSecond() {
    return rate;
  }

  /** The view the API shows. */
  public View view() {
    long last = lastMessageMillis.get();
    return new View(
        name,
        type,
        address,
        connected,
        connections.get(),
        lines.get(),
        messages.get(),
        errors.get(),
        Math.round(rate * 10) / 10.0,
        last == 0 ? "" : Instant.ofEpochMilli(last).toString(),
        lastError.get());
  }

  /**
   * What the API says of a source.
   *
   * @param lastMessage wall-clock time of the last message (RFC 3339), "" when none yet
   * @param lastError the last error, "" when none
   *     <p>Written as JSON with snake_case field names, like STIX and TAXII.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record View(
      String name,
      String type,
      String address,
      boolean connected,
      long connections,
      long lines,
      long messages,
      long errors,
      double messagesPerSecond,
      String lastMessage,
      String lastError) {}
}
