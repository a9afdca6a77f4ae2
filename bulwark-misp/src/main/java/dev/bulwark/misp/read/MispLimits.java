package dev.bulwark.misp.read;

/**
 * Bounds on one MISP input, so that a hostile file cannot exhaust memory. Immutable.
 *
 * @param maxBytes bytes read from one input before it is rejected
 * @param maxAttributesPerEvent attributes (inside and outside objects) in one event
 * @param maxDepth JSON nesting depth
 */
public record MispLimits(long maxBytes, int maxAttributesPerEvent, int maxDepth) {

  /** 256 MiB per input, 1,000,000 attributes per event, depth 64. */
  public static final MispLimits DEFAULT = new MispLimits(256L << 20, 1_000_000, 64);

  /** Checks the bounds are positive. */
  public MispLimits {
    if (maxBytes <= 0 || maxAttributesPerEvent <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
