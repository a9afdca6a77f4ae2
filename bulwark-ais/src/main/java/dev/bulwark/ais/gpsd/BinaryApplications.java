package dev.bulwark.ais.gpsd;

import dev.bulwark.ais.BinaryData;

/**
 * Decodes the application payloads of types 6 and 8 that gpsd decodes, straight into gpsd JSON
 * members. Bit positions in comments and code are those of the whole message (as in the AIVDM field
 * tables); {@code base} converts them to positions within the application data. One method per
 * application (DAC/FI pair); {@link #addressed} and {@link #broadcast} choose it. Stateless.
 */
final class BinaryApplications {
  private BinaryApplications() {}

  private static final double LATLON3 = 60000.0;

  /** Writes the members of a type 6 payload; false when gpsd would dump it as raw data. */
  static boolean addressed(GpsdJsonWriter.Json j, int dac, int fid, BinaryData d) {
    Reader r = new Reader(d, 88);
    int bitlen = d.bitLength() + 88;
    if ((dac == 235 || dac == 250) && fid == 10) {
      return aidToNavigationMonitoring(j, r, bitlen);
    }
    if (dac == 200 && fid == 55) {
      if (bitlen != 168) {
        return false;
      }
      j.num("crew", r.u(88, 8)).num("passengers", r.u(96, 13)).num("personnel", r.u(109, 8));
      return true;
    }
    if (dac != 1) {
      return false;
    }
    switch (fid) {
      case 12 -> {
        dangerousCargo(j, r);
        return true;
      }
      case 14 -> {
        tidalWindow(j, r, bitlen);
        return true;
      }
      case 32 -> {
        tidalWindow32(j, r, bitlen);
        return true;
      }
      case 16 -> {
        if (bitlen - 88 != 136) {
          return false;
        }
        j.num("persons", r.u(88, 13));
        return true;
      }
      case 18 -> {
        clearanceTime(j, r);
        return true;
      }
      case 30 -> {
        j.num("linkage", r.u(88, 10)).str("text", r.text(98, Math.max(0, (bitlen - 98) / 6)));
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static void analog(GpsdJsonWriter.Json j, String name, int raw) {
    if (raw != 0) {
      j.fixed(name, raw * 0.05, 2);
    } else {
      j.num(name, 0);
    }
  }

  /** Writes the members of a type 8 payload; false when gpsd would dump it as raw data. */
  static boolean broadcast(GpsdJsonWriter.Json j, int dac, int fid, BinaryData d) {
    Reader r = new Reader(d, 56);
    int bitlen = d.bitLength() + 56;
    if (dac == 200 && fid == 10) {
      return inlandStaticVoyage(j, r, bitlen);
    }
    if (dac != 1) {
      return false;
    }
    switch (fid) {
      case 11 -> {
        meteoHydro11(j, r);
        return true;
      }
      case 31 -> {
        meteoHydro31(j, r);
        return true;
      }
      case 15 -> {
        j.num("airdraught", r.u(56, 11));
        return true;
      }
      case 16 -> {
        int count = bitlen - 56;
        if (count == 136) {
          j.num("persons", r.u(88, 13));
          return true;
        }
        if (count == 72) {
          j.num("persons", r.u(55, 13));
          return true;
        }
        return false;
      }
      case 29 -> {
        j.num("linkage", r.u(56, 10)).str("text", r.text(66, Math.max(0, (bitlen - 66) / 6)));
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** DAC 235/250, FI 10: monitoring of an aid to navigation (UK, ROI). */
  private static boolean aidToNavigationMonitoring(GpsdJsonWriter.Json j, Reader r, int bitlen) {
    if (bitlen != 136) {
      return false;
    }
    int anaInt = r.u(88, 10);
    int anaExt1 = r.u(98, 10);
    int anaExt2 = r.u(108, 10);
    int racon = r.u(118, 2);
    int light = r.u(120, 2);
    boolean alarm = r.u(122, 1) != 0;
    int statExt = r.u(123, 8);
    boolean offPos = r.u(131, 1) != 0;
    j.bool("off_pos", offPos).bool("alarm", alarm).num("stat_ext", statExt);
    analog(j, "ana_int", anaInt);
    analog(j, "ana_ext1", anaExt1);
    analog(j, "ana_ext2", anaExt2);
    j.num("racon", racon)
        .str("racon_text", GpsdVocabulary.RACON[racon])
        .num("light", light)
        .str("light_text", GpsdVocabulary.LIGHT[light]);
    return true;
  }

  /** DAC 1, FI 12: dangerous cargo indication. */
  private static void dangerousCargo(GpsdJsonWriter.Json j, Reader r) {
    j.str("lastport", r.text(88, 5))
        .str(
            "departure",
            GpsdJsonWriter.monthDay(r.u(118, 4), r.u(122, 5), r.u(127, 5), r.u(132, 6)))
        .str("nextport", r.text(138, 5))
        .str("eta", GpsdJsonWriter.monthDay(r.u(168, 4), r.u(172, 5), r.u(177, 5), r.u(182, 6)))
        .str("dangerous", r.text(188, 20))
        .str("imdcat", r.text(308, 4))
        .num("unid", r.u(332, 13))
        .num("amount", r.u(345, 10))
        .num("unit", r.u(355, 2));
  }

  /** DAC 1, FI 14: tidal window (IMO 236). */
  private static void tidalWindow(GpsdJsonWriter.Json j, Reader r, int bitlen) {
    j.num("month", r.u(88, 4)).num("day", r.u(92, 5)).raw(",\"tidals\":[");
    for (int a = 97, n = 0; a <= bitlen; a += 93, n++) {
      j.raw(n > 0 ? ",{" : "{");
      j.raw("\"lon\":" + GpsdJsonWriter.fmt(r.s(a + 27, 28) / LATLON3, 6))
          .fixed("lat", r.s(a, 27) / LATLON3, 6)
          .num("from_hour", r.u(a + 55, 5))
          .num("from_min", r.u(a + 60, 6))
          .num("to_hour", r.u(a + 66, 5))
          .num("to_min", r.u(a + 71, 6))
          .num("cdir", r.u(a + 77, 9))
          .fixed("cspeed", r.u(a + 86, 7) / 10.0, 1)
          .raw("}");
    }
    j.raw("]");
  }

  /** DAC 1, FI 32: tidal window (IMO 289). */
  private static void tidalWindow32(GpsdJsonWriter.Json j, Reader r, int bitlen) {
    j.num("month", r.u(88, 4)).num("day", r.u(92, 5)).raw(",\"tidals\":[");
    for (int a = 97, n = 0; a <= bitlen; a += 88, n++) {
      j.raw(n > 0 ? ",{" : "{");
      j.raw("\"lon\":" + GpsdJsonWriter.fmt(r.s(a, 25) / LATLON3, 6))
          .fixed("lat", r.s(a + 25, 24) / LATLON3, 6)
          .num("from_hour", r.u(a + 49, 5))
          .num("from_min", r.u(a + 54, 6))
          .num("to_hour", r.u(a + 60, 5))
          .num("to_min", r.u(a + 65, 6))
          .num("cdir", r.u(a + 71, 9))
          .fixed("cspeed", r.u(a + 80, 8) / 10.0, 1)
          .raw("}");
    }
    j.raw("]");
  }

  /** DAC 1, FI 18: clearance time to enter port. */
  private static void clearanceTime(GpsdJsonWriter.Json j, Reader r) {
    j.num("linkage", r.u(88, 10))
        .str("arrival", GpsdJsonWriter.monthDay(r.u(98, 4), r.u(102, 5), r.u(107, 5), r.u(112, 6)))
        .str("portname", r.text(118, 20))
        .str("destination", r.text(238, 5))
        .fixed("lon", r.s(268, 25) / LATLON3, 6)
        .fixed("lat", r.s(293, 24) / LATLON3, 6);
  }

  /** DAC 200, FI 10: inland ship static and voyage data. */
  private static boolean inlandStaticVoyage(GpsdJsonWriter.Json j, Reader r, int bitlen) {
    if (bitlen != 168) {
      return false;
    }
    int hazard = r.u(141, 3);
    if (hazard > 5) {
      return false;
    }
    int loaded = r.u(155, 2);
    int shiptype = r.u(127, 14);
    j.str("vin", r.text(56, 8))
        .num("length", r.u(104, 13))
        .num("beam", r.u(117, 10))
        .num("shiptype", shiptype)
        .str("shiptype_text", GpsdVocabulary.inlandShipType(shiptype))
        .num("hazard", hazard)
        .str("hazard_text", GpsdVocabulary.hazard(hazard))
        .num("draught", r.u(144, 11))
        .num("loaded", loaded)
        .str("loaded_text", GpsdVocabulary.loaded(loaded))
        .bool("speed_q", r.u(157, 1) != 0)
        .bool("course_q", r.u(158, 1) != 0)
        .bool("heading_q", r.u(159, 1) != 0);
    return true;
  }

  /** DAC 1, FI 11: meteorological and hydrological data (IMO 236). */
  private static void meteoHydro11(GpsdJsonWriter.Json j, Reader r) {
    int pressuretend = r.u(190, 2);
    int leveltrend = r.u(209, 2);
    int precip = r.u(332, 3);
    int ice = r.u(344, 2);
    j.fixed("lat", r.s(56, 24) / LATLON3, 6)
        .fixed("lon", r.s(80, 25) / LATLON3, 6)
        .str(
            "timestamp",
            GpsdJsonWriter.pad(r.u(105, 5), 2)
                + "T"
                + GpsdJsonWriter.pad(r.u(110, 5), 2)
                + ":"
                + GpsdJsonWriter.pad(r.u(115, 6), 2)
                + "Z")
        .num("wspeed", r.u(121, 7))
        .num("wgust", r.u(128, 7))
        .num("wdir", r.u(135, 9))
        .num("wgustdir", r.u(144, 9))
        .num("humidity", r.u(164, 7))
        .fixed("airtemp", (r.u(153, 11) - 600) / 10.0, 1)
        .fixed("dewpoint", (r.u(171, 10) - 200) / 10.0, 1)
        .num("pressure", r.u(181, 9) + 800)
        .str("pressuretend", GpsdVocabulary.TRENDS[pressuretend])
        .fixed("visibility", r.u(192, 8) / 10.0, 1)
        .fixed("waterlevel", (r.u(200, 9) - 100) / 10.0, 1)
        .str("leveltrend", GpsdVocabulary.TRENDS[leveltrend])
        .fixed("cspeed", r.u(211, 8) / 10.0, 1)
        .num("cdir", r.u(219, 9))
        .fixed("cspeed2", r.u(228, 8) / 10.0, 1)
        .num("cdir2", r.u(236, 9))
        .num("cdepth2", r.u(245, 5))
        .fixed("cspeed3", r.u(250, 8) / 10.0, 1)
        .num("cdir3", r.u(258, 9))
        .num("cdepth3", r.u(267, 5))
        .fixed("waveheight", r.u(272, 8) / 10.0, 1)
        .num("waveperiod", r.u(280, 6))
        .num("wavedir", r.u(286, 9))
        .fixed("swellheight", r.u(295, 8) / 10.0, 1)
        .num("swellperiod", r.u(303, 6))
        .num("swelldir", r.u(309, 9))
        .num("seastate", r.u(318, 4))
        .fixed("watertemp", (r.u(322, 10) - 100) / 10.0, 1)
        .num("preciptype", precip)
        .str("preciptype_text", GpsdVocabulary.PRECIP[precip])
        .fixed("salinity", r.u(335, 9) / 10.0, 1)
        .num("ice", ice)
        .str("ice_text", GpsdVocabulary.ICE[ice]);
  }

  /** DAC 1, FI 31: meteorological and hydrological data (IMO 289). */
  private static void meteoHydro31(GpsdJsonWriter.Json j, Reader r) {
    int pressuretend = r.u(191, 2);
    int leveltrend = r.u(213, 2);
    j.fixed("lat", r.s(81, 24) / LATLON3, 6)
        .fixed("lon", r.s(56, 25) / LATLON3, 6)
        .bool("accuracy", r.u(105, 1) != 0)
        .str(
            "timestamp",
            GpsdJsonWriter.pad(r.u(106, 5), 2)
                + "T"
                + GpsdJsonWriter.pad(r.u(111, 5), 2)
                + ":"
                + GpsdJsonWriter.pad(r.u(116, 6), 2)
                + "Z")
        .num("wspeed", r.u(122, 7))
        .num("wgust", r.u(129, 7))
        .num("wdir", r.u(136, 9))
        .num("wgustdir", r.u(145, 9))
        .num("humidity", r.u(165, 7))
        .fixed("airtemp", r.s(154, 11) / 10.0, 1)
        .fixed("dewpoint", r.s(172, 10) / 10.0, 1)
        .num("pressure", r.u(182, 9) + 799)
        .str("pressuretend", GpsdVocabulary.TRENDS[pressuretend])
        .bool("visgreater", r.u(193, 1) != 0)
        .fixed("visibility", r.u(194, 7) / 10.0, 1)
        .fixed("waterlevel", (r.u(201, 12) - 1000) / 100.0, 1)
        .str("leveltrend", GpsdVocabulary.TRENDS[leveltrend])
        .fixed("cspeed", r.u(215, 8) / 10.0, 1)
        .num("cdir", r.u(223, 9))
        .fixed("cspeed2", r.u(232, 8) / 10.0, 1)
        .num("cdir2", r.u(240, 9))
        .num("cdepth2", r.u(249, 5))
        .fixed("cspeed3", r.u(254, 8) / 10.0, 1)
        .num("cdir3", r.u(262, 9))
        .num("cdepth3", r.u(271, 5))
        .fixed("waveheight", r.u(276, 8) / 10.0, 1)
        .num("waveperiod", r.u(284, 6))
        .num("wavedir", r.u(290, 9))
        .fixed("swellheight", r.u(299, 8) / 10.0, 1)
        .num("swellperiod", r.u(307, 6))
        .num("swelldir", r.u(313, 9))
        .num("seastate", r.u(322, 4))
        .fixed("watertemp", r.s(326, 10) / 10.0, 1)
        .str("preciptype", GpsdVocabulary.PRECIP[r.u(336, 3)])
        .fixed("salinity", r.u(339, 9) / 10.0, 1)
        .str("ice", GpsdVocabulary.ICE[r.u(348, 2)]);
  }

  /** Reads fields by their position in the whole message; bits before the data read as 0. */
  private record Reader(BinaryData d, int base) {
    int u(int start, int len) {
      if (start < base) {
        return 0;
      }
      return (int) d.bits(start - base, len);
    }

    int s(int start, int len) {
      return (int) d.signedBits(start - base, len);
    }

    String text(int start, int chars) {
      return d.text(start - base, chars);
    }
  }
}
