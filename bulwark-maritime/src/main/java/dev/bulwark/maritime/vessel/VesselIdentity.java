package dev.bulwark.maritime.vessel;

import dev.bulwark.maritime.model.Voyage;
import java.time.Instant;
import java.util.Optional;

/**
 * What is known of a vessel's identity at one time, merged from every static message seen so far.
 * Empty strings and zeros mean "not yet reported". Immutable, thread-safe.
 *
 * @param mmsi the MMSI it transmits under
 * @param imo IMO number, 0 when unknown
 * @param name name, "" when unknown
 * @param callSign call sign, "" when unknown
 * @param shipType AIS ship type, 0 when unknown
 * @param destination last reported destination, "" when unknown
 * @param voyage last reported dimensions, draught and ETA ({@link Voyage#NONE} when unknown)
 * @param voyageMillis when the ETA of {@code voyage} was reported (its year is inferred from it)
 */
public record VesselIdentity(
    int mmsi,
    int imo,
    String name,
    String callSign,
    int shipType,
    String destination,
    Voyage voyage,
    long voyageMillis) {

  /** An identity without dimensions or ETA. */
  public VesselIdentity(
      int mmsi, int imo, String name, String callSign, int shipType, String destination) {
    this(mmsi, imo, name, callSign, shipType, destination, Voyage.NONE, 0);
  }

  public VesselIdentity {
    voyage = voyage == null ? Voyage.NONE : voyage;
  }

  /** Nothing known but the MMSI. */
  public static VesselIdentity unknown(int mmsi) {
    return new VesselIdentity(mmsi, 0, "", "", 0, "");
  }

  /** The estimated time of arrival at {@link #destination}, when reported. */
  public Optional<Instant> eta() {
    return voyage.eta(voyageMillis);
  }

  /** The flag implied by the MMSI. */
  public Optional<String> flag() {
    return Flags.ofMmsi(mmsi);
  }

  /** A label for people: the name when known, else the MMSI. */
  public String label() {
    return name.isEmpty() ? Integer.toString(mmsi) : name;
  }
}
