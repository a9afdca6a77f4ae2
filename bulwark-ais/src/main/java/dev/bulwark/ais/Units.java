package dev.bulwark.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Scaling of raw ITU values, shared by the message records. Stateless. */
final class Units {
  private Units() {}

  /** Longitude "not available" in 1/10000 minute: 181 degrees. */
  static final int LON_NA = 181 * 600_000;

  /** Latitude "not available" in 1/10000 minute: 91 degrees. */
  static final int LAT_NA = 91 * 600_000;

  static boolean validPosition(int lon, int lat, double scale) {
    double x = lon / scale;
    double y = lat / scale;
    return x >= -180 && x <= 180 && y >= -90 && y <= 90;
  }

  static OptionalDouble tenths(int raw, int notAvailable) {
    return raw == notAvailable ? OptionalDouble.empty() : OptionalDouble.of(raw / 10.0);
  }

  static OptionalInt intOrEmpty(int raw, int notAvailable) {
    return raw == notAvailable ? OptionalInt.empty() : OptionalInt.of(raw);
  }
}
