package dev.bulwark.ais.gpsd;

import static dev.bulwark.ais.gpsd.GpsdJsonWriter.fmt;
import static dev.bulwark.ais.gpsd.GpsdJsonWriter.monthDay;
import static dev.bulwark.ais.gpsd.GpsdJsonWriter.pad;

import dev.bulwark.ais.AddressedSafetyMessage;
import dev.bulwark.ais.AidToNavigationReport;
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
import dev.bulwark.ais.StaticDataReportB;
import dev.bulwark.ais.StaticVoyageData;
import dev.bulwark.ais.UtcDateInquiry;
import dev.bulwark.ais.gpsd.GpsdJsonWriter.Json;

/**
 * The members gpsd writes for each message type, after the common ones ({@code class}, {@code
 * device}, {@code type}, {@code repeat}, {@code mmsi}, {@code scaled}): one method per type, in
 * gpsd's member order, names, scaling and vocabularies.
 *
 * <p>Stateless; thread-safe.
 */
final class GpsdMembers {

  private GpsdMembers() {}

  /**
   * Types 1, 2 and 3 (class A position). An unavailable rate of turn is {@code "nan"}, as current
   * gpsd writes it (gpsd_json.c; the AIVDM/AIVDO decoding document's table of special values);
   * older gpsd releases wrote {@code "n/a"}, and the gpsd sample check file this library is tested
   * against still has it: {@code gpsdExact} reproduces that file.
   */
  static void positionClassA(Json j, PositionReportClassA p, boolean gpsdExact) {
    String turn;
    if (p.turn() == -128) {
      turn = gpsdExact ? "\"n/a\"" : "\"nan\"";
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

  /** Type 4 and 11 (base station report, UTC/date response). */
  static void baseStation(Json j, BaseStationReport b) {
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
  }

  /** Type 5 (static and voyage data). */
  static void staticVoyage(Json j, StaticVoyageData s) {
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
  }

  /** Type 6 (addressed binary message). */
  static void binaryAddressed(Json j, BinaryAddressedMessage b) {
    j.num("seqno", b.seqno())
        .num("dest_mmsi", b.destMmsi())
        .bool("retransmit", b.retransmit())
        .num("dac", b.dac())
        .num("fid", b.fid());
    if (!BinaryApplications.addressed(j, b.dac(), b.fid(), b.data())) {
      j.str("data", b.data().bitLength() + ":" + b.data().hex(false));
    }
  }

  /** Type 7 and 13 (binary and safety acknowledge). */
  static void binaryAcknowledge(Json j, BinaryAcknowledge a) {
    j.num("mmsi1", a.mmsi1())
        .num("mmsi2", a.mmsi2())
        .num("mmsi3", a.mmsi3())
        .num("mmsi4", a.mmsi4());
  }

  /** Type 8 (binary broadcast message). */
  static void binaryBroadcast(Json j, BinaryBroadcastMessage b) {
    j.num("dac", b.dac()).num("fid", b.fid());
    if (!BinaryApplications.broadcast(j, b.dac(), b.fid(), b.data())) {
      j.str("data", b.data().bitLength() + ":" + b.data().hex(true));
    }
  }

  /** Type 9 (SAR aircraft position). */
  static void sarAircraft(Json j, SarAircraftPositionReport s) {
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
  }

  /** Type 10 (UTC/date inquiry). */
  static void utcDateInquiry(Json j, UtcDateInquiry u) {
    j.num("dest_mmsi", u.destMmsi());
  }

  /** Type 12 (addressed safety message). */
  static void addressedSafety(Json j, AddressedSafetyMessage a) {
    j.num("seqno", a.seqno())
        .num("dest_mmsi", a.destMmsi())
        .bool("retransmit", a.retransmit())
        .str("text", a.text());
  }

  /** Type 14 (safety broadcast). */
  static void safetyBroadcast(Json j, SafetyBroadcastMessage s) {
    j.str("text", s.text());
  }

  /** Type 15 (interrogation). */
  static void interrogation(Json j, Interrogation q) {
    j.num("mmsi1", q.mmsi1())
        .num("type1_1", q.type11())
        .num("offset1_1", q.offset11())
        .num("type1_2", q.type12())
        .num("offset1_2", q.offset12())
        .num("mmsi2", q.mmsi2())
        .num("type2_1", q.type21())
        .num("offset2_1", q.offset21());
  }

  /** Type 16 (assignment mode command). */
  static void assignmentMode(Json j, AssignmentModeCommand a) {
    j.num("mmsi1", a.mmsi1())
        .num("offset1", a.offset1())
        .num("increment1", a.increment1())
        .num("mmsi2", a.mmsi2())
        .num("offset2", a.offset2())
        .num("increment2", a.increment2());
  }

  /** Type 17 (DGNSS broadcast). */
  static void dgnss(Json j, DgnssBroadcast d) {
    j.fixed("lon", d.lon() / 600.0, 1)
        .fixed("lat", d.lat() / 600.0, 1)
        .str("data", d.data().bitLength() + ":" + d.data().hex(false));
  }

  /** Type 18 (class B position). */
  static void positionClassB(Json j, PositionReportClassB p) {
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
  }

  /** Type 19 (extended class B position). */
  static void extendedClassB(Json j, ExtendedPositionReportClassB p) {
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
  }

  /** Type 20 (data link management). */
  static void dataLinkManagement(Json j, DataLinkManagement d) {
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
  }

  /** Type 21 (aid to navigation). */
  static void aidToNavigation(Json j, AidToNavigationReport a) {
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
  }

  /** Type 22 (channel management). */
  static void channelManagement(Json j, ChannelManagement c) {
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
  }

  /** Type 23 (group assignment). */
  static void groupAssignment(Json j, GroupAssignmentCommand g) {
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
  }

  /** Type 24 part B, with the name of its part A. */
  static void staticPartB(Json j, StaticDataReportB b, String name) {
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
  }

  /** Type 25 (single slot binary). */
  static void singleSlotBinary(Json j, SingleSlotBinaryMessage s) {
    j.bool("addressed", s.addressed())
        .bool("structured", s.structured())
        .num("dest_mmsi", s.destMmsi())
        .num("app_id", s.appId())
        .str("data", s.data().bitLength() + ":" + s.data().hex(false));
  }

  /** Type 26 (multiple slot binary; radio 0 when gpsd-exact). */
  static void multipleSlotBinary(Json j, MultipleSlotBinaryMessage s, boolean gpsdExact) {
    j.bool("addressed", s.addressed())
        .bool("structured", s.structured())
        .num("dest_mmsi", s.destMmsi())
        .num("app_id", s.appId())
        .str("data", s.data().bitLength() + ":" + s.data().hex(false))
        .num("radio", gpsdExact ? 0 : s.radio());
  }

  /** Type 27 (long-range position). */
  static void longRange(Json j, LongRangePositionReport l) {
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
}
