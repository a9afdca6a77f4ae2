package dev.bulwark.ais;

/**
 * Receives decoded messages with their receive time as epoch milliseconds, for consumers that work
 * in milliseconds anyway (a track, a detector): the decoder then allocates no {@link
 * DecodedMessage}, {@code Optional} or {@code Instant} per message. The time and source are the
 * ones {@link DecodedMessage} would carry; implementations decide their own thread-safety (the
 * decoder calls them from its one thread).
 */
@FunctionalInterface
public interface TimedMessageSink {

  /**
   * The time given when a message has no receive time (see {@link DecodedMessage#receivedAt()}).
   */
  long NO_TIME = Long.MIN_VALUE;

  /**
   * One decoded message.
   *
   * @param message the decoded message
   * @param receivedAtMillis receive time in epoch milliseconds, or {@link #NO_TIME} when none is
   *     known
   * @param source the tag-block source, else the decoder's source name
   * @param sentences how many NMEA sentences carried the message
   */
  void accept(AisMessage message, long receivedAtMillis, String source, int sentences);
}
