package dev.bulwark.ais.source;

/**
 * Receives lines as byte ranges, without terminator. The bytes are only valid during the call
 * (sources reuse their buffers). {@link dev.bulwark.ais.AisDecoder#accept(byte[], int, int)} fits.
 * Each source calls its consumer from one thread only, so implementations need not be thread-safe.
 */
@FunctionalInterface
public interface LineConsumer {
  /** One line: {@code buf[off, off+len)}. */
  void line(byte[] buf, int off, int len);
}
