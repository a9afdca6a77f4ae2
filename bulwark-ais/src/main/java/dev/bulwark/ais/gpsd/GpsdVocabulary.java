package dev.bulwark.ais.gpsd;

/** The controlled vocabularies ("_text" fields) of gpsd's AIS JSON dialect. Stateless. */
final class GpsdVocabulary {
  private GpsdVocabulary() {}

  private static final String[] NAV_STATUS = {
    "Under way using engine",
    "At anchor",
    "Not under command",
    "Restricted maneuverability",
    "Constrained by her draught",
    "Moored",
    "Aground",
    "Engaged in fishing",
    "Under way sailing",
    "Reserved for HSC",
    "Reserved for WIG",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Not defined",
  };

  private static final String[] EPFD = {
    "Undefined",
    "GPS",
    "GLONASS",
    "Combined GPS/GLONASS",
    "Loran-C",
    "Chayka",
    "Integrated navigation system",
    "Surveyed",
    "Galileo",
  };

  private static final String[] STATION_TYPE = {
    "All types of mobiles",
    "Reserved for future use",
    "All types of Class B mobile stations",
    "SAR airborne mobile station",
    "Aid to Navigation station",
    "Class B shipborne mobile station",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
  };

  private static final String[] NAVAID_TYPE = {
    "Unspecified",
    "Reference point",
    "RACON",
    "Fixed offshore structure",
    "Spare, Reserved for future use.",
    "Light, without sectors",
    "Light, with sectors",
    "Leading Light Front",
    "Leading Light Rear",
    "Beacon, Cardinal N",
    "Beacon, Cardinal E",
    "Beacon, Cardinal S",
    "Beacon, Cardinal W",
    "Beacon, Port hand",
    "Beacon, Starboard hand",
    "Beacon, Preferred Channel port hand",
    "Beacon, Preferred Channel starboard hand",
    "Beacon, Isolated danger",
    "Beacon, Safe water",
    "Beacon, Special mark",
    "Cardinal Mark N",
    "Cardinal Mark E",
    "Cardinal Mark S",
    "Cardinal Mark W",
    "Port hand Mark",
    "Starboard hand Mark",
    "Preferred Channel Port hand",
    "Preferred Channel Starboard hand",
    "Isolated danger",
    "Safe Water",
    "Special Mark",
    "Light Vessel / LANBY / Rigs",
  };

  static final String[] RACON = {
    "No RACON installed", "RACON not monitored", "RACON operational", "RACON ERROR"
  };
  static final String[] LIGHT = {
    "No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"
  };
  static final String[] TRENDS = {"steady", "increasing", "decreasing", "N/A"};
  static final String[] PRECIP = {
    "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A"
  };
  static final String[] ICE = {"no", "yes", "reserved", "N/A"};
  static final String[] HAZARD = {
    "0 blue cones/lights",
    "1 blue cone/light",
    "2 blue cones/lights",
    "3 blue cones/lights",
    "4 B-Flag",
    "Unknown",
  };
  static final String[] LOADED = {"N/A (default)", "Unloaded", "Loaded"};

  static String navStatus(int s) {
    return NAV_STATUS[s & 15];
  }

  static String epfd(int e) {
    return e < EPFD.length ? EPFD[e] : "Reserved (" + e + ")";
  }

  static String stationType(int t) {
    return STATION_TYPE[t & 15];
  }

  static String navaid(int t) {
    return t < NAVAID_TYPE.length ? NAVAID_TYPE[t] : "INVALID NAVAID TYPE";
  }

  static String hazard(int h) {
    return h < HAZARD.length ? HAZARD[h] : "INVALID HAZARD TYPE";
  }

  static String loaded(int l) {
    return l < LOADED.length ? LOADED[l] : "INVALID LOAD STATUS";
  }

  static String shipType(int t) {
    if (t == 0) {
      return "Not available";
    }
    if (t < 20) {
      return "Reserved for future use";
    }
    if (t >= 100) {
      return "INVALID SHIP TYPE";
    }
    int tens = t / 10;
    int unit = t % 10;
    switch (t) {
      case 30:
        return "Fishing";
      case 31:
        return "Towing";
      case 32:
        return "Towing: length exceeds 200m or breadth exceeds 25m";
      case 33:
        return "Dredging or underwater ops";
      case 34:
        return "Diving ops";
      case 35:
        return "Military ops";
      case 36:
        return "Sailing";
      case 37:
        return "Pleasure Craft";
      case 38:
      case 39:
        return "Reserved";
      case 50:
        return "Pilot Vessel";
      case 51:
        return "Search and Rescue vessel";
      case 52:
        return "Tug";
      case 53:
        return "Port Tender";
      case 54:
        return "Anti-pollution equipment";
      case 55:
        return "Law Enforcement";
      case 56:
      case 57:
        return "Spare - Local Vessel";
      case 58:
        return "Medical Transport";
      case 59:
        return "Ship according to RR Resolution No. 18";
      default:
        break;
    }
    String family =
        switch (tens) {
          case 2 -> "Wing in ground (WIG)";
          case 4 -> "High speed craft (HSC)";
          case 6 -> "Passenger";
          case 7 -> "Cargo";
          case 8 -> "Tanker";
          default -> "Other Type";
        };
    String what =
        switch (unit) {
          case 0 -> "all ships of this type";
          case 1 -> "Hazardous category A";
          case 2 -> "Hazardous category B";
          case 3 -> "Hazardous category C";
          case 4 -> "Hazardous category D";
          case 9 ->
              tens == 2
                  ? "Reserved for future use"
                  : tens == 9 ? "no additional information" : "No additional information";
          default -> "Reserved for future use";
        };
    return family + " - " + what;
  }

  /** Inland (ERI) ship types of DAC 200 FI 10. */
  static String inlandShipType(int t) {
    return switch (t) {
      case 8000 -> "Vessel, type unknown";
      case 8010 -> "Motor freighter";
      case 8020 -> "Motor tanker";
      case 8021 -> "Motor tanker, liquid cargo, type N";
      case 8022 -> "Motor tanker, liquid cargo, type C";
      case 8023 -> "Motor tanker, dry cargo as if liquid (e.g. cement)";
      case 8030 -> "Container vessel";
      case 8040 -> "Gas tanker";
      case 8050 -> "Motor freighter, tug";
      case 8060 -> "Motor tanker, tug";
      case 8070 -> "Motor freighter with one or more ships alongside";
      case 8080 -> "Motor freighter with tanker";
      case 8090 -> "Motor freighter pushing one or more freighters";
      case 8100 -> "Motor freighter pushing at least one tank-ship";
      case 8110 -> "Tug, freighter";
      case 8120 -> "Tug, tanker";
      case 8130 -> "Tug freighter, coupled";
      case 8140 -> "Tug, freighter/tanker, coupled";
      case 8150 -> "Freightbarge";
      case 8160 -> "Tankbarge";
      case 8161 -> "Tankbarge, liquid cargo, type N";
      case 8162 -> "Tankbarge, liquid cargo, type C";
      case 8163 -> "Tankbarge, dry cargo as if liquid (e.g. cement)";
      case 8170 -> "Freightbarge with containers";
      case 8180 -> "Tankbarge, gas";
      case 8210 -> "Pushtow, one cargo barge";
      case 8220 -> "Pushtow, two cargo barges";
      case 8230 -> "Pushtow, three cargo barges";
      case 8240 -> "Pushtow, four cargo barges";
      case 8250 -> "Pushtow, five cargo barges";
      case 8260 -> "Pushtow, six cargo barges";
      case 8270 -> "Pushtow, seven cargo barges";
      case 8280 -> "Pushtow, eigth cargo barges";
      case 8290 -> "Pushtow, nine or more barges";
      case 8310 -> "Pushtow, one tank/gas barge";
      case 8320 -> "Pushtow, two barges at least one tanker or gas barge";
      case 8330 -> "Pushtow, three barges at least one tanker or gas barge";
      case 8340 -> "Pushtow, four barges at least one tanker or gas barge";
      case 8350 -> "Pushtow, five barges at least one tanker or gas barge";
      case 8360 -> "Pushtow, six barges at least one tanker or gas barge";
      case 8370 -> "Pushtow, seven barges at least one tanker or gas barg";
      default -> "Illegal ship type value.";
    };
  }
}
