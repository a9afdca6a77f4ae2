package dev.bulwark.maritime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes AIS messages as NMEA 0183 {@code !AIVDM} sentences: the 6-bit payload armouring of ITU-R
 * M.1371 / IEC 61162-1, for position reports (type 1 Class A, type 18 Class B) and static and
 * voyage data (type 5, two sentences; type 24 parts A and B). Each line can carry an NMEA 4.10 tag
 * block with the receive time ({@code \c:<unix seconds>*hh\}), which is how the scenarios carry
 * track time. Used to make synthetic traffic that goes through the same decoder as real feeds.
 * Stateless apart from the rolling sequence id; not thread-safe.
 */
public final class AivdmEncoder {

  private int sequence;

  /** Packs fields into a bit string, MSB first. */
  static final class Bits {
    private final StringBuilder b = new StringBuilder(424);

    Bits u(long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        b.append(((value >>> i) & 1) == 1 ? '1' : '0');
      }
      return this;
    }

    Bits s(long value, int width) {
      return u(value & ((1L << width) - 1), width);
    }

    Bits text(String s, int chars) {
      String t = s == null ? "" : s.toUpperCase(Locale.ROOT);
      for (int i = 0; i < chars; i++) {
        int c = i < t.length() ? t.charAt(i) : '@';
        int v;
        if (c >= 64 && c < 96) {
          v = c - 64;
        } else if (c >= 32 && c < 64) {
          v = c;
        } else {
          v = 32;
        }
        u(v, 6);
      }
      return this;
    }

    int length() {
      return b.length();
    }

    /** The armoured payload and its fill-bit count. */
    String[] armour() {
      int fill = (6 - b.length() % 6) % 6;
      for (int i = 0; i < fill; i++) {
        b.append('0');
      }
      StringBuilder out = new StringBuilder(b.length() / 6);
      for (int i = 0; i < b.length(); i += 6) {
        int v = Integer.parseInt(b.substring(i, i + 6), 2);
        out.append((char) (v < 40 ? v + 48 : v + 56));
      }
      return new String[] {out.toString(), Integer.toString(fill)};
    }
  }

  /**
   * A type 1 position report.
   *
   * @param sogKn speed in knots, NaN when not available
   * @param cogDeg course in degrees, NaN when not available
   * @param heading true heading 0-359, or -1
   */
  public List<String> type1(
      int mmsi,
      int navStatus,
      double lat,
      double lon,
      double sogKn,
      double cogDeg,
      int heading,
      int second) {
    Bits b =
        new Bits()
            .u(1, 6)
            .u(0, 2)
            .u(mmsi, 30)
            .u(navStatus, 4)
            .s(-128, 8)
            .u(Double.isNaN(sogKn) ? 1023 : Math.min(1022, Math.round(sogKn * 10)), 10)
            .u(1, 1)
            .s(Math.round(lon * 600_000), 28)
            .s(Math.round(lat * 600_000), 27)
            .u(Double.isNaN(cogDeg) ? 3600 : Math.round(cogDeg * 10) % 3600, 12)
            .u(heading < 0 ? 511 : heading, 9)
            .u(second, 6)
            .u(0, 2)
            .u(0, 3)
            .u(0, 1)
            .u(0, 19);
    return sentences(b);
  }

  /** A type 18 Class B position report. */
  public List<String> type18(
      int mmsi, double lat, double lon, double sogKn, double cogDeg, int heading, int second) {
    Bits b =
        new Bits()
            .u(18, 6)
            .u(0, 2)
            .u(mmsi, 30)
            .u(0, 8)
            .u(Double.isNaN(sogKn) ? 1023 : Math.min(1022, Math.round(sogKn * 10)), 10)
            .u(0, 1)
            .s(Math.round(lon * 600_000), 28)
            .s(Math.round(lat * 600_000), 27)
            .u(Double.isNaN(cogDeg) ? 3600 : Math.round(cogDeg * 10) % 3600, 12)
            .u(heading < 0 ? 511 : heading, 9)
            .u(second, 6)
            .u(0, 2)
            .u(1, 1)
            .u(0, 1)
            .u(0, 1)
            .u(1, 1)
            .u(0, 1)
            .u(0, 1)
            .u(0, 1)
            .u(0, 20);
    return sentences(b);
  }

  /** A type 5 static and voyage data message (two sentences). */
  public List<String> type5(
      int mmsi,
      int imo,
      String callSign,
      String name,
      int shipType,
      int lengthM,
      int beamM,
      double draughtM,
      String destination) {
    int bow = lengthM / 2;
    int port = beamM / 2;
    Bits b =
        new Bits()
            .u(5, 6)
            .u(0, 2)
            .u(mmsi, 30)
            .u(0, 2)
            .u(imo, 30)
            .text(callSign, 7)
            .text(name, 20)
            .u(shipType, 8)
            .u(Math.min(511, bow), 9)
            .u(Math.min(511, lengthM - bow), 9)
            .u(Math.min(63, port), 6)
            .u(Math.min(63, beamM - port), 6)
            .u(1, 4)
            .u(0, 4)
            .u(0, 5)
            .u(24, 5)
            .u(60, 6)
            .u(Math.min(255, Math.round(draughtM * 10)), 8)
            .text(destination, 20)
            .u(0, 1)
            .u(0, 1);
    return sentences(b);
  }

  /** Type 24 part A (name). */
  public List<String> type24a(int mmsi, String name) {
    return sentences(new Bits().u(24, 6).u(0, 2).u(mmsi, 30).u(0, 2).text(name, 20).u(0, 8));
  }

  /** Type 24 part B (ship type, call sign, dimensions). */
  public List<String> type24b(int mmsi, int shipType, String callSign, int lengthM, int beamM) {
    int bow = lengthM / 2;
    int port = beamM / 2;
    return sentences(
        new Bits()
            .u(24, 6)
            .u(0, 2)
            .u(mmsi, 30)
            .u(1, 2)
            .u(shipType, 8)
            .text("BULWARK", 7)
            .text(callSign, 7)
            .u(Math.min(511, bow), 9)
            .u(Math.min(511, lengthM - bow), 9)
            .u(Math.min(63, port), 6)
            .u(Math.min(63, beamM - port), 6)
            .u(0, 6));
  }

  private List<String> sentences(Bits b) {
    String[] a = b.armour();
    String payload = a[0];
    int max = 60;
    int parts = (payload.length() + max - 1) / max;
    List<String> out = new ArrayList<>(parts);
    String seq = "";
    if (parts > 1) {
      seq = Integer.toString(sequence);
      sequence = (sequence + 1) % 10;
    }
    for (int i = 0; i < parts; i++) {
      String chunk = payload.substring(i * max, Math.min(payload.length(), (i + 1) * max));
      String fill = i == parts - 1 ? a[1] : "0";
      String body = "AIVDM," + parts + "," + (i + 1) + "," + seq + ",A," + chunk + "," + fill;
      out.add("!" + body + "*" + checksum(body));
    }
    return out;
  }

  /** A tag block carrying the receive time, to put in front of a sentence. */
  public static String tagBlock(long epochSeconds) {
    String body = "c:" + epochSeconds;
    return "\\" + body + "*" + checksum(body) + "\\";
  }

  /** NMEA checksum: XOR of the characters, two upper-case hex digits. */
  public static String checksum(String body) {
    int x = 0;
    for (int i = 0; i < body.length(); i++) {
      x ^= body.charAt(i);
    }
    return String.format(Locale.ROOT, "%02X", x);
  }
}
