package dev.bulwark.maritime.scenario;

import dev.bulwark.maritime.geo.Geo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Moves one synthetic ship along legs (speed ramps, course changes, AIS on or off) in 10-second
 * steps and records every step, transmitted or not, so that scenarios can both emit the reports and
 * compute when their behaviour began. Not thread-safe.
 */
final class ShipSim {

  /** One simulated instant. */
  record Step(
      long timeMillis,
      double lat,
      double lon,
      double sogKn,
      double cogDeg,
      int heading,
      int navStatus,
      boolean transmitted,
      String tag) {}

  static final long STEP_MS = 10_000L;

  final int mmsi;
  final boolean classB;
  private final Random random;
  private final List<Step> steps = new ArrayList<>();
  private long time;
  private double lat;
  private double lon;
  private double cog;
  private double sog;
  private long lastTx = Long.MIN_VALUE;

  ShipSim(
      int mmsi,
      boolean classB,
      long start,
      double lat,
      double lon,
      double cog,
      double sog,
      long seed) {
    this.mmsi = mmsi;
    this.classB = classB;
    this.time = start;
    this.lat = lat;
    this.lon = lon;
    this.cog = cog;
    this.sog = sog;
    this.random = new Random(seed);
  }

  /**
   * Sails for a duration, speed ramping linearly to {@code sogEnd}, course turning at a steady rate
   * to {@code cogEnd} (shortest way unless {@code turnRight} forces the side), reporting every
   * {@code intervalMs} when {@code transmit}.
   */
  ShipSim leg(
      long durationMs,
      double sogEnd,
      double cogEnd,
      boolean transmit,
      long intervalMs,
      int navStatus,
      String tag) {
    long n = Math.max(1, durationMs / STEP_MS);
    double sog0 = sog;
    double turn = Geo.signedTurnDeg(cog, cogEnd);
    double cog0 = cog;
    for (long i = 1; i <= n; i++) {
      double f = (double) i / n;
      sog = sog0 + (sogEnd - sog0) * f;
      cog = Geo.normalizeDeg(cog0 + turn * f);
      double[] next = Geo.destination(lat, lon, cog, sog * Geo.MPS_PER_KNOT * STEP_MS / 1000.0);
      lat = next[0];
      lon = next[1];
      time += STEP_MS;
      boolean tx = transmit && (lastTx == Long.MIN_VALUE || time - lastTx >= intervalMs);
      if (tx) {
        lastTx = time;
      }
      double noisySog = Math.max(0, sog + random.nextGaussian() * 0.1);
      double noisyCog = Geo.normalizeDeg(cog + random.nextGaussian() * (sog < 2 ? 8 : 1.2));
      int heading = (int) Math.round(Geo.normalizeDeg(cog + random.nextGaussian() * 1.5)) % 360;
      steps.add(
          new Step(
              time,
              lat,
              lon,
              Math.round(noisySog * 10) / 10.0,
              Math.round(noisyCog * 10) / 10.0 % 360,
              heading,
              navStatus,
              tx,
              tag));
    }
    return this;
  }

  /** Steers straight for a position at the current speed (for at most {@code maxMs}). */
  double bearingTo(double toLat, double toLon) {
    return Geo.bearingDeg(lat, lon, toLat, toLon);
  }

  double sog() {
    return sog;
  }

  double cog() {
    return cog;
  }

  List<Step> steps() {
    return steps;
  }

  long time() {
    return time;
  }

  double lat() {
    return lat;
  }

  double lon() {
    return lon;
  }
}
