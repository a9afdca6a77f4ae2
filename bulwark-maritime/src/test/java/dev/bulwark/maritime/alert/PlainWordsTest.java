package dev.bulwark.maritime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every alert kind's evidence in words: what was seen, against which threshold, when and where. The
 * parameter names are the ones the detectors write (see each detector's evidence map); {@code
 * PlainWordsScenarioTest} checks the same on alerts the engine really raised.
 */
class PlainWordsTest {

  static final Instant START = Instant.parse("2024-12-25T08:02:00Z");
  static final Instant END = Instant.parse("2024-12-25T08:17:00Z");

  static Map<String, String> p(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static String words(AlertKind k, Map<String, String> p, String asset) {
    return PlainWords.evidence(k, p, asset, START, END, 59.95, 25.2);
  }

  @Test
  void theEarlyWarningSaysTheDropItsThresholdTheCableTheDistanceAndTheEta() {
    String s =
        words(
            AlertKind.ANCHOR_DRAG,
            p(
                "cruise_sog_kn", "9.50",
                "slow_sog_kn", "6.20",
                "drop_pct", "35",
                "min_drop_pct", "15",
                "track_bearing_deg", "268",
                "minutes_slow", "6",
                "predicted_asset", "Estlink 2",
                "first_predicted_eta", "2024-12-25T17:30:00Z",
                "predicted_crossing_lat", "59.9500",
                "predicted_crossing_lon", "24.6000",
                "distance_to_crossing_km", "61.3",
                "predicted_eta", "2024-12-25T17:31:00Z"),
            "Estlink 2");
    assertThat(s)
        .isEqualTo(
            "Speed fell from 9.5 to 6.2 kn, 35 % below its cruise speed (alert from 15 %), for 6"
                + " min, holding 268°: on this course it crosses Estlink 2 in 61.3 km, about 25 Dec"
                + " 17:31Z (track time) at 59.950 N 24.600 E. Seen 25 Dec 08:02Z to 25 Dec 08:17Z"
                + " (track time), last at 59.950 N 25.200 E.");
  }

  @Test
  void theInCorridorDragSaysHowFarFromTheCableAndForHowLong() {
    String s =
        words(
            AlertKind.ANCHOR_DRAG,
            p(
                "mean_sog_kn", "6.20",
                "band_kn", "2.0-9.0",
                "cruise_sog_kn", "9.50",
                "drop", "0.35",
                "min_drop", "0.25",
                "at_anchor_status", "false",
                "net_turn_1h_deg", "4.00",
                "distance_to_asset_m", "1300.00",
                "minutes_in_corridor", "15"),
            "Estlink 2");
    assertThat(s)
        .startsWith(
            "Speed fell from 9.5 to 6.2 kn, 35 % below its cruise speed (alert from 25 %), within"
                + " the 2.0-9.0 kn band of a dragging anchor, 1.3 km from Estlink 2, in its corridor"
                + " for 15 min.")
        .endsWith("Seen 25 Dec 08:02Z to 25 Dec 08:17Z (track time), last at 59.950 N 25.200 E.");
  }

  @Test
  void aWarningThatEnteredTheCorridorSaysBothTheCorridorAndTheEarlierPrediction() {
    String s =
        words(
            AlertKind.ANCHOR_DRAG,
            p(
                "cruise_sog_kn", "9.50",
                "slow_sog_kn", "6.10",
                "min_drop_pct", "15",
                "minutes_slow", "95",
                "predicted_asset", "Estlink 2",
                "first_predicted_eta", "2024-12-25T17:30:00Z",
                "distance_to_asset_m", "420.00",
                "in_corridor", "true"),
            "Estlink 2");
    assertThat(s)
        .contains(
            "for 95 min, 420 m from Estlink 2.",
            "Warned at the onset: heading for Estlink 2, first predicted crossing 25 Dec 17:30Z");
  }

  @Test
  void loitering() {
    assertThat(
            words(
                AlertKind.LOITERING,
                p(
                    "mean_sog_kn", "0.80",
                    "max_mean_kn", "2.0",
                    "minutes_in_corridor", "95",
                    "min_duration_min", "60",
                    "at_anchor_status", "true",
                    "distance_to_asset_m", "350.00"),
                "C-Lion1"))
        .startsWith(
            "Averaged 0.8 kn (alert under 2.0 kn) for 95 min in the corridor of C-Lion1 (alert"
                + " from 60 min), 350 m from it, reporting \"at anchor\". Seen ");
  }

  @Test
  void goingDarkAfterTheGapWithWhereItReappeared() {
    assertThat(
            words(
                AlertKind.GOING_DARK,
                p(
                    "gap_min", "185",
                    "min_gap_min", "30",
                    "dead_reckoned_run_m", "41000.00",
                    "deviation_from_prediction_m", "12500.00",
                    "far_threshold_m", "5000.00",
                    "crossed_while_dark", "C-Lion1;BCS East-West Interlink",
                    "gap_started_near", "C-Lion1",
                    "gap_ended_near", ""),
                "C-Lion1"))
        .startsWith(
            "AIS silent for 185 min (alert from 30 min), went silent near C-Lion1, 12.5 km from"
                + " where its last course and speed would have taken it (alert from 5.0 km), crossed"
                + " C-Lion1, BCS East-West Interlink while silent.");
  }

  @Test
  void goingDarkWhileStillSilent() {
    assertThat(
            words(
                AlertKind.GOING_DARK,
                p("silent_min", "42", "min_gap_min", "30", "gap_started_near", "C-Lion1"),
                "C-Lion1"))
        .startsWith(
            "No AIS report for 42 min (alert from 30 min) since its last report near C-Lion1.");
  }

  @Test
  void spoofing() {
    assertThat(
            words(
                AlertKind.SPOOFING,
                p(
                    "jump_m", "76000.00",
                    "min_jump_m", "10000.0",
                    "implied_kn", "2122.00",
                    "max_kn", "60.0",
                    "alternations", "3",
                    "ghost_position", "54.10000,10.20000",
                    "track_position", "55.00000,11.00000"),
                ""))
        .startsWith(
            "Reported position jumped 76.0 km (alert from 10.0 km), which would need 2122 kn (a"
                + " ship does at most 60 kn): on its track at 55.000 N 11.000 E, also reported at"
                + " 54.100 N 10.200 E; in two places at once (3 switches back and forth).");
  }

  @Test
  void encounter() {
    assertThat(
            words(
                AlertKind.ENCOUNTER,
                p(
                    "other_mmsi", "273000001",
                    "distance_m", "120.40",
                    "max_distance_m", "500.0",
                    "duration_min", "95",
                    "confirm_min", "120",
                    "sog_kn", "0.50/0.70"),
                "Balticconnector"))
        .startsWith(
            "Within 120 m of MMSI 273000001 (alert within 500 m) for 95 min (confirmed from 120"
                + " min), speeds 0.50 and 0.70 kn, near Balticconnector.");
  }

  @Test
  void watchlist() {
    assertThat(
            words(
                AlertKind.WATCHLIST,
                p(
                    "listed_mmsi", "518998840",
                    "listed_imo", "9329760",
                    "listed_name", "EAGLE S",
                    "reason", "Estlink 2 damage 2024",
                    "distance_to_asset_m", "800.00"),
                "Estlink 2"))
        .startsWith(
            "On the watch list (Estlink 2 damage 2024), listed as EAGLE S, IMO 9329760, MMSI"
                + " 518998840, inside the corridor of Estlink 2, 800 m from it.");
  }

  @Test
  void identityChange() {
    assertThat(
            words(
                AlertKind.IDENTITY_CHANGE,
                p(
                    "name", "SHADOW -> SUNRISE",
                    "mmsi", "273000001 -> 620000001",
                    "flag", "RUS -> COM",
                    "distance_to_asset_m", "2500.00"),
                "Estlink 2"))
        .startsWith(
            "Changed name from SHADOW to SUNRISE, MMSI from 273000001 to 620000001, flag from RUS"
                + " to COM, 2.5 km from Estlink 2.");
  }

  @Test
  void drifting() {
    assertThat(
            words(
                AlertKind.DRIFTING,
                p(
                    "mean_sog_kn", "1.20",
                    "band_kn", "0.3-3.0",
                    "mean_heading_course_diff_deg", "65.00",
                    "min_diff_deg", "45.0",
                    "not_under_command_status", "true"),
                ""))
        .startsWith(
            "Drifting at 1.2 kn (alert in 0.3-3.0 kn), heading and course 65° apart (alert from"
                + " 45°), reporting \"not under command\".");
  }

  @Test
  void missingParametersLeaveTheirClauseOutAndNoPlaceholderOrKeyNameAppears() {
    for (AlertKind k : AlertKind.values()) {
      String s = PlainWords.evidence(k, Map.of(), "", null, null, Double.NaN, Double.NaN);
      assertThat(s).as(k.slug()).isNotBlank().doesNotContain("_").doesNotContain("null");
    }
  }
}
