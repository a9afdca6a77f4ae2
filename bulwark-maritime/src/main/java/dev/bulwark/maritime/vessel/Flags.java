package dev.bulwark.maritime.vessel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The flag state implied by an MMSI's Maritime Identification Digits (its first three digits for a
 * ship station), as ISO 3166 alpha-3 codes. The table covers the flags seen in northern European
 * waters and the registries most used by the shadow fleet; other MIDs answer empty rather than a
 * guess. Source: ITU MID table (ITU-R M.585 annex). Immutable, thread-safe.
 */
public final class Flags {

  private static final Map<Integer, String> MID = new HashMap<>();

  static {
    put("ALB", 201);
    put("AND", 202);
    put("AUT", 203);
    put("PRT", 204, 255, 263);
    put("BEL", 205);
    put("BLR", 206);
    put("BGR", 207);
    put("CYP", 209, 210, 212);
    put("DEU", 211, 218);
    put("GEO", 213);
    put("MDA", 214);
    put("MLT", 215, 229, 248, 249, 256);
    put("ARM", 216);
    put("DNK", 219, 220);
    put("ESP", 224, 225);
    put("FRA", 226, 227, 228);
    put("FIN", 230);
    put("FRO", 231);
    put("GBR", 232, 233, 234, 235);
    put("GIB", 236);
    put("GRC", 237, 239, 240, 241);
    put("HRV", 238);
    put("MAR", 242);
    put("HUN", 243);
    put("NLD", 244, 245, 246);
    put("ITA", 247);
    put("IRL", 250);
    put("ISL", 251);
    put("LIE", 252);
    put("LUX", 253);
    put("MCO", 254);
    put("NOR", 257, 258, 259);
    put("POL", 261);
    put("MNE", 262);
    put("ROU", 264);
    put("SWE", 265, 266);
    put("SVK", 267);
    put("SMR", 268);
    put("CHE", 269);
    put("CZE", 270);
    put("TUR", 271);
    put("UKR", 272);
    put("RUS", 273);
    put("MKD", 274);
    put("LVA", 275);
    put("EST", 276);
    put("LTU", 277);
    put("SVN", 278);
    put("SRB", 279);
    put("ATG", 304, 305);
    put("BHS", 308, 309, 311);
    put("BLZ", 312);
    put("BRB", 314);
    put("CAN", 316);
    put("CYM", 319);
    put("JAM", 339);
    put("KNA", 341);
    put("PAN", 351, 352, 353, 354, 355, 356, 357, 370, 371, 372, 373, 374);
    put("USA", 338, 366, 367, 368, 369);
    put("VCT", 375, 376, 377);
    put("VGB", 378);
    put("CHN", 412, 413, 414);
    put("IND", 419);
    put("IRN", 422);
    put("JPN", 431, 432);
    put("KOR", 440, 441);
    put("HKG", 477);
    put("COK", 518);
    put("MHL", 538);
    put("PLW", 511);
    put("SGP", 563, 564, 565, 566);
    put("TUV", 572);
    put("VUT", 576, 577);
    put("CMR", 613);
    put("COM", 616, 620);
    put("GAB", 626);
    put("LBR", 636, 637);
    put("SLE", 667);
    put("TGO", 671);
    put("TZA", 674, 677);
  }

  private static void put(String iso3, int... mids) {
    for (int m : mids) {
      MID.put(m, iso3);
    }
  }

  private Flags() {}

  /** The flag of a ship station's MMSI (nine digits starting 2-7), when its MID is in the table. */
  public static Optional<String> ofMmsi(int mmsi) {
    if (mmsi < 200_000_000 || mmsi > 799_999_999) {
      return Optional.empty();
    }
    return Optional.ofNullable(MID.get(mmsi / 1_000_000));
  }

  /** Whether the MMSI has the form of a ship station's (nine digits, first digit 2-7). */
  public static boolean isShipStation(int mmsi) {
    return mmsi >= 200_000_000 && mmsi <= 799_999_999;
  }
}
