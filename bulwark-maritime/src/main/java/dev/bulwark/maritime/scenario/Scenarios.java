package dev.bulwark.maritime.scenario;

import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The built-in scenarios, modelled on the public record of the Baltic incidents (see {@code
 * /dev/bulwark/maritime/infrastructure/SOURCES.md} for the layer they run on):
 *
 * <ul>
 *   <li><b>eagle</b>: an Eagle S-like tanker leaves the Gulf of Finland westbound at 10 kn, drops
 *       its anchor (speed down to 8 kn within 3 minutes), drags it about 90 km with its speed
 *       falling to 6.2 kn, crossing Estlink 2, then makes a U-turn;
 *   <li><b>eaglewarn</b>: the trial the early warning was built for: an Eagle S-like tanker
 *       westbound at 9.5 kn slows to 6.2 kn within 3 minutes about 60 km east of Estlink 2 (onset
 *       50-70 km before the cable) and drags on at that speed and course across it;
 *   <li><b>yipeng</b>: a Yi Peng 3-like bulk carrier comes south at 10.5 kn, turns west within 3
 *       minutes and drags at about 7 kn across the BCS East-West Interlink, goes dark for 30
 *       minutes, then goes dark again 5 km before C-Lion1 for 2.5 hours while crossing it and
 *       turning south-west;
 *   <li><b>rendezvous</b>: two tankers meet 40 km off the Polish coast, away from infrastructure,
 *       and lie within 200 m of each other at 0.3 kn for 2.5 hours;
 *   <li><b>spoof</b>: a Helsinki-Tallinn ferry's MMSI is also transmitted from a slow "ghost" on
 *       the Balticconnector pipeline, 40 km away, for an hour;
 *   <li>background traffic: two merchant ships crossing many corridors at steady speed and a Class
 *       B yacht, which must not be alerted on.
 * </ul>
 *
 * Every ship reports every 10 s (Class A under way; Class B every 30 s), with type 5 (or 24) static
 * data every 6 minutes, each sentence preceded by an NMEA 4.10 tag block carrying its time.
 * Deterministic for a given start time (rounded down to the second). Stateless; thread-safe.
 */
public final class Scenarios {

  /**
   * The MMSIs used (fictitious, with real MIDs: Cook Islands, China, Russia, Comoros, Finland,
   * ...).
   */
  public static final int EAGLE = 518000001;

  public static final int EAGLE_WARN = 518000002;

  public static final int YIPENG = 414000001;
  public static final int TANKER_A = 273000001;
  public static final int TANKER_B = 620000001;
  public static final int FERRY = 230000001;
  public static final int BACKGROUND_1 = 265000001;
  public static final int BACKGROUND_2 = 257000001;
  public static final int YACHT = 244000001;

  private static final long MIN = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final double KN_KMH = 1.852;

  private Scenarios() {}

  /**
   * Generates every scenario starting at {@code startMillis}; onsets are measured against {@code
   * layer}.
   */
  public static ScenarioSet generate(long startAt, InfrastructureLayer layer) {
    // Tag blocks carry whole seconds: start on one so that onsets and decoded times agree.
    long startMillis = Math.floorDiv(startAt, 1000L) * 1000L;
    List<Expectation> expected = new ArrayList<>();
    ShipSim eagle = eagle(startMillis, layer, expected);
    ShipSim warn = eagleWarn(startMillis, layer, expected);
    ShipSim yi = yipeng(startMillis, layer, expected);
    ShipSim[] rendezvous = rendezvous(startMillis, expected);
    ShipSim[] spoof = spoof(startMillis, expected);
    ShipSim[] background = background(startMillis);
    List<ScenarioSet.Line> lines =
        lines(
            warn,
            eagle,
            yi,
            rendezvous[0],
            rendezvous[1],
            spoof[0],
            spoof[1],
            background[0],
            background[1],
            background[2]);
    return new ScenarioSet(
        lines,
        expected,
        List.of(
            EAGLE,
            EAGLE_WARN,
            YIPENG,
            TANKER_A,
            TANKER_B,
            FERRY,
            BACKGROUND_1,
            BACKGROUND_2,
            YACHT));
  }

  private static ShipSim eagle(
      long startMillis, InfrastructureLayer layer, List<Expectation> expected) {
    // Eagle S-like: cruise 2 h, drag ~90 km 8 -> 6.2 kn across Estlink 2, U-turn.
    ShipSim eagle = new ShipSim(EAGLE, false, startMillis, 60.02, 27.6, 265, 10.0, 1);
    eagle.leg(2 * HOUR, 10.0, 265, true, 10_000, 0, "cruise");
    eagle.leg(3 * MIN, 8.0, 265, true, 10_000, 0, "drag");
    eagle.leg(hoursFor(90, 7.1), 6.2, 266, true, 10_000, 0, "drag");
    eagle.leg(20 * MIN, 5.0, 85, true, 10_000, 0, "uturn");
    eagle.leg(HOUR, 6.0, 85, true, 10_000, 0, "after");
    expected.add(
        new Expectation(
            "eagle",
            AlertKind.ANCHOR_DRAG,
            EAGLE,
            Optional.of("Estlink 2"),
            firstStep(eagle, "drag"),
            "anchor dragged across Estlink 2, speed falling from 10 to 8 and on to 6.2 kn",
            firstInCorridor(eagle, layer, "Estlink 2", s -> s.tag().equals("drag"))));
    return eagle;
  }

  static ShipSim eagleWarn(
      long startMillis, InfrastructureLayer layer, List<Expectation> expected) {
    // The unseen trial: 9.5 -> 6.2 kn about 60 km east of Estlink 2, dragging on across it.
    ShipSim w = new ShipSim(EAGLE_WARN, false, startMillis + HOUR, 59.99, 27.75, 266, 9.5, 10);
    w.leg(hoursFor(30, 9.5), 9.5, 266, true, 10_000, 0, "cruise");
    w.leg(3 * MIN, 6.2, 266, true, 10_000, 0, "drag");
    w.leg(hoursFor(75, 6.2), 6.2, 266, true, 10_000, 0, "drag");
    expected.add(
        new Expectation(
            "eaglewarn",
            AlertKind.ANCHOR_DRAG,
            EAGLE_WARN,
            Optional.of("Estlink 2"),
            firstStep(w, "drag"),
            "under way at 9.5 kn, slows to 6.2 kn 60 km east of Estlink 2 and drags across it",
            firstInCorridor(w, layer, "Estlink 2", s -> s.tag().equals("drag"))));
    return w;
  }

  /** Time of the first transmitted step with a tag. */
  static long firstStep(ShipSim s, String tag) {
    return s.steps().stream()
        .filter(st -> st.transmitted() && st.tag().equals(tag))
        .findFirst()
        .orElseThrow()
        .timeMillis();
  }

  private static ShipSim yipeng(
      long startMillis, InfrastructureLayer layer, List<Expectation> expected) {
    // Yi Peng 3-like: south at 10.5 kn, turn west and drag at ~7 kn across BCS, two AIS gaps,
    // C-Lion1 crossed while dark.
    ShipSim yi = new ShipSim(YIPENG, false, startMillis + 30 * MIN, 57.55, 20.5, 180, 10.5, 2);
    yi.leg(
        hoursFor(Geo.haversineM(57.55, 20.5, 57.0, 20.5) / 1000, 10.5),
        10.5,
        180,
        true,
        10_000,
        0,
        "cruise");
    yi.leg(3 * MIN, 7.0, 270, true, 10_000, 0, "drag");
    yi.leg(
        hoursFor(Geo.haversineM(yi.lat(), yi.lon(), 57.0, 19.265) / 1000, 7.0),
        7.0,
        270,
        true,
        10_000,
        0,
        "drag");
    yi.leg(30 * MIN, 7.0, 270, false, 10_000, 0, "dark1");
    yi.leg(
        hoursFor(Geo.haversineM(yi.lat(), yi.lon(), yi.lat(), 19.075) / 1000, 7.0),
        7.0,
        270,
        true,
        10_000,
        0,
        "drag");
    long darkStart = yi.time();
    yi.leg(150 * MIN, 6.5, 235, false, 10_000, 0, "dark2");
    yi.leg(HOUR, 6.5, 235, true, 10_000, 0, "after");
    expected.add(
        new Expectation(
            "yipeng",
            AlertKind.ANCHOR_DRAG,
            YIPENG,
            Optional.of("BCS East-West Interlink"),
            firstStep(yi, "drag"),
            "anchor dragged across BCS at about 7 kn",
            firstInCorridor(yi, layer, "BCS East-West Interlink", s -> s.tag().equals("drag"))));
    expected.add(
        new Expectation(
            "yipeng",
            AlertKind.GOING_DARK,
            YIPENG,
            Optional.of("C-Lion1"),
            darkStart,
            "AIS off 5 km before C-Lion1, crossed it dark, reappeared south-west"));
    return yi;
  }

  /** The two tankers of the rendezvous: A, then B. */
  private static ShipSim[] rendezvous(long startMillis, List<Expectation> expected) {
    // Rendezvous at sea, away from infrastructure.
    long rv = startMillis + HOUR;
    ShipSim a = new ShipSim(TANKER_A, false, rv, 55.2, 19.5, 270, 11, 3);
    rendezvousLegs(a, 270, 11, 90);
    ShipSim probe = new ShipSim(TANKER_B, false, rv, 55.2, 18.9, 90, 12, 4);
    rendezvousLegs(probe, 90, 12, 270);
    ShipSim.Step aStop = stopOf(a);
    ShipSim.Step pStop = stopOf(probe);
    double[] target = Geo.destination(aStop.lat(), aStop.lon(), 0, 200);
    ShipSim b =
        new ShipSim(
            TANKER_B,
            false,
            rv,
            55.2 + (target[0] - pStop.lat()),
            18.9 + (target[1] - pStop.lon()),
            90,
            12,
            4);
    rendezvousLegs(b, 90, 12, 270);
    expected.add(
        new Expectation(
            "rendezvous",
            AlertKind.ENCOUNTER,
            Math.min(TANKER_A, TANKER_B),
            Optional.empty(),
            meetingOnset(a, b),
            "two tankers lie together at sea for 2.5 h"));
    return new ShipSim[] {a, b};
  }

  /** The ferry, then the ghost transmitting its MMSI. */
  private static ShipSim[] spoof(long startMillis, List<Expectation> expected) {
    // Spoofed track: a ferry's MMSI also transmitted from a ghost on Balticconnector.
    long sp = startMillis + 2 * HOUR;
    ShipSim ferry = new ShipSim(FERRY, false, sp, 60.155, 24.955, 0, 20, 5);
    double brg = Geo.bearingDeg(60.155, 24.955, 59.445, 24.77);
    ferry.leg(5 * MIN, 20, brg, true, 10_000, 0, "ferry");
    ferry.leg(
        hoursFor(Geo.haversineM(60.155, 24.955, 59.445, 24.77) / 1000 - 3, 20),
        20,
        brg,
        true,
        10_000,
        0,
        "ferry");
    ShipSim ghost = new ShipSim(FERRY, false, sp + 30 * MIN, 59.62, 24.065, 0, 3, 6);
    ghost.leg(HOUR, 3, 2, true, 30_000, 0, "spoof");
    expected.add(
        new Expectation(
            "spoof",
            AlertKind.SPOOFING,
            FERRY,
            Optional.of("Balticconnector"),
            ghost.steps().stream()
                .filter(ShipSim.Step::transmitted)
                .findFirst()
                .orElseThrow()
                .timeMillis(),
            "ferry MMSI transmitted from a ghost on Balticconnector"));
    return new ShipSim[] {ferry, ghost};
  }

  /** Two merchant ships and a yacht. */
  private static ShipSim[] background(long startMillis) {
    // Background traffic that must stay quiet.
    ShipSim bg1 = new ShipSim(BACKGROUND_1, false, startMillis, 59.9, 23.0, 90, 12, 7);
    bg1.leg(11 * HOUR, 12, 90, true, 10_000, 0, "background");
    ShipSim bg2 = new ShipSim(BACKGROUND_2, false, startMillis, 58.2, 19.8, 180, 13, 8);
    bg2.leg(12 * HOUR, 13, 180, true, 10_000, 0, "background");
    ShipSim yacht = new ShipSim(YACHT, true, startMillis, 59.75, 23.2, 20, 6, 9);
    yacht.leg(6 * HOUR, 6, 20, true, 30_000, 15, "background");
    return new ShipSim[] {bg1, bg2, yacht};
  }

  /** Every ship's sentences, in time order. */
  private static List<ScenarioSet.Line> lines(
      ShipSim warn,
      ShipSim eagle,
      ShipSim yi,
      ShipSim a,
      ShipSim b,
      ShipSim ferry,
      ShipSim ghost,
      ShipSim bg1,
      ShipSim bg2,
      ShipSim yacht) {
    List<ScenarioSet.Line> lines = new ArrayList<>();
    AivdmEncoder enc = new AivdmEncoder();
    // Everyone keeps reporting until the last scenario ends, so that no ship "goes dark" at the end
    // of the file.
    long end = 0;
    for (ShipSim x : List.of(warn, eagle, yi, a, b, ferry, ghost, bg1, bg2, yacht)) {
      end = Math.max(end, x.time());
    }
    tail(eagle, end, false);
    tail(warn, end, false);
    tail(a, end, false);
    tail(b, end, false);
    tail(ferry, end, true);
    tail(bg1, end, false);
    tail(bg2, end, false);
    tail(yacht, end, false);
    emit(enc, eagle, lines, 0, "SCENARIO EAGLE", "V4EA1", 9000001, 80, 228, 32, 10.4, "PORT SAID");
    emit(enc, warn, lines, 0, "SCENARIO EAGLE W", "V4EA2", 9000008, 80, 228, 32, 10.4, "PORT SAID");
    emit(enc, yi, lines, 0, "SCENARIO YIPENG", "BYP3", 9000002, 70, 225, 32, 9.5, "PORT SAID");
    emit(enc, a, lines, 0, "SCENARIO TANKER A", "UATA", 9000003, 80, 183, 32, 11.0, "");
    emit(enc, b, lines, 0, "SCENARIO TANKER B", "D6TB", 9000004, 80, 183, 32, 11.0, "");
    emit(enc, ferry, lines, 0, "SCENARIO FERRY", "OJFE", 9000005, 60, 212, 30, 7.0, "TALLINN");
    emit(enc, ghost, lines, -1, "", "", 0, 0, 0, 0, 0, "");
    emit(enc, bg1, lines, 0, "BACKGROUND ONE", "SBG1", 9000006, 70, 140, 22, 7.5, "ST PETERSBURG");
    emit(enc, bg2, lines, 0, "BACKGROUND TWO", "LBG2", 9000007, 80, 180, 30, 9.0, "GDANSK");
    emit(enc, yacht, lines, 1, "YACHT BULWARK", "PBY1", 0, 37, 12, 4, 0, "");

    lines.sort(Comparator.comparingLong(ScenarioSet.Line::timeMillis));
    return lines;
  }

  /**
   * Extends a ship to {@code end}: on at its speed and course, or stopped and moored reporting
   * every 3 min.
   */
  private static void tail(ShipSim s, long end, boolean moor) {
    long left = end - s.time();
    if (left <= 0) {
      return;
    }
    if (moor) {
      s.leg(Math.min(left, 5 * MIN), 0, s.cog(), true, 10_000, 0, "tail");
      if (end - s.time() > 0) {
        s.leg(end - s.time(), 0, s.cog(), true, 180_000, 5, "tail");
      }
    } else {
      s.leg(left, s.sog(), s.cog(), true, s.classB ? 30_000 : 10_000, s.classB ? 15 : 0, "tail");
    }
  }

  private static void rendezvousLegs(ShipSim s, double cogIn, double kn, double cogOut) {
    s.leg(50 * MIN, kn, cogIn, true, 10_000, 0, "approach");
    // Both drift together with wind and current (same course), so they stay side by side.
    s.leg(10 * MIN, 0.3, 45, true, 10_000, 0, "slow");
    s.leg(150 * MIN, 0.3, 45, true, 10_000, 0, "meet");
    s.leg(10 * MIN, kn, cogOut, true, 10_000, 0, "depart");
    s.leg(40 * MIN, kn, cogOut, true, 10_000, 0, "depart");
  }

  private static ShipSim.Step stopOf(ShipSim s) {
    return s.steps().stream().filter(x -> x.tag().equals("meet")).findFirst().orElseThrow();
  }

  private static long hoursFor(double km, double kn) {
    return (long) (km / (kn * KN_KMH) * HOUR);
  }

  /** First transmitted step matching {@code when} inside the named asset's corridor. */
  static long firstInCorridor(
      ShipSim s, InfrastructureLayer layer, String assetName, Predicate<ShipSim.Step> when) {
    Asset asset =
        layer
            .find(assetName)
            .orElseThrow(() -> new IllegalArgumentException("no asset " + assetName));
    for (ShipSim.Step st : s.steps()) {
      if (!st.transmitted() || !when.test(st)) {
        continue;
      }
      boolean in =
          layer.near(st.lat(), st.lon(), asset.halfWidthM()).stream()
              .anyMatch(h -> h.asset() == asset);
      if (in) {
        return st.timeMillis();
      }
    }
    throw new IllegalStateException("scenario never enters the " + assetName + " corridor");
  }

  /** First step at which both ships are under 2 kn and within 500 m. */
  static long meetingOnset(ShipSim a, ShipSim b) {
    List<ShipSim.Step> sa = a.steps();
    List<ShipSim.Step> sb = b.steps();
    for (int i = 0; i < Math.min(sa.size(), sb.size()); i++) {
      ShipSim.Step x = sa.get(i);
      ShipSim.Step y = sb.get(i);
      if (x.sogKn() < 2
          && y.sogKn() < 2
          && Geo.haversineM(x.lat(), x.lon(), y.lat(), y.lon()) <= 500) {
        return x.timeMillis();
      }
    }
    throw new IllegalStateException("the tankers never meet");
  }

  /**
   * Writes a ship's transmitted steps as sentences; static data (type 5, or type 24 when {@code
   * staticKind} is 1) every 6 minutes; {@code staticKind} -1 sends none.
   */
  private static void emit(
      AivdmEncoder enc,
      ShipSim s,
      List<ScenarioSet.Line> out,
      int staticKind,
      String name,
      String callSign,
      int imo,
      int shipType,
      int length,
      int beam,
      double draught,
      String destination) {
    long lastStatic = Long.MIN_VALUE;
    for (ShipSim.Step st : s.steps()) {
      if (!st.transmitted()) {
        continue;
      }
      long sec = st.timeMillis() / 1000;
      String tag = AivdmEncoder.tagBlock(sec);
      List<String> sentences =
          s.classB
              ? enc.type18(
                  s.mmsi,
                  st.lat(),
                  st.lon(),
                  st.sogKn(),
                  st.cogDeg(),
                  st.heading(),
                  (int) (sec % 60))
              : enc.type1(
                  s.mmsi,
                  st.navStatus(),
                  st.lat(),
                  st.lon(),
                  st.sogKn(),
                  st.cogDeg(),
                  st.heading(),
                  (int) (sec % 60));
      for (String x : sentences) {
        out.add(new ScenarioSet.Line(st.timeMillis(), tag + x));
      }
      if (staticKind >= 0
          && (lastStatic == Long.MIN_VALUE || st.timeMillis() - lastStatic >= 6 * MIN)) {
        lastStatic = st.timeMillis();
        List<String> st5 =
            staticKind == 0
                ? enc.type5(
                    s.mmsi, imo, callSign, name, shipType, length, beam, draught, destination)
                : concat(
                    enc.type24a(s.mmsi, name),
                    enc.type24b(s.mmsi, shipType, callSign, length, beam));
        for (String x : st5) {
          out.add(new ScenarioSet.Line(st.timeMillis(), tag + x));
        }
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
