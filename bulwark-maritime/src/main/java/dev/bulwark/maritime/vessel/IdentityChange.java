package dev.bulwark.maritime.vessel;

/**
 * One change of a vessel's declared identity: a field that had a value and now reports another. A
 * first report of a field (empty to something) is not a change. Immutable, thread-safe.
 *
 * @param mmsi the MMSI the vessel transmits under after the change
 * @param timeMillis track time of the message that showed the change
 * @param field which field changed
 * @param before the old value
 * @param after the new value
 */
public record IdentityChange(int mmsi, long timeMillis, Field field, String before, String after) {

  /** The identity fields whose changes are recorded. */
  public enum Field {
    /** Same IMO number seen under another MMSI (flag hopping shows here). */
    MMSI,
    IMO,
    NAME,
    CALL_SIGN,
    /** The flag implied by the MMSI changed with it. */
    FLAG
  }
}
