package dev.bulwark.node.taxii.server;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes in the body of a TAXII POST in bounded memory: refuses a body longer than
 * max_content_length, reserves the body's estimated heap in the {@link EnvelopeBudget} before
 * reading it (waiting a bounded time, then 503 with Retry-After), and reads it with the {@link
 * EnvelopeReader}'s limits. A body refused part-way is read to its end (up to max_content_length)
 * without being parsed, so that a client still sending it gets the answer instead of a reset
 * connection. Thread-safe.
 */
final class EnvelopeIntake {
  /**
   * Heap per byte of body while its objects are checked and stored: the envelope's tree, each
   * object's own copy and its JSON for the database are alive together. Measured (heap after a full
   * collection) at 6.2 for envelopes of 1 KB indicators and 11 for the smallest valid objects, of
   * which {@link #HEAP_PER_OBJECT} covers the part that does not grow with their length.
   */
  static final long HEAP_PER_BYTE = 7;

  /**
   * Heap per object on top of {@link #HEAP_PER_BYTE}: tree nodes, outcome, status and audit entry.
   * Measured at 0.3 KiB for {@code {}} and 1.8 KiB in all for a 166-byte object.
   */
  static final long HEAP_PER_OBJECT = 1024;

  /**
   * The shortest element of an objects array with its comma ({@code {},}), to bound the count by
   * the length.
   */
  private static final long SHORTEST_OBJECT = 3;

  /** How long a POST waits for its share of the budget before it is answered 503. */
  static final Duration WAIT = Duration.ofSeconds(15);

  /**
   * A body must arrive within this plus a second per {@link #SLOWEST_BYTES_PER_SECOND} of its
   * length: a client that sends its body slowly must not hold its share of the budget, and with it
   * every other POST, for as long as it likes.
   */
  static final Duration GRACE = Duration.ofSeconds(30);

  /** 256 KiB/s, 2 Mbit/s: far below any link two nodes federate over. */
  static final long SLOWEST_BYTES_PER_SECOND = 256 * 1024;

  /** What a 503 tells the client to wait before it sends again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final long maxContentLength;
  private final int maxObjects;
  private final EnvelopeBudget budget;
  private final Duration wait;
  private final Duration grace;
  private final EnvelopeReader reader;

  EnvelopeIntake(TaxiiProperties properties, JsonMapper json) {
    this(properties, json, new EnvelopeBudget(properties.postMemoryBudget()), WAIT, GRACE);
  }

  /**
   * @param wait how long a POST waits for its share of the budget
   * @param grace the fixed part of the time a body has to arrive
   */
  EnvelopeIntake(
      TaxiiProperties properties,
      JsonMapper json,
      EnvelopeBudget budget,
      Duration wait,
      Duration grace) {
    this.maxObjects = properties.maxObjectsPerEnvelope();
    this.budget = budget;
    this.wait = wait;
    this.grace = grace;
    this.reader = new EnvelopeReader(json, maxObjects, properties.maxObjectBytes());
    // never advertise a body the budget could not take whole
    long largest = largestFitting(budget.capacityBytes(), maxObjects);
    this.maxContentLength = Math.max(1, Math.min(properties.maxContentLength(), largest));
  }

  /**
   * The largest body this node takes: max_content_length as configured, or less if the budget is
   * smaller.
   */
  long maxContentLength() {
    return maxContentLength;
  }

  /**
   * The objects of a POST and their share of the budget, to be closed when the POST is answered.
   */
  record Received(ObjectNode envelope, EnvelopeBudget.Reservation reservation)
      implements AutoCloseable {
    /** The envelope's objects. */
    ArrayNode objects() {
      return (ArrayNode) envelope.get("objects");
    }

    @Override
    public void close() {
      reservation.close();
    }
  }

  /**
   * Reads the request's envelope.
   *
   * @throws TaxiiException 413 (too long, too many or too large objects), 400 (not an envelope or
   *     not JSON), 408 (the body came too slowly)
   * @throws Busy when the node is taking in other envelopes (to be answered 503 with Retry-After)
   */
  Received receive(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxContentLength) {
      throw tooLong();
    }
    long length = declared >= 0 ? declared : maxContentLength;
    Optional<EnvelopeBudget.Reservation> reserved =
        budget.reserve(estimate(length, maxObjects), wait);
    long deadline =
        System.nanoTime()
            + grace.toNanos()
            + Duration.ofSeconds(length / SLOWEST_BYTES_PER_SECOND).toNanos();
    if (reserved.isEmpty()) {
      drain(request.getInputStream(), 0, deadline);
      throw new Busy();
    }
    EnvelopeBudget.Reservation reservation = reserved.get();
    Counting in = new Counting(request.getInputStream(), maxContentLength, deadline);
    try {
      ObjectNode envelope = reader.readEnvelope(in);
      reservation.shrinkTo(estimate(in.count, envelope.get("objects").size()));
      return new Received(envelope, reservation);
    } catch (RuntimeException e) {
      reservation.close();
      if (in.late) {
        throw new TaxiiException(
            408,
            "Request timeout",
            "The body arrived slower than this node takes it ("
                + (grace.toSeconds() > 0 ? grace.toSeconds() + " s and " : "")
                + "a second per "
                + SLOWEST_BYTES_PER_SECOND / 1024
                + " KiB); send it faster or in smaller envelopes.");
      }
      drain(in.getRawStream(), in.count, deadline);
      if (in.over) {
        throw tooLong();
      }
      if (e instanceof JacksonException j) {
        throw TaxiiException.badRequest("The body is not JSON: " + j.getOriginalMessage());
      }
      throw e;
    }
  }

  /** The heap a body of {@code bytes} holding at most {@code objects} objects may take. */
  static long estimate(long bytes, long objects) {
    long count = Math.min(objects, bytes / SHORTEST_OBJECT + 1);
    return bytes * HEAP_PER_BYTE + count * HEAP_PER_OBJECT;
  }

  /** The longest body whose estimate fits in {@code capacity}. */
  static long largestFitting(long capacity, int maxObjects) {
    long lo = 0;
    long hi = capacity / HEAP_PER_BYTE + 1;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (estimate(mid, maxObjects) <= capacity) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private TaxiiException tooLong() {
    return new TaxiiException(
        413,
        "Content too large",
        "The body exceeds this API root's max_content_length of " + maxContentLength + " bytes.");
  }

  /**
   * Reads and drops the rest of a body, at most up to max_content_length and until the deadline
   * (beyond either the connection may close).
   */
  private void drain(InputStream in, long alreadyRead, long deadline) {
    byte[] chunk = new byte[65536];
    long total = alreadyRead;
    try {
      int n;
      while (total <= maxContentLength
          && System.nanoTime() < deadline
          && (n = in.read(chunk)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  /** 503: the budget stayed taken for as long as a POST waits. */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy() {
      super(
          "The node is taking in other envelopes and has no memory free for this one now;"
              + " send it again in "
              + RETRY_AFTER_SECONDS
              + " seconds (or in smaller envelopes).");
    }
  }

  /**
   * Counts the bytes read and stops at the limit (so the parser never reads past
   * max_content_length) or at the deadline.
   */
  private static final class Counting extends FilterInputStream {
    private final long max;
    private final long deadline;
    long count;
    boolean over;
    boolean late;

    Counting(InputStream in, long max, long deadline) {
      super(in);
      this.max = max;
      this.deadline = deadline;
    }

    InputStream getRawStream() {
      return in;
    }

    /**
     * Left open when the parser is done: a refused body is drained from it, and the container
     * closes it.
     */
    @Override
    public void close() {}

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > max) {
        over = true;
        throw new IOException("body longer than " + max + " bytes");
      }
      if (System.nanoTime() > deadline) {
        late = true;
        throw new IOException("body not read by its deadline");
      }
    }
  }
}
