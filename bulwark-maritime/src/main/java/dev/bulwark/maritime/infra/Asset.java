package dev.bulwark.maritime.infra;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One piece of infrastructure (or a safe-haven area) with the corridor around it.
 *
 * <p>{@code corridorM} is the full width of the corridor centred on the line (a vessel is over the
 * asset when it is within {@code corridorM / 2} of it), the way charts draw cable protection zones;
 * for polygons it is a buffer added around the area. Geometry is in WGS 84 degrees, x = longitude.
 * Immutable (the geometry must not be modified after construction), thread-safe.
 *
 * @param id stable identifier (feature id, or the name)
 * @param name human name
 * @param kind what it is
 * @param corridorM corridor width in metres
 * @param criticality how much it matters
 * @param geometry LineString, MultiLineString, Polygon or MultiPolygon in degrees
 * @param properties the other GeoJSON properties, as text (operator, accuracy note, ...)
 */
public record Asset(
    String id,
    String name,
    AssetKind kind,
    double corridorM,
    Criticality criticality,
    Geometry geometry,
    Map<String, String> properties) {

  public Asset {
    if (id == null
        || id.isBlank()
        || name == null
        || kind == null
        || criticality == null
        || geometry == null) {
      throw new IllegalArgumentException(
          "asset needs an id, a name, a kind, a criticality and a geometry");
    }
    if (!(corridorM >= 0)) {
      throw new IllegalArgumentException("corridor width must be >= 0: " + corridorM);
    }
    properties = Map.copyOf(properties);
  }

  /** Half the corridor width: the distance within which a vessel is over the asset. */
  public double halfWidthM() {
    return corridorM / 2;
  }

  /** Whether the geometry is an area (inside counts as distance 0). */
  public boolean isArea() {
    return geometry.getDimension() == 2;
  }
}
