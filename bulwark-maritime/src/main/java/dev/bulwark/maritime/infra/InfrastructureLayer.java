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
 * <p>Lines are split into their segments, and every segment (and every area) becomes a piece with
 * an id (ids run asset by asset) and a box in degrees, held in flat arrays. Neighbourhood queries
 * go to a uniform grid over the boxes ({@link PieceGrid}): the query box is the radius in degrees
 * of latitude and of longitude at the query's latitude; exact distances are then measured in metres
 * in a local frame ({@link Geo}), so results are right at 60 N where a degree of longitude is 55
 * km, not 111. The rare "which assets did this straight path cross?" question still goes to a JTS
 * STRtree. Immutable once built and thread-safe (both indexes are built eagerly in the
 * constructor).
 */
public final class InfrastructureLayer {

  /** Cell height of the piece grid, degrees of latitude (about 11 km; see {@link PieceGrid}). */
  static final double GRID_STEP_DEG = 0.1;

  private final List<Asset> assets;

  /** The same assets as an array, and per asset whether it is an anchorage or port. */
  private final Asset[] assetArray;

  private final boolean[] safeHaven;

  /** For "crossed while dark" (rare): kept so its answers keep their order. */
  private final STRtree tree;

  private final PieceGrid grid;
  private final GeometryFactory factory = new GeometryFactory();

  /** Per piece, by id (ids run asset by asset): the piece, its asset, whether it is an area. */
  private final Piece[] pieceArray;

  private final int[] pieceAsset;
  private final boolean[] pieceIsArea;

  /** Per piece: min lat, max lat, min lon, max lon (the grid's boxes, shared). */
  private final double[] boxes;

  /** Per segment: end A lat, lon, end B lat, lon (zeros for areas). */
  private final double[] ends;

  private final double maxHalfWidthM;

  /** Builds the layer and its indexes. */
  public InfrastructureLayer(List<Asset> assets) {
    this.assets = List.copyOf(assets);
    this.assetArray = this.assets.toArray(new Asset[0]);
    this.safeHaven = new boolean[assetArray.length];
    this.tree = new STRtree();
    List<Piece> list = new ArrayList<>();
    for (int i = 0; i < assetArray.length; i++) {
      safeHaven[i] = assetArray[i].kind().isSafeHaven();
      Geometry g = assetArray[i].geometry();
      for (int k = 0; k < g.getNumGeometries(); k++) {
        Geometry part = g.getGeometryN(k);
        if (part instanceof LineString ls) {
          Coordinate[] c = ls.getCoordinates();
          for (int j = 0; j + 1 < c.length; j++) {
            Piece p = new Piece(i, c[j].y, c[j].x, c[j + 1].y, c[j + 1].x);
            tree.insert(new Envelope(c[j].x, c[j + 1].x, c[j].y, c[j + 1].y), p);
            list.add(p);
          }
        } else if (part instanceof Polygon poly) {
          Coordinate[] c = poly.getExteriorRing().getCoordinates();
          double[] ring = new double[c.length * 2];
          for (int j = 0; j < c.length; j++) {
            ring[2 * j] = c[j].y;
            ring[2 * j + 1] = c[j].x;
          }
          Piece p = new Piece(i, PreparedGeometryFactory.prepare(poly), ring);
          tree.insert(poly.getEnvelopeInternal(), p);
          list.add(p);
        }
      }
    }
    int n = list.size();
    this.pieceArray = list.toArray(new Piece[0]);
    this.pieceAsset = new int[n];
    this.pieceIsArea = new boolean[n];
    this.boxes = new double[4 * n];
    this.ends = new double[4 * n];
    for (int id = 0; id < n; id++) {
      Piece p = pieceArray[id];
      pieceAsset[id] = p.asset;
      pieceIsArea[id] = p.area != null;
      boxes[4 * id] = p.minLat;
      boxes[4 * id + 1] = p.maxLat;
      boxes[4 * id + 2] = p.minLon;
      boxes[4 * id + 3] = p.maxLon;
      ends[4 * id] = p.aLat;
      ends[4 * id + 1] = p.aLon;
      ends[4 * id + 2] = p.bLat;
      ends[4 * id + 3] = p.bLon;
    }
    this.grid = new PieceGrid(boxes, GRID_STEP_DEG);
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
    return pieceArray.length;
  }

  Asset asset(int i) {
    return assetArray[i];
  }

  boolean isSafeHaven(int asset) {
    return safeHaven[asset];
  }

  Piece piece(int id) {
    return pieceArray[id];
  }

  int pieceAsset(int id) {
    return pieceAsset[id];
  }

  boolean pieceIsArea(int id) {
    return pieceIsArea[id];
  }

  double[] boxes() {
    return boxes;
  }

  double[] ends() {
    return ends;
  }

  PieceGrid grid() {
    return grid;
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
    return new Neighbourhood(
        this, lat, lon, radiusM, grid.query(lat - dLat, lat + dLat, lon - dLon, lon + dLon));
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
    LineString path =
        factory.createLineString(
            new Coordinate[] {new Coordinate(lon1, lat1), new Coordinate(lon2, lat2)});
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

  /**
   * The first cable or pipeline (lines only: no areas, anchorages or ports) that a straight path
   * crosses, nearest to its start, with the crossing point: where a dead-reckoned track will reach
   * infrastructure. Measured in a local flat frame around the start (good to a few tenths of a per
   * cent over 100 km at Baltic latitudes).
   */
  public Optional<Crossing> firstCrossing(double lat1, double lon1, double lat2, double lon2) {
    double mx = Geo.mPerDegLon(lat1);
    double my = Geo.M_PER_DEG_LAT;
    double rx = (lon2 - lon1) * mx;
    double ry = (lat2 - lat1) * my;
    @SuppressWarnings("unchecked")
    List<Piece> found =
        tree.query(new Envelope(Math.min(lon1, lon2), Math.max(lon1, lon2), lat1, lat2));
    double best = Double.POSITIVE_INFINITY;
    Piece hit = null;
    for (Piece p : found) {
      if (p.area != null || assetArray[p.asset].isArea() || safeHaven[p.asset]) {
        continue;
      }
      double ax = (p.aLon - lon1) * mx;
      double ay = (p.aLat - lat1) * my;
      double sx = (p.bLon - p.aLon) * mx;
      double sy = (p.bLat - p.aLat) * my;
      double den = rx * sy - ry * sx;
      if (den == 0) {
        continue;
      }
      // Path point t in [0,1] and segment point u in [0,1] meet (2-D line intersection).
      double t = (ax * sy - ay * sx) / den;
      double u = (ax * ry - ay * rx) / den;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1 && t < best) {
        best = t;
        hit = p;
      }
    }
    if (hit == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Crossing(
            assetArray[hit.asset],
            lat1 + (lat2 - lat1) * best,
            lon1 + (lon2 - lon1) * best,
            best * Math.hypot(rx, ry)));
  }
}
