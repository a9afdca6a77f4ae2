package dev.bulwark.maritime.vessel;

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
 */
public record VesselIdentity(
    int mmsi, int imo, String name, String callSign, int shipType, String destination) {

  /** Nothing known but the MMSI. */
  public static VesselIdentity unknown(int mmsi) {
    return new VesselIdentity(mmsi, 0, "", "", 0, "");
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
