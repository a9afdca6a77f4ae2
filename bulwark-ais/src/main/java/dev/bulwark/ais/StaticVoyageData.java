package dev.bulwark.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Type 5: Class A static and voyage related data. {@code draught} is in tenths of a metre; ETA
 * month 0, day 0, hour 24, minute 60 mean "not available"; IMO 0 means "not available". Text fields
 * are trimmed of '@' padding and trailing spaces. Immutable and thread-safe.
 */
public record StaticVoyageData(
    int type,
    int repeat,
    int mmsi,
    int aisVersion,
    int imo,
    String callsign,
    String shipname,
    int shiptype,
    int toBow,
    int toStern,
    int toPort,
    int toStarboard,
    int epfd,
    int month,
    int day,
    int hour,
    int minute,
    int draught,
    String destination,
    int dte)
    implements AisMessage {

  /** IMO number, empty when 0 (not available). */
  public OptionalInt imoNumber() {
    return Units.intOrEmpty(imo, 0);
  }

  /** Draught in metres, empty when 0 (not available). */
  public OptionalDouble draughtMetres() {
    return Units.tenths(draught, 0);
  }
}
