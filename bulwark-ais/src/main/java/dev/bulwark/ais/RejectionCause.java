package dev.bulwark.ais;

/**
 * Why an input line, sentence or message was not turned into a decoded message. Every rejection is
 * counted under exactly one cause (see {@link AisCounters}). Immutable and thread-safe.
 */
public enum RejectionCause {
  /** A line that looked like an AIS sentence ({@code !xxVDM}/{@code !xxVDO}) but lacked fields. */
  MALFORMED_SENTENCE,
  /** The {@code *hh} checksum of a sentence is missing or wrong. */
  BAD_CHECKSUM,
  /** A tag block ({@code \...*hh\}) is malformed or its checksum is wrong. */
  BAD_TAG_BLOCK,
  /** A {@code $PGHP} header is malformed or its checksum is wrong. */
  BAD_HEADER,
  /** Fragment count or number is not a digit 1..9, or the number exceeds the count. */
  BAD_FRAGMENT_NUMBERING,
  /**
   * The fill-bit field is not a digit 0..5, or exceeds the payload, or is set on a non-final
   * fragment.
   */
  BAD_FILL_BITS,
  /** A payload character lies outside the 6-bit armor alphabet. */
  INVALID_PAYLOAD_CHARACTER,
  /** The reassembled payload exceeds the largest AIS message (5 slots, 1064 bits). */
  OVERSIZE_PAYLOAD,
  /** The line exceeds the longest line accepted (a guard against garbage streams). */
  LINE_TOO_LONG,
  /** An incomplete multi-sentence group was dropped because its sequence id was reused. */
  SEQUENCE_ID_REUSED,
  /**
   * An incomplete multi-sentence group expired (too old, too many open groups, or end of input).
   */
  INCOMPLETE_GROUP,
  /** A fragment repeated within its group (a duplicate). */
  DUPLICATE_FRAGMENT,
  /** The payload is empty. */
  EMPTY_PAYLOAD,
  /** The payload is shorter than the fields its message type requires. */
  PAYLOAD_TOO_SHORT,
  /** Message type 0 or 28..63. */
  UNKNOWN_MESSAGE_TYPE,
  /** A field holds a value the type does not allow (e.g. type 24 part number 2 or 3). */
  INVALID_FIELD
}
