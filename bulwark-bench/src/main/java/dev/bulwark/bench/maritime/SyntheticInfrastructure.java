package dev.bulwark.bench.maritime;

import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Asset;
import dev.bulwark.maritime.infra.AssetKind;
import dev.bulwark.maritime.infra.Criticality;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A dense synthetic infrastructure layer over the Danish capture's area (54.1-58.0 N, 7.5-16.2 E):
 * {@code cables} random-walk cables of {@code segmentsPerCable} segments of 3-6 km each, corridor 1
 * km. 500 x 20 = 10,000 segments, about 45,000 km of cable: far denser than any real sea, so that
 * many reports fall inside a corridor and the detectors do real work. Deterministic for a seed.
 */
public final class SyntheticInfrastructure {

  private SyntheticInfrastructure() {}

  public static InfrastructureLayer layer(int cables, int segmentsPerCable, long seed) {
    Random r = new Random(seed);
    GeometryFactory gf = new GeometryFactory();
    List<Asset> assets = new ArrayList<>(cables);
    for (int c = 0; c < cables; c++) {
      double lat = 54.1 + r.nextDouble() * 3.9;
      double lon = 7.5 + r.nextDouble() * 8.7;
      double bearing = r.nextDouble() * 360;
      Coordinate[] pts = new Coordinate[segmentsPerCable + 1];
      pts[0] = new Coordinate(lon, lat);
      for (int s = 1; s <= segmentsPerCable; s++) {
        bearing += r.nextGaussian() * 15;
        double[] next = Geo.destination(lat, lon, bearing, 3_000 + r.nextDouble() * 3_000);
        lat = next[0];
        lon = next[1];
        pts[s] = new Coordinate(lon, lat);
      }
      assets.add(
          new Asset(
              "synthetic-" + c,
              "Synthetic " + c,
              c % 3 == 0 ? AssetKind.PIPELINE : AssetKind.TELECOM_CABLE,
              1000,
              Criticality.HIGH,
              gf.createLineString(pts),
              Map.of()));
    }
    return new InfrastructureLayer(assets);
  }
}
