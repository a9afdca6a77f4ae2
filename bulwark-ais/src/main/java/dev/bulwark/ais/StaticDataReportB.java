package dev.bulwark.ais;

/**
 * Type 24 part B: ship type, vendor, call sign and either dimensions or, for auxiliary craft (MMSI
 * 98xxxxxxx), the mother ship's MMSI ({@code mothershipMmsi}, else 0). The vendor id is split as in
 * the 2010 revision: a 3-character manufacturer, 4-bit model and 20-bit serial; the full
 * 7-character legacy form is {@code vendorid}. Immutable and thread-safe.
 */
public record StaticDataReportB(
    int type,
    int repeat,
    int mmsi,
    int shiptype,
    String vendorid,
    int model,
    int serial,
    String callsign,
    int toBow,
    int toStern,
    int toPort,
    int toStarboard,
    int mothershipMmsi)
    implements AisMessage {

  /** True for auxiliary craft, whose dimension bits carry the mother ship's MMSI instead. */
  public boolean isAuxiliaryCraft() {
    return mmsi / 10_000_000 == 98;
  }
}
