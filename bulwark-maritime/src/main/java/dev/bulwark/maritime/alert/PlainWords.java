package dev.bulwark.maritime.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert's evidence as a duty officer reads it: what was seen, when, where, and against which
 * threshold, in words with units ("Speed fell from 9.5 to 6.2 kn, 35 % below its cruise speed
 * (alert from 15 %) ..."), for every {@link AlertKind}. Built from the evidence parameters the
 * detectors write (their names are the contract between the two); a clause whose parameters are
 * missing is left out rather than guessed. The one writer of this text for the API, the console and
 * the exports.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainWords {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("d MMM HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private PlainWords() {}

  /**
   * The evidence in words.
   *
   * @param kind what was detected
   * @param p the evidence parameters (as the detectors name them)
   * @param assetName the infrastructure concerned, or ""
   * @param start track time the behaviour began, or null
   * @param end track time of the latest evidence, or null
   * @param lat latitude of the latest position, or NaN
   * @param lon longitude of the latest position, or NaN
   * @return one or two sentences, ending with when and where
   */
  public static String evidence(
      AlertKind kind,
      Map<String, String> p,
      String assetName,
      Instant start,
      Instant end,
      double lat,
      double lon) {
    String asset = assetName == null || assetName.isEmpty() ? "the asset" : assetName;
    String what =
        switch (kind) {
          case ANCHOR_DRAG -> anchorDrag(p, asset);
          case LOITERING -> loitering(p, asset);
          case GOING_DARK -> goingDark(p);
          case SPOOFING -> spoofing(p);
          case ENCOUNTER -> encounter(p, asset, assetName != null && !assetName.isEmpty());
          case WATCHLIST -> watchlist(p, asset);
          case IDENTITY_CHANGE -> identity(p, asset);
          case DRIFTING -> drifting(p, asset, assetName != null && !assetName.isEmpty());
        };
    return what + whenWhere(start, end, lat, lon);
  }

  private static String anchorDrag(Map<String, String> p, String asset) {
    double cruise = num(p, "cruise_sog_kn");
    double slow = num(p, "slow_sog_kn");
    if (Double.isNaN(slow)) {
      slow = num(p, "mean_sog_kn");
    }
    StringBuilder s = new StringBuilder();
    if (!Double.isNaN(cruise) && !Double.isNaN(slow) && cruise > 0) {
      s.append(
          f(
              "Speed fell from %.1f to %.1f kn, %.0f %% below its cruise speed",
              cruise, slow, (1 - slow / cruise) * 100));
      double minDrop = num(p, "min_drop_pct");
      if (Double.isNaN(minDrop) && !Double.isNaN(num(p, "min_drop"))) {
        minDrop = num(p, "min_drop") * 100;
      }
      if (!Double.isNaN(minDrop)) {
        s.append(f(" (alert from %.0f %%)", minDrop));
      }
    } else if (!Double.isNaN(slow)) {
      s.append(f("Slow at %.1f kn", slow));
    } else {
      s.append("Slowed down");
    }
    if (p.containsKey("band_kn")) {
      s.append(", within the ").append(p.get("band_kn")).append(" kn band of a dragging anchor");
    }
    double minutesSlow = num(p, "minutes_slow");
    if (!Double.isNaN(minutesSlow)) {
      s.append(f(", for %.0f min", minutesSlow));
    }
    double inCorridorM = num(p, "distance_to_asset_m");
    double minutesIn = num(p, "minutes_in_corridor");
    if (!Double.isNaN(inCorridorM) && (p.containsKey("in_corridor") || !Double.isNaN(minutesIn))) {
      s.append(f(", %s from %s", km(inCorridorM), asset));
      if (!Double.isNaN(minutesIn)) {
        s.append(f(", in its corridor for %.0f min", minutesIn));
      }
      if ("true".equals(p.get("at_anchor_status"))) {
        s.append(", reporting \"at anchor\"");
      }
      s.append('.');
      if (p.containsKey("predicted_asset")) {
        s.append(" Warned at the onset: heading for ").append(p.get("predicted_asset"));
        if (p.containsKey("first_predicted_eta")) {
          s.append(", first predicted crossing ").append(clock(p.get("first_predicted_eta")));
        }
        s.append('.');
      }
      return s.toString();
    }
    if (p.containsKey("predicted_asset")) {
      s.append(", holding ").append(p.getOrDefault("track_bearing_deg", "?")).append("°");
      s.append(": on this course it crosses ").append(p.get("predicted_asset"));
      double km = num(p, "distance_to_crossing_km");
      if (!Double.isNaN(km)) {
        s.append(f(" in %.1f km", km));
      }
      if (p.containsKey("predicted_eta")) {
        s.append(", about ").append(clock(p.get("predicted_eta")));
      }
      if (p.containsKey("predicted_crossing_lat") && p.containsKey("predicted_crossing_lon")) {
        s.append(
            f(
                " at %s",
                position(num(p, "predicted_crossing_lat"), num(p, "predicted_crossing_lon"))));
      }
    }
    return s.append('.').toString();
  }

  private static String loitering(Map<String, String> p, String asset) {
    StringBuilder s = new StringBuilder();
    double mean = num(p, "mean_sog_kn");
    s.append(Double.isNaN(mean) ? "Slow" : f("Averaged %.1f kn", mean));
    if (p.containsKey("max_mean_kn")) {
      s.append(f(" (alert under %s kn)", p.get("max_mean_kn")));
    }
    double minutes = num(p, "minutes_in_corridor");
    s.append(Double.isNaN(minutes) ? "" : f(" for %.0f min", minutes));
    s.append(" in the corridor of ").append(asset);
    if (p.containsKey("min_duration_min")) {
      s.append(f(" (alert from %s min)", p.get("min_duration_min")));
    }
    double d = num(p, "distance_to_asset_m");
    if (!Double.isNaN(d)) {
      s.append(f(", %s from it", km(d)));
    }
    if ("true".equals(p.get("at_anchor_status"))) {
      s.append(", reporting \"at anchor\"");
    }
    return s.append('.').toString();
  }

  private static String goingDark(Map<String, String> p) {
    StringBuilder s = new StringBuilder();
    if (p.containsKey("silent_min") && !p.containsKey("gap_min")) {
      s.append(f("No AIS report for %s min", p.get("silent_min")));
      threshold(s, p, "min_gap_min", " (alert from %s min)");
      s.append(f(" since its last report near %s", p.getOrDefault("gap_started_near", "?")));
      return s.append('.').toString();
    }
    s.append(f("AIS silent for %s min", p.getOrDefault("gap_min", "?")));
    threshold(s, p, "min_gap_min", " (alert from %s min)");
    String from = p.getOrDefault("gap_started_near", "");
    String to = p.getOrDefault("gap_ended_near", "");
    if (!from.isEmpty()) {
      s.append(", went silent near ").append(from);
    }
    if (!to.isEmpty()) {
      s.append(from.isEmpty() ? ", " : " and ").append("reappeared near ").append(to);
    }
    double dev = num(p, "deviation_from_prediction_m");
    if (!Double.isNaN(dev)) {
      s.append(f(", %s from where its last course and speed would have taken it", km(dev)));
      double far = num(p, "far_threshold_m");
      if (!Double.isNaN(far)) {
        s.append(f(" (alert from %s)", km(far)));
      }
    }
    String crossed = p.getOrDefault("crossed_while_dark", "");
    if (!crossed.isEmpty()) {
      s.append(", crossed ").append(crossed.replace(";", ", ")).append(" while silent");
    }
    return s.append('.').toString();
  }

  private static String spoofing(Map<String, String> p) {
    StringBuilder s = new StringBuilder();
    s.append(f("Reported position jumped %s", km(num(p, "jump_m"))));
    if (p.containsKey("min_jump_m")) {
      s.append(f(" (alert from %s)", km(num(p, "min_jump_m"))));
    }
    s.append(f(", which would need %s kn", whole(num(p, "implied_kn"))));
    threshold(s, p, "max_kn", " (a ship does at most %s kn)");
    if (p.containsKey("track_position") && p.containsKey("ghost_position")) {
      s.append(": on its track at ")
          .append(latLon(p.get("track_position")))
          .append(", also reported at ")
          .append(latLon(p.get("ghost_position")));
    }
    double alternations = num(p, "alternations");
    if (alternations >= 2) {
      s.append(f("; in two places at once (%.0f switches back and forth)", alternations));
    }
    return s.append('.').toString();
  }

  private static String encounter(Map<String, String> p, String asset, boolean hasAsset) {
    StringBuilder s = new StringBuilder();
    s.append(
        f(
            "Within %s m of MMSI %s",
            whole(num(p, "distance_m")), p.getOrDefault("other_mmsi", "?")));
    if (p.containsKey("max_distance_m")) {
      s.append(f(" (alert within %s m)", whole(num(p, "max_distance_m"))));
    }
    s.append(f(" for %s min", p.getOrDefault("duration_min", "?")));
    threshold(s, p, "confirm_min", " (confirmed from %s min)");
    if (p.containsKey("sog_kn")) {
      s.append(", speeds ").append(p.get("sog_kn").replace("/", " and ")).append(" kn");
    }
    if (hasAsset) {
      s.append(", near ").append(asset);
    }
    return s.append('.').toString();
  }

  private static String watchlist(Map<String, String> p, String asset) {
    StringBuilder s = new StringBuilder("On the watch list");
    String reason = p.getOrDefault("reason", "");
    if (!reason.isEmpty()) {
      s.append(" (").append(reason).append(')');
    }
    List<String> as = new ArrayList<>();
    if (!p.getOrDefault("listed_name", "").isEmpty()) {
      as.add(p.get("listed_name"));
    }
    if (!"0".equals(p.getOrDefault("listed_imo", "0"))) {
      as.add("IMO " + p.get("listed_imo"));
    }
    if (!"0".equals(p.getOrDefault("listed_mmsi", "0"))) {
      as.add("MMSI " + p.get("listed_mmsi"));
    }
    if (!as.isEmpty()) {
      s.append(", listed as ").append(String.join(", ", as));
    }
    s.append(", inside the corridor of ").append(asset);
    double d = num(p, "distance_to_asset_m");
    if (!Double.isNaN(d)) {
      s.append(f(", %s from it", km(d)));
    }
    return s.append('.').toString();
  }

  private static String identity(Map<String, String> p, String asset) {
    List<String> changes = new ArrayList<>();
    for (String field : List.of("name", "call_sign", "imo", "mmsi", "flag")) {
      String v = p.get(field);
      if (v != null) {
        String[] ba = v.split(" -> ", 2);
        String label =
            switch (field) {
              case "call_sign" -> "call sign";
              case "imo", "mmsi" -> field.toUpperCase(Locale.ROOT);
              default -> field;
            };
        changes.add(ba.length == 2 ? label + " from " + ba[0] + " to " + ba[1] : label + " " + v);
      }
    }
    StringBuilder s = new StringBuilder("Changed ");
    s.append(changes.isEmpty() ? "its identity" : String.join(", ", changes));
    double d = num(p, "distance_to_asset_m");
    s.append(Double.isNaN(d) ? " near " + asset : f(", %s from %s", km(d), asset));
    return s.append('.').toString();
  }

  private static String drifting(Map<String, String> p, String asset, boolean hasAsset) {
    StringBuilder s = new StringBuilder("Drifting");
    double mean = num(p, "mean_sog_kn");
    if (!Double.isNaN(mean)) {
      s.append(f(" at %.1f kn", mean));
    }
    if (p.containsKey("band_kn")) {
      s.append(" (alert in ").append(p.get("band_kn")).append(" kn)");
    }
    double diff = num(p, "mean_heading_course_diff_deg");
    if (!Double.isNaN(diff)) {
      s.append(f(", heading and course %.0f° apart", diff));
      threshold(s, p, "min_diff_deg", " (alert from %s°)");
    }
    if ("true".equals(p.get("not_under_command_status"))) {
      s.append(", reporting \"not under command\"");
    }
    if (hasAsset) {
      s.append(", near ").append(asset);
    }
    return s.append('.').toString();
  }

  private static String whenWhere(Instant start, Instant end, double lat, double lon) {
    StringBuilder s = new StringBuilder();
    if (start != null && end != null) {
      s.append(" Seen ")
          .append(CLOCK.format(start))
          .append(start.equals(end) ? "" : " to " + CLOCK.format(end))
          .append(" (track time)");
    }
    if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
      s.append(s.length() == 0 ? " Last position " : ", last at ").append(position(lat, lon));
    }
    return s.length() == 0 ? "" : s.append('.').toString();
  }

  private static void threshold(StringBuilder s, Map<String, String> p, String key, String fmt) {
    double v = num(p, key);
    if (!Double.isNaN(v)) {
      s.append(f(fmt, v == Math.rint(v) ? Long.toString((long) v) : one(v)));
    }
  }

  private static String clock(String iso) {
    try {
      return CLOCK.format(Instant.parse(iso)) + " (track time)";
    } catch (RuntimeException e) {
      return iso;
    }
  }

  private static String latLon(String commaPair) {
    String[] ll = commaPair.split(",", 2);
    return ll.length == 2 ? position(parse(ll[0]), parse(ll[1])) : commaPair;
  }

  /** "57.123 N 20.456 E": three decimals (about 100 m). */
  static String position(double lat, double lon) {
    return f(
        "%.3f %s %.3f %s", Math.abs(lat), lat < 0 ? "S" : "N", Math.abs(lon), lon < 0 ? "W" : "E");
  }

  /** Metres under 1 km, else kilometres with one decimal. */
  static String km(double m) {
    if (Double.isNaN(m)) {
      return "? km";
    }
    return m < 1000 ? f("%.0f m", m) : f("%.1f km", m / 1000);
  }

  private static String one(double d) {
    return Double.isNaN(d) ? "?" : f("%.1f", d);
  }

  private static String whole(double d) {
    return Double.isNaN(d) ? "?" : f("%.0f", d);
  }

  private static double num(Map<String, String> p, String key) {
    String v = p.get(key);
    return v == null ? Double.NaN : parse(v);
  }

  private static double parse(String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String f(String fmt, Object... args) {
    return String.format(Locale.ROOT, fmt, args);
  }
}
