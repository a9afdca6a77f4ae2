package dev.bulwark.maritime.alert;

import dev.bulwark.maritime.track.Track;
import java.util.Locale;

/** Writes part of a track as a GeoJSON Feature for alert evidence. Stateless, thread-safe. */
public final class TrackSnippets {

  /** Most points written; longer snippets are strided (key points always kept). */
  public static final int MAX_POINTS = 240;

  private TrackSnippets() {}

  /** The points of {@code track} in [from, to] as a GeoJSON Feature with a LineString. */
  public static String geoJson(int mmsi, Track track, long fromMillis, long toMillis) {
    int a = track.indexAtOrAfter(fromMillis);
    int b = track.indexAtOrAfter(toMillis + 1);
    int n = b - a;
    int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    StringBuilder coords = new StringBuilder(64 + n * 24);
    StringBuilder times = new StringBuilder(n * 11);
    StringBuilder sogs = new StringBuilder(n * 5);
    int written = 0;
    for (int i = a; i < b; i++) {
      if (stride > 1 && (i - a) % stride != 0 && !track.isKey(i) && i != b - 1) {
        continue;
      }
      if (written++ > 0) {
        coords.append(',');
        times.append(',');
        sogs.append(',');
      }
      coords
          .append('[')
          .append(String.format(Locale.ROOT, "%.5f,%.5f", track.lon(i), track.lat(i)))
          .append(']');
      times.append(track.time(i) / 1000);
      double s = track.sog(i);
      sogs.append(Double.isNaN(s) ? "null" : String.format(Locale.ROOT, "%.1f", s));
    }
    String geometry =
        written >= 2
            ? "{\"type\":\"LineString\",\"coordinates\":[" + coords + "]}"
            : written == 1 ? "{\"type\":\"Point\",\"coordinates\":" + coords + "}" : "null";
    return "{\"type\":\"Feature\",\"geometry\":"
        + geometry
        + ",\"properties\":{\"mmsi\":"
        + mmsi
        + ",\"times\":["
        + times
        + "],\"sog_kn\":["
        + sogs
        + "]}}";
  }
}
