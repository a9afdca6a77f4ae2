package dev.bulwark.ais.gpsd;

import dev.bulwark.ais.AddressedSafetyMessage;
import dev.bulwark.ais.AidToNavigationReport;
import dev.bulwark.ais.AisMessage;
import dev.bulwark.ais.AssignmentModeCommand;
import dev.bulwark.ais.BaseStationReport;
import dev.bulwark.ais.BinaryAcknowledge;
import dev.bulwark.ais.BinaryAddressedMessage;
import dev.bulwark.ais.BinaryBroadcastMessage;
import dev.bulwark.ais.ChannelManagement;
import dev.bulwark.ais.DataLinkManagement;
import dev.bulwark.ais.DgnssBroadcast;
import dev.bulwark.ais.ExtendedPositionReportClassB;
import dev.bulwark.ais.GroupAssignmentCommand;
import dev.bulwark.ais.Interrogation;
import dev.bulwark.ais.LongRangePositionReport;
import dev.bulwark.ais.MultipleSlotBinaryMessage;
import dev.bulwark.ais.PositionReportClassA;
import dev.bulwark.ais.PositionReportClassB;
import dev.bulwark.ais.SafetyBroadcastMessage;
import dev.bulwark.ais.SarAircraftPositionReport;
import dev.bulwark.ais.SingleSlotBinaryMessage;
import dev.bulwark.ais.StaticDataReportA;
import dev.bulwark.ais.StaticDataReportB;
import dev.bulwark.ais.StaticVoyageData;
import dev.bulwark.ais.UtcDateInquiry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Writes decoded messages as gpsd's scaled AIS JSON ({@code "class":"AIS"}, one object per
 * message), so that tools that read gpsd read Bulwark: same member names, order, scaling, number
 * formats and controlled vocabularies as {@code gpsdecode}.
 *
 * <p>Like gpsd, a type 24 part A is held back and merged into the following part B of the same
 * MMSI; a part B without its part A is not written (as gpsdecode does). Application-specific
 * payloads of types 6 and 8 are decoded for the DAC/FI pairs gpsd decodes in its sample data (6:
 * 1/12, 1/14, 1/15, 1/16, 1/18, 1/30, 1/32, 200/55, 235/10, 250/10; 8: 1/11, 1/15, 1/16, 1/29,
 * 1/31, 200/10); others are written as {@code "data":"<bits>:<hex>"}. One deliberate difference:
 * gpsd never decodes the radio status of type 26 and always writes {@code "radio":0}; this writer
 * writes the value sent, unless built with {@code gpsdExact}.
 *
 * <p>Not thread-safe (it keeps the pending type 24 part A names).
 */
public final class GpsdJsonWriter {

  private static final int TYPE24_QUEUE = 16;

  private final String device;
  private final boolean gpsdExact;
  private final int[] pendingMmsi = new int[TYPE24_QUEUE];
  private final String[] pendingName = new String[TYPE24_QUEUE];
  private int pendingIndex;
  private long type24PartsA;
  private long type24PartsB;
  private long type24Written;

  /** A writer naming {@code device} as the data source (gpsdecode says {@code "stdin"}). */
  public GpsdJsonWriter(String device) {
    this(device, false);
  }

  /**
   * A writer that, when {@code gpsdExact}, also reproduces gpsd's known omission (type 26 radio
   * status written as 0), so that its output is byte-for-byte that of gpsdecode.
   */
  public GpsdJsonWriter(String device, boolean gpsdExact) {
    this.device = device;
    this.gpsdExact = gpsdExact;
  }

  /**
   * The JSON object for {@code m}; empty for a type 24 part A (held for its part B) and for a part
   * B whose part A was not seen.
   */
  public Optional<String> toJson(AisMessage m) {
    if (m instanceof StaticDataReportA a) {
      type24PartsA++;
      pendingMmsi[pendingIndex] = a.mmsi();
      pendingName[pendingIndex] = a.shipname();
      pendingIndex = (pendingIndex + 1) % TYPE24_QUEUE;
      return Optional.empty();
    }
    Json j = new Json();
    j.raw("{\"class\":\"AIS\"");
    if (!device.isEmpty()) {
      j.str("device", device);
    }
    j.num("type", m.type()).num("repeat", m.repeat()).num("mmsi", m.mmsi()).raw(",\"scaled\":true");
    if (m instanceof PositionReportClassA p) {
      GpsdMembers.positionClassA(j, p, gpsdExact);
    } else if (m instanceof BaseStationReport b) {
      GpsdMembers.baseStation(j, b);
    } else if (m instanceof StaticVoyageData s) {
      GpsdMembers.staticVoyage(j, s);
    } else if (m instanceof BinaryAddressedMessage b) {
      GpsdMembers.binaryAddressed(j, b);
    } else if (m instanceof BinaryAcknowledge a) {
      GpsdMembers.binaryAcknowledge(j, a);
    } else if (m instanceof BinaryBroadcastMessage b) {
      GpsdMembers.binaryBroadcast(j, b);
    } else if (m instanceof SarAircraftPositionReport s) {
      GpsdMembers.sarAircraft(j, s);
    } else if (m instanceof UtcDateInquiry u) {
      GpsdMembers.utcDateInquiry(j, u);
    } else if (m instanceof AddressedSafetyMessage a) {
      GpsdMembers.addressedSafety(j, a);
    } else if (m instanceof SafetyBroadcastMessage s) {
      GpsdMembers.safetyBroadcast(j, s);
    } else if (m instanceof Interrogation q) {
      GpsdMembers.interrogation(j, q);
    } else if (m instanceof AssignmentModeCommand a) {
      GpsdMembers.assignmentMode(j, a);
    } else if (m instanceof DgnssBroadcast d) {
      GpsdMembers.dgnss(j, d);
    } else if (m instanceof PositionReportClassB p) {
      GpsdMembers.positionClassB(j, p);
    } else if (m instanceof ExtendedPositionReportClassB p) {
      GpsdMembers.extendedClassB(j, p);
    } else if (m instanceof DataLinkManagement d) {
      GpsdMembers.dataLinkManagement(j, d);
    } else if (m instanceof AidToNavigationReport a) {
      GpsdMembers.aidToNavigation(j, a);
    } else if (m instanceof ChannelManagement c) {
      GpsdMembers.channelManagement(j, c);
    } else if (m instanceof GroupAssignmentCommand g) {
      GpsdMembers.groupAssignment(j, g);
    } else if (m instanceof StaticDataReportB b) {
      type24PartsB++;
      String partAName = takePartA(b.mmsi());
      if (partAName == null) {
        return Optional.empty();
      }
      type24Written++;
      GpsdMembers.staticPartB(j, b, partAName);
    } else if (m instanceof SingleSlotBinaryMessage s) {
      GpsdMembers.singleSlotBinary(j, s);
    } else if (m instanceof MultipleSlotBinaryMessage s) {
      GpsdMembers.multipleSlotBinary(j, s, gpsdExact);
    } else if (m instanceof LongRangePositionReport l) {
      GpsdMembers.longRange(j, l);
    }
    j.raw("}");
    return Optional.of(j.toString());
  }

  /**
   * Type 24 parts seen and objects written: {parts A, parts B, merged objects written}. gpsd writes
   * one object per part B whose MMSI's part A came first (the name from A, the rest from B); a part
   * A waits for its part B and a part B without one is not written, so a capture's type 24 count
   * (every part) is larger than the objects written.
   */
  public long[] type24Counts() {
    return new long[] {type24PartsA, type24PartsB, type24Written};
  }

  private String takePartA(int mmsi) {
    for (int i = 0; i < TYPE24_QUEUE; i++) {
      if (pendingMmsi[i] == mmsi && pendingName[i] != null) {
        pendingMmsi[i] = 0;
        String name = pendingName[i];
        pendingName[i] = null;
        return name;
      }
    }
    return null;
  }

  static String monthDay(int month, int day, int hour, int minute) {
    return pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2) + "Z";
  }

  static String pad(int v, int width) {
    String s = Integer.toString(v);
    StringBuilder sb = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s).toString();
  }

  /**
   * C's {@code printf("%.nf")}: exact binary value, rounded half-even, keeping a negative zero's
   * sign.
   */
  static String fmt(double v, int decimals) {
    String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    if ((v < 0 || (v == 0 && 1 / v < 0)) && !s.startsWith("-")) {
      s = "-" + s;
    }
    return s;
  }

  /** A tiny JSON object builder writing members in call order. */
  static final class Json {
    private final StringBuilder sb = new StringBuilder(256);

    Json raw(String s) {
      sb.append(s);
      return this;
    }

    Json num(String name, long v) {
      sb.append(",\"").append(name).append("\":").append(v);
      return this;
    }

    Json fixed(String name, double v, int decimals) {
      sb.append(",\"").append(name).append("\":").append(fmt(v, decimals));
      return this;
    }

    Json bool(String name, boolean v) {
      sb.append(",\"").append(name).append("\":").append(v);
      return this;
    }

    Json str(String name, String v) {
      sb.append(",\"").append(name).append("\":\"");
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      sb.append('"');
      return this;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
