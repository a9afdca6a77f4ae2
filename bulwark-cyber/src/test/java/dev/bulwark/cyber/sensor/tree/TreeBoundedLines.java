package dev.bulwark.cyber.sensor.tree;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length from a character stream: a longer line is skipped to its
 * end and reported as too long, so one endless line cannot take the heap. {@code \n}, {@code \r\n}
 * and {@code \r} end lines. Not thread-safe.
 */
final class TreeBoundedLines {
  /** What {@link #next} returns for a line over the limit (compared by identity). */
  static final String TOO_LONG = new String("<too long>");

  private final Reader in;
  private final int max;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private final StringBuilder line = new StringBuilder(256);
  private long number;

  TreeBoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.max = maxChars;
  }

  /** The next line, {@link #TOO_LONG}, or null at the end of the stream. */
  String next() throws IOException {
    line.setLength(0);
    boolean over = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!any) {
            return null;
          }
          number++;
          return over ? TOO_LONG : line.toString();
        }
      }
      any = true;
      char c = buf[pos++];
      if (c == '\n' || c == '\r') {
        if (c == '\r') {
          if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            len = Math.max(len, 0);
          }
          if (pos < len && buf[pos] == '\n') {
            pos++;
          }
        }
        number++;
        return over ? TOO_LONG : line.toString();
      }
      if (!over) {
        if (line.length() >= max) {
          over = true;
          line.setLength(0);
        } else {
          line.append(c);
        }
      }
    }
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }
}
