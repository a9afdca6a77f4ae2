package dev.bulwark.maritime.model;

import java.util.Locale;

/**
 * Who a vessel says it is: static and voyage data (AIS type 5, 19, or one part of type 24), with
 * its dimensions and ETA when the message carries them.
 *
 * <p>Missing values are empty strings and zero numbers, never null: a type 24 part A carries only
 * the name, part B only the call sign and ship type; the registry merges parts. Names and call
 * signs are normalised (AIS '@' padding and surrounding blanks removed, upper case). Immutable,
 * thread-safe.
 *
 * @param mmsi sender's MMSI
 * @param timeMillis epoch milliseconds UTC
 * @param imo IMO number, or 0 when not given
 * @param name vessel name, or ""
 * @param callSign call sign, or ""
 * @param shipType AIS ship-and-cargo type 1-99, or 0 when not given
 * @param destination destination as typed by the crew, or ""
 * @param voyage dimensions, draught and ETA ({@link Voyage#NONE} when the message has none)
 */
public record StaticReport(
    int mmsi,
    long timeMillis,
    int imo,
    String name,
    String callSign,
    int shipType,
    String destination,
    Voyage voyage)
    implements VesselObservation {

  /** A report without dimensions or ETA. */
  public StaticReport(
      int mmsi,
      long timeMillis,
      int imo,
      String name,
      String callSign,
      int shipType,
      String destination) {
    this(mmsi, timeMillis, imo, name, callSign, shipType, destination, Voyage.NONE);
  }

  public StaticReport {
    voyage = voyage == null ? Voyage.NONE : voyage;
    name = clean(name);
    callSign = clean(callSign);
    destination = clean(destination);
    if (imo < 0) {
      imo = 0;
    }
    if (shipType < 0 || shipType > 255) {
      shipType = 0;
    }
  }

  /** AIS text without its '@' padding, trimmed, blanks collapsed, upper case; "" when absent. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    int at = s.indexOf('@');
    String t = at >= 0 ? s.substring(0, at) : s;
    t = t.trim();
    return (t.contains("  ") ? t.replaceAll("\\s+", " ") : t).toUpperCase(Locale.ROOT);
  }
}
