package dev.bulwark.node.cyber;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body cut off at a byte budget: reading past it fails with {@link TooLarge}, whatever
 * the client declared, so one post cannot take more than the budget. Not thread-safe.
 */
final class BoundedInput extends FilterInputStream {
  /** Thrown when the body goes over the budget. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long budget) {
      super("the body is over " + budget + " bytes");
    }
  }

  private final long budget;
  private long read;

  BoundedInput(InputStream in, long budget) {
    super(in);
    this.budget = budget;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0 && ++read > budget) {
      throw new TooLarge(budget);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0 && (read += n) > budget) {
      throw new TooLarge(budget);
    }
    return n;
  }
}
