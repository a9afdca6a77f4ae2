package dev.bulwark.ais.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, {@code \r\n} or {@code \r}) into one reusable
 * buffer, without decoding characters. A line longer than 128 KiB is delivered in pieces of that
 * size (the decoder then rejects them). Not thread-safe.
 */
public final class LineReader {

  private static final int MAX_LINE = 1 << 16;

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;

  /** Reads from {@code in} (not closed by this reader). */
  public LineReader(InputStream in) {
    this.in = in;
  }

  /**
   * Delivers every complete line until end of stream, then the last unterminated line. Returns the
   * number of lines delivered.
   */
  public long forEachLine(LineConsumer consumer) throws IOException {
    long lines = 0;
    while (true) {
      int scan = start;
      while (true) {
        int nl = -1;
        for (int i = scan; i < end; i++) {
          byte b = buf[i];
          if (b == '\n' || b == '\r') {
            nl = i;
            break;
          }
        }
        if (nl < 0) {
          break;
        }
        if (nl > start) {
          consumer.line(buf, start, nl - start);
          lines++;
        }
        start = nl + 1;
        scan = start;
      }
      if (!fill(consumer)) {
        if (end > start) {
          consumer.line(buf, start, end - start);
          lines++;
          start = end;
        }
        return lines;
      }
    }
  }

  /** Reads once more into the buffer; false at end of stream. */
  private boolean fill(LineConsumer consumer) throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      if (buf.length < MAX_LINE * 2) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      } else {
        // A runaway "line": hand it over as it is (the decoder rejects and counts it) rather
        // than grow without bound.
        consumer.line(buf, 0, end);
        end = 0;
      }
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }
}
