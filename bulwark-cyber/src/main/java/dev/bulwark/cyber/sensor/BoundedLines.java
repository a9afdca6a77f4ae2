package dev.bulwark.cyber.sensor;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length from a character stream into one reused buffer: a longer
 * line is skipped to its end and reported as too long, so one endless line cannot take the heap.
 * {@code \n}, {@code \r\n} and {@code \r} end lines. Copies runs of characters (no per-character
 * appends, no String per line). Not thread-safe.
 */
final class BoundedLines {
  /** {@link #next}: a line is in {@link #chars()}. */
  static final int LINE = 0;

  /** {@link #next}: a line over the limit was skipped. */
  static final int TOO_LONG = 1;

  /** {@link #next}: the end of the stream. */
  static final int END = 2;

  private final Reader in;
  private final int max;
  private final char[] buf = new char[16384];
  private int pos;
  private int len;
  private char[] line = new char[1024];
  private int length;
  private long number;

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.max = maxChars;
  }

  /** Reads the next line: {@link #LINE}, {@link #TOO_LONG} or {@link #END}. */
  int next() throws IOException {
    length = 0;
    boolean over = false;
    boolean any = false;
    while (true) {
      if (pos == len && !fill()) {
        if (!any) {
          return END;
        }
        number++;
        return over ? TOO_LONG : LINE;
      }
      any = true;
      int start = pos;
      int end = start;
      while (end < len && buf[end] != '\n' && buf[end] != '\r') {
        end++;
      }
      if (!over) {
        over = !append(start, end - start);
      }
      pos = end;
      if (end < len) {
        char c = buf[pos++];
        if (c == '\r') {
          if (pos == len) {
            fill();
          }
          if (pos < len && buf[pos] == '\n') {
            pos++;
          }
        }
        number++;
        return over ? TOO_LONG : LINE;
      }
    }
  }

  /** Appends a run to the line; false when the line would exceed the limit. */
  private boolean append(int from, int n) {
    if (length + n > max) {
      length = 0;
      return false;
    }
    if (length + n > line.length) {
      char[] grown = new char[(int) Math.min(max, Math.max(line.length * 2L, length + (long) n))];
      System.arraycopy(line, 0, grown, 0, length);
      line = grown;
    }
    System.arraycopy(buf, from, line, length, n);
    length += n;
    return true;
  }

  private boolean fill() throws IOException {
    len = Math.max(in.read(buf, 0, buf.length), 0);
    pos = 0;
    return len > 0;
  }

  /** The characters of the line last read (valid up to {@link #length()} until the next read). */
  char[] chars() {
    return line;
  }

  /** The length of the line last read. */
  int length() {
    return length;
  }

  /** Whether the line last read is empty or only white space (as {@link String#isBlank}). */
  boolean blank() {
    for (int i = 0; i < length; i++) {
      if (!Character.isWhitespace(line[i])) {
        return false;
      }
    }
    return true;
  }

  /** The line last read as a String (for header lines and fallbacks). */
  String text() {
    return new String(line, 0, length);
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }
}
