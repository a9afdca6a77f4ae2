package dev.bulwark.maritime.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads infrastructure from a GeoJSON FeatureCollection (RFC 7946): LineString, MultiLineString,
 * Polygon and MultiPolygon features, with properties {@code name}, {@code kind} ("power-cable",
 * "telecom-cable", "gas-pipeline", "area", "anchorage", "port", ...), {@code corridor_m} (corridor
 * width in metres; default {@value #DEFAULT_CORRIDOR_M} for lines, 0 for areas) and {@code
 * criticality} ("low", "medium", "high"; default high). EMODnet and OpenStreetMap exports load the
 * same way once given a kind.
 *
 * <p>A feature that cannot be used (no geometry, unsupported type, coordinates out of range) is
 * skipped with a problem naming it and its position in the file; the other features still load.
 * Stateless and thread-safe.
 */
public final class GeoJsonInfrastructure {

  /**
   * Corridor width when a line feature gives none: 1 km, i.e. 500 m each side (a typical charted
   * cable protection zone).
   */
  public static final double DEFAULT_CORRIDOR_M = 1000;

  /** Classpath resource of the schematic Baltic layer shipped with Bulwark. */
  public static final String BALTIC_RESOURCE =
      "/dev/bulwark/maritime/infrastructure/baltic-schematic.geojson";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final GeometryFactory GF = new GeometryFactory();

  /**
   * The outcome of a load: the assets read and the problems met.
   *
   * @param assets usable features, in file order
   * @param problems one line per skipped feature
   */
  public record Load(List<Asset> assets, List<String> problems) {
    public Load {
      assets = List.copyOf(assets);
      problems = List.copyOf(problems);
    }

    /** The assets as an indexed layer. */
    public InfrastructureLayer layer() {
      return new InfrastructureLayer(assets);
    }
  }

  private GeoJsonInfrastructure() {}

  /**
   * Reads a file; throws {@link UncheckedIOException} when unreadable, {@link
   * IllegalArgumentException} when not GeoJSON.
   */
  public static Load read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The schematic Baltic layer shipped in this library (see its SOURCES.md for accuracy). */
  public static Load baltic() {
    try (InputStream in = GeoJsonInfrastructure.class.getResourceAsStream(BALTIC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BALTIC_RESOURCE);
      }
      return read(in, "baltic-schematic.geojson");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a stream; {@code source} names it in problems. */
  public static Load read(InputStream in, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
      throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
    }
    List<Asset> assets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (JsonNode f : root.path("features").values()) {
      try {
        assets.add(feature(f, i));
      } catch (IllegalArgumentException e) {
        problems.add(
            source
                + ": feature "
                + i
                + " ("
                + f.path("properties").path("name").asString("unnamed")
                + "): "
                + e.getMessage());
      }
      i++;
    }
    return new Load(assets, problems);
  }

  static Asset feature(JsonNode f, int index) {
    JsonNode props = f.path("properties");
    Geometry g = geometry(f.path("geometry"));
    String name = props.path("name").asString("").trim();
    if (name.isEmpty()) {
      name = "feature-" + index;
    }
    String id = f.path("id").asString("").trim();
    if (id.isEmpty()) {
      id = props.path("id").asString("").trim();
    }
    if (id.isEmpty()) {
      id = name;
    }
    AssetKind kind = AssetKind.parse(props.path("kind").asString(""));
    double corridor =
        props.path("corridor_m").asDouble(g.getDimension() == 2 ? 0 : DEFAULT_CORRIDOR_M);
    if (!(corridor >= 0 && corridor <= 100_000)) {
      throw new IllegalArgumentException(
          "corridor_m must be 0..100000, was " + props.path("corridor_m"));
    }
    Map<String, String> other = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      JsonNode v = e.getValue();
      other.put(e.getKey(), v.isValueNode() ? v.asString("") : v.toString());
    }
    return new Asset(
        id,
        name,
        kind,
        corridor,
        Criticality.parse(props.path("criticality").asString("")),
        g,
        other);
  }

  static Geometry geometry(JsonNode g) {
    if (g == null || g.isMissingNode() || g.isNull()) {
      throw new IllegalArgumentException("no geometry");
    }
    String type = g.path("type").asString("");
    JsonNode c = g.path("coordinates");
    return switch (type) {
      case "LineString" -> line(c);
      case "MultiLineString" -> {
        List<LineString> parts = new ArrayList<>();
        for (JsonNode l : c.values()) {
          parts.add(line(l));
        }
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("empty MultiLineString");
        }
        yield GF.createMultiLineString(parts.toArray(new LineString[0]));
      }
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        List<Polygon> parts = new ArrayList<>();
        for (JsonNode p : c.values()) {
          parts.add(polygon(p));
        }
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("empty MultiPolygon");
        }
        yield GF.createMultiPolygon(parts.toArray(new Polygon[0]));
      }
      default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
    };
  }

  private static LineString line(JsonNode c) {
    Coordinate[] cs = coords(c);
    if (cs.length < 2) {
      throw new IllegalArgumentException("a line needs at least 2 positions");
    }
    return GF.createLineString(cs);
  }

  private static Polygon polygon(JsonNode c) {
    Coordinate[] shell = coords(c.path(0));
    if (shell.length < 4 || !shell[0].equals2D(shell[shell.length - 1])) {
      throw new IllegalArgumentException(
          "a polygon ring needs at least 4 positions and must be closed");
    }
    LinearRing ring = GF.createLinearRing(shell);
    return GF.createPolygon(ring);
  }

  private static Coordinate[] coords(JsonNode c) {
    if (!c.isArray()) {
      throw new IllegalArgumentException("coordinates must be an array");
    }
    Coordinate[] out = new Coordinate[c.size()];
    for (int i = 0; i < c.size(); i++) {
      JsonNode p = c.get(i);
      if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw new IllegalArgumentException("position " + i + " is not [lon, lat]");
      }
      double lon = p.get(0).asDouble();
      double lat = p.get(1).asDouble();
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        throw new IllegalArgumentException(
            "position " + i + " out of range: [" + lon + ", " + lat + "]");
      }
      out[i] = new Coordinate(lon, lat);
    }
    return out;
  }
}
