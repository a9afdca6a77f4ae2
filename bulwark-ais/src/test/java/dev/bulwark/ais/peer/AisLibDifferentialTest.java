package dev.bulwark.ais.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ais.AddressedSafetyMessage;
import dev.bulwark.ais.AidToNavigationReport;
import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.BaseStationReport;
import dev.bulwark.ais.BinaryAcknowledge;
import dev.bulwark.ais.BinaryAddressedMessage;
import dev.bulwark.ais.BinaryBroadcastMessage;
import dev.bulwark.ais.DgnssBroadcast;
import dev.bulwark.ais.ExtendedPositionReportClassB;
import dev.bulwark.ais.LongRangePositionReport;
import dev.bulwark.ais.PositionReportClassA;
import dev.bulwark.ais.PositionReportClassB;
import dev.bulwark.ais.SafetyBroadcastMessage;
import dev.bulwark.ais.SarAircraftPositionReport;
import dev.bulwark.ais.StaticDataReportA;
import dev.bulwark.ais.StaticDataReportB;
import dev.bulwark.ais.StaticVoyageData;
import dev.bulwark.ais.UtcDateInquiry;
import dev.bulwark.ais.source.AisFiles;
import dk.dma.ais.message.AisMessage;
import dk.dma.ais.message.AisMessage10;
import dk.dma.ais.message.AisMessage12;
import dk.dma.ais.message.AisMessage14;
import dk.dma.ais.message.AisMessage17;
import dk.dma.ais.message.AisMessage18;
import dk.dma.ais.message.AisMessage19;
import dk.dma.ais.message.AisMessage21;
import dk.dma.ais.message.AisMessage24;
import dk.dma.ais.message.AisMessage27;
import dk.dma.ais.message.AisMessage5;
import dk.dma.ais.message.AisMessage6;
import dk.dma.ais.message.AisMessage7;
import dk.dma.ais.message.AisMessage8;
import dk.dma.ais.message.AisMessage9;
import dk.dma.ais.message.AisPositionMessage;
import dk.dma.ais.message.AisUnsupportedMessageType;
import dk.dma.ais.message.UTCDateResponseMessage;
import dk.dma.ais.sentence.Vdm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against DMA AisLib 2.8.5 over every capture in the test resources: each message
 * both libraries decode must agree field by field. Messages are paired in stream order by type and
 * MMSI. AisLib is driven the way its own packet reader drives it: one {@code Vdm} filled with
 * consecutive sentences, a new one after each complete message or error (so it cannot follow
 * interleaved groups; those messages are decoded by Bulwark only and counted, not compared).
 *
 * <p>Every known disagreement is listed in {@link #EXPLAINED} with the reason, and says which side
 * is wrong.
 */
// Our AisMessage and AisLib's AisMessage meet in this class: AisLib's is imported, ours is named in
// full (dev.bulwark.ais.AisMessage), the one place where a class is named inline on purpose.
@SuppressWarnings("checkstyle:inlineQualifiedName")
class AisLibDifferentialTest {

  /** A known disagreement: its description, and the test that recognises it. */
  record Explained(String why, Predicate<String> matches) {}

  static final List<Explained> EXPLAINED =
      List.of(
          new Explained(
              "AisLib is wrong: AisMessage.trimText(), its way to read text fields, also strips LEADING"
                  + " spaces (String.trim), which are part of the transmitted text; Bulwark, like gpsd, only drops '@' padding and trailing spaces",
              diff ->
                  diff.matches(
                          "type \\d+ (shipname|callsign|destination|name|text|vendorid): "
                              + "ours \" +[^\"]*\", AisLib \"[^\"]*\"")
                      && leadingSpacesOnly(diff)));

  /** True when the two quoted values differ only by leading spaces on our side. */
  static boolean leadingSpacesOnly(String diff) {
    int a = diff.indexOf("ours \"") + 6;
    String ours = diff.substring(a, diff.indexOf('"', a));
    int b = diff.indexOf("AisLib \"") + 8;
    String theirs = diff.substring(b, diff.indexOf('"', b));
    return !ours.equals(theirs) && ours.stripLeading().equals(theirs);
  }

  record Pair(dev.bulwark.ais.AisMessage ours, AisMessage theirs) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aislib_stream_example.txt",
        "aislib_decode_encode_messages.txt",
        "dma_2013-11-12_5min.nmea.gz",
        "dma_538004030_drift.nmea",
        "pyais_nmea_data_sample.txt",
        "gpsd_sample.aivdm",
      })
  void agreesWithAisLibOnEveryMessageBothDecode(String capture) throws IOException {
    List<String> lines = lines("/ais/" + capture);

    List<dev.bulwark.ais.AisMessage> ours = new ArrayList<>();
    AisDecoder decoder = AisDecoder.builder(m -> ours.add(m.message())).build();
    lines.forEach(decoder::accept);
    decoder.finish();

    List<AisMessage> theirs = new ArrayList<>();
    int aislibErrors = aisLib(lines, theirs);
    // Types AisLib does not implement (15, 16, 20, 22, 23, 25, 26) come back as placeholders: not
    // comparable.
    int aislibUnsupported =
        (int) theirs.stream().filter(m -> m instanceof AisUnsupportedMessageType).count();
    theirs.removeIf(m -> m instanceof AisUnsupportedMessageType);

    // Pair in stream order by (type, MMSI), looking a few messages ahead on either side.
    List<Pair> pairs = new ArrayList<>();
    int j = 0;
    int oursOnly = 0;
    for (dev.bulwark.ais.AisMessage m : ours) {
      int found = -1;
      for (int k = j; k < Math.min(theirs.size(), j + 12); k++) {
        if (theirs.get(k).getMsgId() == m.type() && theirs.get(k).getUserId() == m.mmsi()) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        oursOnly++;
        continue;
      }
      pairs.add(new Pair(m, theirs.get(found)));
      j = found + 1;
    }
    int theirsOnly = theirs.size() - pairs.size();

    Map<String, Integer> explained = new TreeMap<>();
    List<String> unexplained = new ArrayList<>();
    for (Pair p : pairs) {
      for (String diff : compare(p.ours(), p.theirs())) {
        Explained e =
            EXPLAINED.stream().filter(x -> x.matches().test(diff)).findFirst().orElse(null);
        if (e == null) {
          unexplained.add(diff + "\n    ours:   " + p.ours() + "\n    AisLib: " + p.theirs());
        } else {
          explained.merge(e.why(), 1, Integer::sum);
        }
      }
    }
    System.out.printf(
        "%s: ours %d, AisLib %d (%d AisLib errors, %d unsupported by AisLib), compared %d,"
            + " ours only %d, AisLib only %d, explained %s%n",
        capture,
        ours.size(),
        theirs.size(),
        aislibErrors,
        aislibUnsupported,
        pairs.size(),
        oursOnly,
        theirsOnly,
        explained);
    assertThat(unexplained)
        .as(
            capture
                + ": unexplained disagreements:\n"
                + String.join("\n", unexplained.subList(0, Math.min(20, unexplained.size()))))
        .isEmpty();
    assertThat(pairs.size())
        .as("messages compared")
        .isGreaterThan((ours.size() - aislibUnsupported) * 8 / 10 - 30);
    assertThat(theirsOnly)
        .as("messages only AisLib decodes")
        .isLessThanOrEqualTo(theirs.size() / 100);
  }

  static int aisLib(List<String> lines, List<AisMessage> out) {
    Vdm vdm = new Vdm();
    int errors = 0;
    for (String line : lines) {
      int bang = line.indexOf('!');
      if (bang < 0
          || line.startsWith("#")
          || !(line.startsWith("VDM", bang + 3) || line.startsWith("VDO", bang + 3))) {
        continue;
      }
      String sentence = line.substring(bang);
      try {
        int result = vdm.parse(sentence);
        if (result == 0) {
          AisMessage m = AisMessage.getInstance(vdm);
          out.add(m);
          vdm = new Vdm();
        }
      } catch (Exception e) {
        errors++;
        vdm = new Vdm();
      }
    }
    return errors;
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream raw = AisLibDifferentialTest.class.getResourceAsStream(resource);
        InputStream in = AisFiles.maybeGunzip(raw);
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
      return r.lines().toList();
    }
  }

  /** AisLib's getRot() returns degrees per minute; the raw 8-bit ROT is in a private field. */
  static int rawRot(AisPositionMessage p) {
    try {
      Field f = AisPositionMessage.class.getDeclaredField("rot");
      f.setAccessible(true);
      return f.getInt(p);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Field-by-field differences, each as "type N field: ours X, AisLib Y". */
  static List<String> compare(dev.bulwark.ais.AisMessage o, AisMessage t) {
    Diff d = new Diff(o.type());
    d.check("repeat", o.repeat(), t.getRepeat());
    if (o instanceof PositionReportClassA a && t instanceof AisPositionMessage p) {
      d.check("status", a.status(), p.getNavStatus());
      d.check("turn", a.turn(), (byte) rawRot(p));
      d.check("speed", a.speed(), p.getSog());
      d.check("accuracy", a.accuracy() ? 1 : 0, p.getPosAcc());
      d.check("lon", a.lon(), p.getPos().getLongitude());
      d.check("lat", a.lat(), p.getPos().getLatitude());
      d.check("course", a.course(), p.getCog());
      d.check("heading", a.heading(), p.getTrueHeading());
      d.check("second", a.second(), p.getUtcSec());
      d.check("maneuver", a.maneuver(), p.getSpecialManIndicator());
      d.check("raim", a.raim() ? 1 : 0, p.getRaim());
      d.check("sync state", a.radio() >>> 17, p.getSyncState());
    } else if (o instanceof BaseStationReport b && t instanceof UTCDateResponseMessage u) {
      d.check("year", b.year(), u.getUtcYear());
      d.check("month", b.month(), u.getUtcMonth());
      d.check("day", b.day(), u.getUtcDay());
      d.check("hour", b.hour(), u.getUtcHour());
      d.check("minute", b.minute(), u.getUtcMinute());
      d.check("second", b.second(), u.getUtcSecond());
      d.check("accuracy", b.accuracy() ? 1 : 0, u.getPosAcc());
      d.check("lon", b.lon(), u.getPos().getLongitude());
      d.check("lat", b.lat(), u.getPos().getLatitude());
      d.check("epfd", b.epfd(), u.getPosType());
      d.check("raim", b.raim() ? 1 : 0, u.getRaim());
      d.check("sync state", b.radio() >>> 17, u.getSyncState());
    } else if (o instanceof StaticVoyageData s && t instanceof AisMessage5 f) {
      d.check("ais_version", s.aisVersion(), f.getVersion());
      d.check("imo", s.imo(), f.getImo());
      d.check("callsign", s.callsign(), AisMessage.trimText(f.getCallsign()));
      d.check("shipname", s.shipname(), AisMessage.trimText(f.getName()));
      d.check("shiptype", s.shiptype(), f.getShipType());
      d.check("to_bow", s.toBow(), f.getDimBow());
      d.check("to_stern", s.toStern(), f.getDimStern());
      d.check("to_port", s.toPort(), f.getDimPort());
      d.check("to_starboard", s.toStarboard(), f.getDimStarboard());
      d.check("epfd", s.epfd(), f.getPosType());
      d.check(
          "eta", (s.month() << 16) | (s.day() << 11) | (s.hour() << 6) | s.minute(), f.getEta());
      d.check("draught", s.draught(), f.getDraught());
      d.check("destination", s.destination(), AisMessage.trimText(f.getDest()));
      d.check("dte", s.dte(), f.getDte());
    } else if (o instanceof BinaryAddressedMessage b && t instanceof AisMessage6 s) {
      d.check("seqno", b.seqno(), s.getSeqNum());
      d.check("dest_mmsi", b.destMmsi(), s.getDestination());
      d.check("retransmit", b.retransmit() ? 1 : 0, s.getRetransmit());
      d.check("dac", b.dac(), s.getDac());
      d.check("fid", b.fid(), s.getFi());
      // AisLib's BinArray holds the whole message; the application data follows 88 header bits.
      d.check("data bits", 88 + b.data().bitLength(), s.getData().getLength());
    } else if (o instanceof BinaryAcknowledge a && t instanceof AisMessage7 s) {
      d.check("mmsi1", a.mmsi1(), s.getDest1());
      d.check("seq1", a.seq1(), s.getSeq1());
      d.check("mmsi2", a.mmsi2(), s.getDest2());
      d.check("seq2", a.seq2(), s.getSeq2());
      d.check("mmsi3", a.mmsi3(), s.getDest3());
      d.check("seq3", a.seq3(), s.getSeq3());
      d.check("mmsi4", a.mmsi4(), s.getDest4());
      d.check("seq4", a.seq4(), s.getSeq4());
    } else if (o instanceof BinaryBroadcastMessage b && t instanceof AisMessage8 s) {
      d.check("dac", b.dac(), s.getDac());
      d.check("fid", b.fid(), s.getFi());
      // AisLib's BinArray holds the whole message; the application data follows 56 header bits.
      d.check("data bits", 56 + b.data().bitLength(), s.getData().getLength());
    } else if (o instanceof SarAircraftPositionReport a && t instanceof AisMessage9 s) {
      d.check("alt", a.alt(), s.getAltitude());
      d.check("speed", a.speed(), s.getSog());
      d.check("accuracy", a.accuracy() ? 1 : 0, s.getPosAcc());
      d.check("lon", a.lon(), s.getPos().getLongitude());
      d.check("lat", a.lat(), s.getPos().getLatitude());
      d.check("course", a.course(), s.getCog());
      d.check("second", a.second(), s.getUtcSec());
      d.check("regional", a.regional(), s.getRegionalReserved());
      d.check("dte", a.dte(), s.getDte());
      d.check("assigned", a.assigned() ? 1 : 0, s.getAssigned());
      d.check("raim", a.raim() ? 1 : 0, s.getRaim());
    } else if (o instanceof UtcDateInquiry u && t instanceof AisMessage10 s) {
      d.check("dest_mmsi", u.destMmsi(), s.getDestination());
    } else if (o instanceof AddressedSafetyMessage a && t instanceof AisMessage12 s) {
      d.check("seqno", a.seqno(), s.getSeqNum());
      d.check("dest_mmsi", a.destMmsi(), s.getDestination());
      d.check("retransmit", a.retransmit() ? 1 : 0, s.getRetransmit());
      d.check("text", a.text(), AisMessage.trimText(s.getMessage()));
    } else if (o instanceof SafetyBroadcastMessage a && t instanceof AisMessage14 s) {
      d.check("text", a.text(), AisMessage.trimText(s.getMessage()));
    } else if (o instanceof DgnssBroadcast a && t instanceof AisMessage17 s) {
      d.check("lon", a.lon(), s.getLon());
      d.check("lat", a.lat(), s.getLat());
    } else if (o instanceof PositionReportClassB b && t instanceof AisMessage18 s) {
      d.check("speed", b.speed(), s.getSog());
      d.check("accuracy", b.accuracy() ? 1 : 0, s.getPosAcc());
      d.check("lon", b.lon(), s.getPos().getLongitude());
      d.check("lat", b.lat(), s.getPos().getLatitude());
      d.check("course", b.course(), s.getCog());
      d.check("heading", b.heading(), s.getTrueHeading());
      d.check("second", b.second(), s.getUtcSec());
      d.check("cs", b.cs() ? 1 : 0, s.getClassBUnitFlag());
      d.check("display", b.display() ? 1 : 0, s.getClassBDisplayFlag());
      d.check("dsc", b.dsc() ? 1 : 0, s.getClassBDscFlag());
      d.check("band", b.band() ? 1 : 0, s.getClassBBandFlag());
      d.check("assigned", b.assigned() ? 1 : 0, s.getModeFlag());
      d.check("raim", b.raim() ? 1 : 0, s.getRaim());
      d.check("radio", b.radio(), (s.getCommStateSelectorFlag() << 19) | s.getCommState());
    } else if (o instanceof ExtendedPositionReportClassB b && t instanceof AisMessage19 s) {
      d.check("speed", b.speed(), s.getSog());
      d.check("accuracy", b.accuracy() ? 1 : 0, s.getPosAcc());
      d.check("lon", b.lon(), s.getPos().getLongitude());
      d.check("lat", b.lat(), s.getPos().getLatitude());
      d.check("course", b.course(), s.getCog());
      d.check("heading", b.heading(), s.getTrueHeading());
      d.check("second", b.second(), s.getUtcSec());
      d.check("shipname", b.shipname(), AisMessage.trimText(s.getName()));
      d.check("shiptype", b.shiptype(), s.getShipType());
      d.check("to_bow", b.toBow(), s.getDimBow());
      d.check("to_stern", b.toStern(), s.getDimStern());
      d.check("to_port", b.toPort(), s.getDimPort());
      d.check("to_starboard", b.toStarboard(), s.getDimStarboard());
      d.check("epfd", b.epfd(), s.getPosType());
      d.check("raim", b.raim() ? 1 : 0, s.getRaim());
      d.check("dte", b.dte(), s.getDte());
      d.check("assigned", b.assigned() ? 1 : 0, s.getModeFlag());
    } else if (o instanceof AidToNavigationReport a && t instanceof AisMessage21 s) {
      d.check("aid_type", a.aidType(), s.getAtonType());
      d.check(
          "name",
          a.name(),
          AisMessage.trimText(s.getName() + (s.getNameExt() == null ? "" : s.getNameExt())));
      d.check("accuracy", a.accuracy() ? 1 : 0, s.getPosAcc());
      d.check("lon", a.lon(), s.getPos().getLongitude());
      d.check("lat", a.lat(), s.getPos().getLatitude());
      d.check("to_bow", a.toBow(), s.getDimBow());
      d.check("to_stern", a.toStern(), s.getDimStern());
      d.check("to_port", a.toPort(), s.getDimPort());
      d.check("to_starboard", a.toStarboard(), s.getDimStarboard());
      d.check("epfd", a.epfd(), s.getPosType());
      d.check("second", a.second(), s.getUtcSec());
      d.check("off_position", a.offPosition() ? 1 : 0, s.getOffPosition());
      d.check("regional", a.regional(), s.getRegional());
      d.check("raim", a.raim() ? 1 : 0, s.getRaim());
      d.check("virtual_aid", a.virtualAid() ? 1 : 0, s.getVirtual());
      d.check("assigned", a.assigned() ? 1 : 0, s.getAssigned());
    } else if (o instanceof StaticDataReportA a && t instanceof AisMessage24 s) {
      d.check("part", 0, s.getPartNumber());
      d.check("shipname", a.shipname(), AisMessage.trimText(s.getName()));
    } else if (o instanceof StaticDataReportB b && t instanceof AisMessage24 s) {
      d.check("part", 1, s.getPartNumber());
      d.check("shiptype", b.shiptype(), s.getShipType());
      d.check("vendorid", b.vendorid(), AisMessage.trimText(s.getVendorId()));
      d.check("callsign", b.callsign(), AisMessage.trimText(s.getCallsign()));
      d.check("to_bow", b.toBow(), s.getDimBow());
      d.check("to_stern", b.toStern(), s.getDimStern());
      d.check("to_port", b.toPort(), s.getDimPort());
      d.check("to_starboard", b.toStarboard(), s.getDimStarboard());
    } else if (o instanceof LongRangePositionReport l && t instanceof AisMessage27 s) {
      d.check("accuracy", l.accuracy() ? 1 : 0, s.getPosAcc());
      d.check("raim", l.raim() ? 1 : 0, s.getRaim());
      d.check("status", l.status(), s.getNavStatus());
      d.check("lon", l.lon(), s.getPos().getLongitude());
      d.check("lat", l.lat(), s.getPos().getLatitude());
      d.check("speed", l.speed(), s.getSog());
      d.check("course", l.course(), s.getCog());
      d.check("gnss", l.gnss() ? 1 : 0, s.getGnssPosStatus());
    } else {
      d.diffs.add(
          "type "
              + o.type()
              + " class: ours "
              + o.getClass().getSimpleName()
              + ", AisLib "
              + t.getClass().getSimpleName());
    }
    return d.diffs;
  }

  /** Collects differences. */
  static final class Diff {
    final int type;
    final List<String> diffs = new ArrayList<>();

    Diff(int type) {
      this.type = type;
    }

    void check(String field, long ours, long theirs) {
      if (ours != theirs) {
        diffs.add("type " + type + " " + field + ": ours " + ours + ", AisLib " + theirs);
      }
    }

    void check(String field, String ours, String theirs) {
      if (!ours.equals(theirs)) {
        diffs.add(
            "type " + type + " " + field + ": ours \"" + ours + "\", AisLib \"" + theirs + "\"");
      }
    }
  }
}
