package dev.bulwark.maritime.infra;

import dev.bulwark.maritime.geo.Geo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Undersea cables, pipelines, protected areas, anchorages and ports, indexed for "what is near this
 * ship?" questions.
 *
 * <p>Lines are split into their segments and every segment (and every area) goes into a JTS STRtree
 * keyed by its envelope in degrees. A query widens the envelope by the radius in degrees of latitude
 * and of longitude at the query's latitude, then measures exact distances in metres in a local frame
 * ({@link Geo}), so results are right at 60 N where a degree of longitude is 55 km, not 111.
 * Immutable once built and thread-safe (the STRtree is built eagerly in the constructor).
 */
public final class InfrastructureLayer {

  private final List<Asset> assets;
  private final STRtree tree;
  private final GeometryFactory factory = new GeometryFactory();
  private final int pieces;
  private final double maxHalfWidthM;

  /** Builds the layer and its index. */
  public InfrastructureLayer(List<Asset> assets) {
    this.assets = List.copyOf(assets);
    this.tree = new STRtree();
    int n = 0;
    for (int i = 0; i < this.assets.size(); i++) {
      Geometry g = this.assets.get(i).geometry();
      for (int k = 0; k < g.getNumGeometries(); k++) {
        Geometry part = g.getGeometryN(k);
        if (part instanceof LineString ls) {
          Coordinate[] c = ls.getCoordinates();
          for (int j = 0; j + 1 < c.length; j++) {
            Piece p = new Piece(i, c[j].y, c[j].x, c[j + 1].y, c[j + 1].x);
            tree.insert(new Envelope(c[j].x, c[j + 1].x, c[j].y, c[j + 1].y), p);
            n++;
          }
        } else if (part instanceof Polygon poly) {
          Coordinate[] c = poly.getExteriorRing().getCoordinates();
          double[] ring = new double[c.length * 2];
          for (int j = 0; j < c.length; j++) {
            ring[2 * j] = c[j].y;
            ring[2 * j + 1] = c[j].x;
          }
          tree.insert(poly.getEnvelopeInternal(), new Piece(i, PreparedGeometryFactory.prepare(poly), ring));
          n++;
        }
      }
    }
    this.pieces = n;
    this.maxHalfWidthM = this.assets.stream().mapToDouble(Asset::halfWidthM).max().orElse(0);
    tree.build();
  }

  /** An empty layer (detectors that need infrastructure stay silent). */
  public static InfrastructureLayer empty() {
    return new InfrastructureLayer(List.of());
  }

  /** All assets, in load order. */
  public List<Asset> assets() {
    return assets;
  }

  /** The widest half corridor of any asset, metres. */
  public double maxHalfWidthM() {
    return maxHalfWidthM;
  }

  /** Number of indexed pieces (line segments plus areas). */
  public int pieceCount() {
    return pieces;
  }

  Asset asset(int i) {
    return assets.get(i);
  }

  GeometryFactory factory() {
    return factory;
  }

  /** The asset with an id or a name (case-insensitive). */
  public Optional<Asset> find(String idOrName) {
    for (Asset a : assets) {
      if (a.id().equalsIgnoreCase(idOrName) || a.name().equalsIgnoreCase(idOrName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Fetches the pieces within a radius of a position, for repeated exact measurements. */
  public Neighbourhood neighbourhood(double lat, double lon, double radiusM) {
    double dLat = radiusM / Geo.M_PER_DEG_LAT;
    double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89.0, Math.abs(lat) + dLat))));
    double dLon = radiusM / (Geo.M_PER_DEG_LAT * cos);
    @SuppressWarnings("unchecked")
    List<Piece> found = tree.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat));
    return new Neighbourhood(this, lat, lon, radiusM, found.toArray(new Piece[0]));
  }

  /** The assets within a radius of a position, with their distances (one-off query). */
  public List<AssetHit> near(double lat, double lon, double radiusM) {
    Proximity p = new Proximity();
    neighbourhood(lat, lon, radiusM).measure(lat, lon, radiusM, p);
    return p.hits();
  }

  /**
   * The assets (not safe havens) whose geometry the straight path between two positions crosses,
   * for "crossed the cable while its AIS was off".
   */
  public List<Asset> crossedBy(double lat1, double lon1, double lat2, double lon2) {
    LineString path = factory.createLineString(new Coordinate[] {new Coordinate(lon1, lat1), new Coordinate(lon2, lat2)});
    @SuppressWarnings("unchecked")
    List<Piece> found = tree.query(path.getEnvelopeInternal());
    List<Asset> out = new ArrayList<>();
    for (Piece p : found) {
      Asset a = assets.get(p.asset);
      if (a.kind().isSafeHaven() || out.contains(a)) {
        continue;
      }
      if (a.geometry().intersects(path)) {
        out.add(a);
      }
    }
    return out;
  }
}
