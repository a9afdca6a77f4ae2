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
      classA(j, p);
    } else if (m instanceof BaseStationReport b) {
      j.raw(
          ",\"timestamp\":\""
              + pad(b.year(), 4)
              + "-"
              + pad(b.month(), 2)
              + "-"
              + pad(b.day(), 2)
              + "T"
              + pad(b.hour(), 2)
              + ":"
              + pad(b.minute(), 2)
              + ":"
              + pad(b.second(), 2)
              + "Z\"");
      j.bool("accuracy", b.accuracy())
          .fixed("lon", b.lon() / 600000.0, 7)
          .fixed("lat", b.lat() / 600000.0, 7)
          .num("epfd", b.epfd())
          .str("epfd_text", GpsdVocabulary.epfd(b.epfd()))
          .bool("raim", b.raim())
          .num("radio", b.radio());
    } else if (m instanceof StaticVoyageData s) {
      j.num("imo", s.imo())
          .num("ais_version", s.aisVersion())
          .str("callsign", s.callsign())
          .str("shipname", s.shipname())
          .num("shiptype", s.shiptype())
          .str("shiptype_text", GpsdVocabulary.shipType(s.shiptype()))
          .num("to_bow", s.toBow())
          .num("to_stern", s.toStern())
          .num("to_port", s.toPort())
          .num("to_starboard", s.toStarboard())
          .num("epfd", s.epfd())
          .str("epfd_text", GpsdVocabulary.epfd(s.epfd()))
          .str("eta", monthDay(s.month(), s.day(), s.hour(), s.minute()))
          .fixed("draught", s.draught() / 10.0, 1)
          .str("destination", s.destination())
          .num("dte", s.dte());
    } else if (m instanceof BinaryAddressedMessage b) {
      j.num("seqno", b.seqno())
          .num("dest_mmsi", b.destMmsi())
          .bool("retransmit", b.retransmit())
          .num("dac", b.dac())
          .num("fid", b.fid());
      if (!BinaryApplications.addressed(j, b.dac(), b.fid(), b.data())) {
        j.str("data", b.data().bitLength() + ":" + b.data().hex(false));
      }
    } else if (m instanceof BinaryAcknowledge a) {
      j.num("mmsi1", a.mmsi1())
          .num("mmsi2", a.mmsi2())
          .num("mmsi3", a.mmsi3())
          .num("mmsi4", a.mmsi4());
    } else if (m instanceof BinaryBroadcastMessage b) {
      j.num("dac", b.dac()).num("fid", b.fid());
      if (!BinaryApplications.broadcast(j, b.dac(), b.fid(), b.data())) {
        j.str("data", b.data().bitLength() + ":" + b.data().hex(true));
      }
    } else if (m instanceof SarAircraftPositionReport s) {
      j.num("alt", s.alt())
          .num("speed", s.speed())
          .bool("accuracy", s.accuracy())
          .fixed("lon", s.lon() / 600000.0, 7)
          .fixed("lat", s.lat() / 600000.0, 7)
          .fixed("course", s.course() / 10.0, 1)
          .num("second", s.second())
          .num("regional", s.regional())
          .num("dte", s.dte())
          .bool("raim", s.raim())
          .num("radio", s.radio());
    } else if (m instanceof UtcDateInquiry u) {
      j.num("dest_mmsi", u.destMmsi());
    } else if (m instanceof AddressedSafetyMessage a) {
      j.num("seqno", a.seqno())
          .num("dest_mmsi", a.destMmsi())
          .bool("retransmit", a.retransmit())
          .str("text", a.text());
    } else if (m instanceof SafetyBroadcastMessage s) {
      j.str("text", s.text());
    } else if (m instanceof Interrogation q) {
      j.num("mmsi1", q.mmsi1())
          .num("type1_1", q.type11())
          .num("offset1_1", q.offset11())
          .num("type1_2", q.type12())
          .num("offset1_2", q.offset12())
          .num("mmsi2", q.mmsi2())
          .num("type2_1", q.type21())
          .num("offset2_1", q.offset21());
    } else if (m instanceof AssignmentModeCommand a) {
      j.num("mmsi1", a.mmsi1())
          .num("offset1", a.offset1())
          .num("increment1", a.increment1())
          .num("mmsi2", a.mmsi2())
          .num("offset2", a.offset2())
          .num("increment2", a.increment2());
    } else if (m instanceof DgnssBroadcast d) {
      j.fixed("lon", d.lon() / 600.0, 1)
          .fixed("lat", d.lat() / 600.0, 1)
          .str("data", d.data().bitLength() + ":" + d.data().hex(false));
    } else if (m instanceof PositionReportClassB p) {
      j.num("reserved", p.reserved())
          .raw(",\"speed\":" + speed(p.speed()))
          .bool("accuracy", p.accuracy())
          .fixed("lon", p.lon() / 600000.0, 7)
          .fixed("lat", p.lat() / 600000.0, 7)
          .fixed("course", p.course() / 10.0, 1)
          .num("heading", p.heading())
          .num("second", p.second())
          .num("regional", p.regional())
          .bool("cs", p.cs())
          .bool("display", p.display())
          .bool("dsc", p.dsc())
          .bool("band", p.band())
          .bool("msg22", p.msg22())
          .bool("raim", p.raim())
          .num("radio", p.radio());
    } else if (m instanceof ExtendedPositionReportClassB p) {
      j.num("reserved", p.reserved())
          .raw(",\"speed\":" + speed(p.speed()))
          .bool("accuracy", p.accuracy())
          .fixed("lon", p.lon() / 600000.0, 7)
          .fixed("lat", p.lat() / 600000.0, 7)
          .fixed("course", p.course() / 10.0, 1)
          .num("heading", p.heading())
          .num("second", p.second())
          .num("regional", p.regional())
          .str("shipname", p.shipname())
          .num("shiptype", p.shiptype())
          .str("shiptype_text", GpsdVocabulary.shipType(p.shiptype()))
          .num("to_bow", p.toBow())
          .num("to_stern", p.toStern())
          .num("to_port", p.toPort())
          .num("to_starboard", p.toStarboard())
          .num("epfd", p.epfd())
          .str("epfd_text", GpsdVocabulary.epfd(p.epfd()))
          .bool("raim", p.raim())
          .num("dte", p.dte())
          .bool("assigned", p.assigned());
    } else if (m instanceof DataLinkManagement d) {
      j.num("offset1", d.offset1())
          .num("number1", d.number1())
          .num("timeout1", d.timeout1())
          .num("increment1", d.increment1())
          .num("offset2", d.offset2())
          .num("number2", d.number2())
          .num("timeout2", d.timeout2())
          .num("increment2", d.increment2())
          .num("offset3", d.offset3())
          .num("number3", d.number3())
          .num("timeout3", d.timeout3())
          .num("increment3", d.increment3())
          .num("offset4", d.offset4())
          .num("number4", d.number4())
          .num("timeout4", d.timeout4())
          .num("increment4", d.increment4());
    } else if (m instanceof AidToNavigationReport a) {
      j.num("aid_type", a.aidType())
          .str("aid_type_text", GpsdVocabulary.navaid(a.aidType()))
          .str("name", a.name())
          .fixed("lon", a.lon() / 600000.0, 7)
          .fixed("lat", a.lat() / 600000.0, 7)
          .bool("accuracy", a.accuracy())
          .num("to_bow", a.toBow())
          .num("to_stern", a.toStern())
          .num("to_port", a.toPort())
          .num("to_starboard", a.toStarboard())
          .num("epfd", a.epfd())
          .str("epfd_text", GpsdVocabulary.epfd(a.epfd()))
          .num("second", a.second())
          .num("regional", a.regional())
          .bool("off_position", a.offPosition())
          .bool("raim", a.raim())
          .bool("virtual_aid", a.virtualAid());
    } else if (m instanceof ChannelManagement c) {
      j.num("channel_a", c.channelA())
          .num("channel_b", c.channelB())
          .num("txrx", c.txrx())
          .bool("power", c.power());
      if (c.addressed()) {
        j.num("dest1", c.dest1()).num("dest2", c.dest2());
      } else {
        j.str("ne_lon", fmt(c.neLon() / 600.0, 6))
            .str("ne_lat", fmt(c.neLat() / 600.0, 6))
            .str("sw_lon", fmt(c.swLon() / 600.0, 6))
            .str("sw_lat", fmt(c.swLat() / 600.0, 6));
      }
      j.bool("addressed", c.addressed())
          .bool("band_a", c.bandA())
          .bool("band_b", c.bandB())
          .num("zonesize", c.zonesize());
    } else if (m instanceof GroupAssignmentCommand g) {
      j.str("ne_lon", fmt(g.neLon() / 600.0, 6))
          .str("ne_lat", fmt(g.neLat() / 600.0, 6))
          .str("sw_lon", fmt(g.swLon() / 600.0, 6))
          .str("sw_lat", fmt(g.swLat() / 600.0, 6))
          .num("stationtype", g.stationtype())
          .str("stationtype_text", GpsdVocabulary.stationType(g.stationtype()))
          .num("shiptype", g.shiptype())
          .str("shiptype_text", GpsdVocabulary.shipType(g.shiptype()))
          .num("interval", g.interval())
          .num("quiet", g.quiet());
    } else if (m instanceof StaticDataReportB b) {
      String name = takePartA(b.mmsi());
      if (name == null) {
        return Optional.empty();
      }
      j.str("shipname", name);
      j.num("shiptype", b.shiptype())
          .str("shiptype_text", GpsdVocabulary.shipType(b.shiptype()))
          .str("vendorid", b.vendorid())
          .num("model", b.model())
          .num("serial", b.serial())
          .str("callsign", b.callsign());
      if (b.isAuxiliaryCraft()) {
        j.num("mothership_mmsi", b.mothershipMmsi());
      } else {
        j.num("to_bow", b.toBow())
            .num("to_stern", b.toStern())
            .num("to_port", b.toPort())
            .num("to_starboard", b.toStarboard());
      }
    } else if (m instanceof SingleSlotBinaryMessage s) {
      j.bool("addressed", s.addressed())
          .bool("structured", s.structured())
          .num("dest_mmsi", s.destMmsi())
          .num("app_id", s.appId())
          .str("data", s.data().bitLength() + ":" + s.data().hex(false));
    } else if (m instanceof MultipleSlotBinaryMessage s) {
      j.bool("addressed", s.addressed())
          .bool("structured", s.structured())
          .num("dest_mmsi", s.destMmsi())
          .num("app_id", s.appId())
          .str("data", s.data().bitLength() + ":" + s.data().hex(false))
          .num("radio", gpsdExact ? 0 : s.radio());
    } else if (m instanceof LongRangePositionReport l) {
      j.num("status", l.status())
          .str("status_text", GpsdVocabulary.navStatus(l.status()))
          .bool("accuracy", l.accuracy())
          .fixed("lon", l.lon() / 600.0, 4)
          .fixed("lat", l.lat() / 600.0, 4)
          .num("speed", l.speed())
          .num("course", l.course())
          .bool("raim", l.raim())
          .bool("gnss", l.gnss());
    }
    j.raw("}");
    return Optional.of(j.toString());
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

  private static void classA(Json j, PositionReportClassA p) {
    String turn;
    if (p.turn() == -128) {
      turn = "\"n/a\"";
    } else if (p.turn() == -127) {
      turn = "\"fastleft\"";
    } else if (p.turn() == 127) {
      turn = "\"fastright\"";
    } else {
      double r = p.turn() / 4.733;
      turn = "\"" + fmt(Math.signum(p.turn()) * r * r, 2) + "\"";
    }
    j.num("status", p.status())
        .str("status_text", GpsdVocabulary.navStatus(p.status()))
        .raw(",\"turn\":" + turn)
        .raw(",\"speed\":" + speed(p.speed()))
        .bool("accuracy", p.accuracy())
        .fixed("lon", p.lon() / 600000.0, 7)
        .fixed("lat", p.lat() / 600000.0, 7)
        .fixed("course", p.course() / 10.0, 1)
        .num("heading", p.heading())
        .num("second", p.second())
        .num("maneuver", p.maneuver())
        .bool("raim", p.raim())
        .num("radio", p.radio());
  }

  private static String speed(int raw) {
    if (raw == 1023) {
      return "\"nan\"";
    }
    if (raw == 1022) {
      return "\"fast\"";
    }
    return fmt(raw / 10.0, 1);
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
