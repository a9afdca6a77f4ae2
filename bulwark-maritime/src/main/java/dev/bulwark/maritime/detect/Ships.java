package dev.bulwark.maritime.detect;

/** Facts about AIS ship types that several detectors share. Stateless. */
final class Ships {
  private Ships() {}

  /**
   * Service craft whose job keeps them slow and close to other ships or to the seabed: towing (31,
   * 32), dredging and underwater operations (33), pilot (50), search and rescue (51), tug (52),
   * port tender (53), law enforcement (55), and fishing (30, whose trawls cross cables every day
   * and are a separate risk). AIS ship type table, ITU-R M.1371.
   */
  static boolean isServiceOrFishing(int shipType) {
    return shipType == 30
        || shipType == 31
        || shipType == 32
        || shipType == 33
        || (shipType >= 50 && shipType <= 53)
        || shipType == 55;
  }

  /** Cargo (70-79) and tanker (80-89): ships that have no business going slowly over a cable. */
  static boolean isCargoOrTanker(int shipType) {
    return shipType >= 70 && shipType <= 89;
  }
}
