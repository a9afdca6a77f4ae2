package dev.bulwark.node.maritime;

import dev.bulwark.maritime.infra.Asset;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes infrastructure assets as GeoJSON features for the API and the map. Stateless; thread-safe.
 */
final class GeoJson {
  private GeoJson() {}

  static void feature(Asset a, ArrayNode features) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    f.put("id", a.id());
    ObjectNode p = f.putObject("properties");
    a.properties()
        .forEach(p::put); // first, so that the normalised values below win ("gas-pipeline" ->
    // "pipeline")
    p.put("name", a.name());
    p.put("kind", a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    p.put("corridor_m", a.corridorM());
    p.put("criticality", a.criticality().name().toLowerCase(Locale.ROOT));
    geometry(a.geometry(), f.putObject("geometry"));
  }

  static void geometry(Geometry g, ObjectNode out) {
    if (g instanceof Point pt) {
      out.put("type", "Point");
      coordinate(pt.getCoordinate(), out.putArray("coordinates"));
    } else if (g instanceof LineString ls) {
      out.put("type", "LineString");
      line(ls.getCoordinates(), out.putArray("coordinates"));
    } else if (g instanceof Polygon poly) {
      out.put("type", "Polygon");
      polygon(poly, out.putArray("coordinates"));
    } else {
      boolean lines = g.getNumGeometries() > 0 && g.getGeometryN(0) instanceof LineString;
      out.put("type", lines ? "MultiLineString" : "MultiPolygon");
      ArrayNode parts = out.putArray("coordinates");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        if (part instanceof LineString ls) {
          line(ls.getCoordinates(), parts.addArray());
        } else if (part instanceof Polygon poly) {
          polygon(poly, parts.addArray());
        }
      }
    }
  }

  private static void polygon(Polygon p, ArrayNode rings) {
    line(p.getExteriorRing().getCoordinates(), rings.addArray());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      line(p.getInteriorRingN(i).getCoordinates(), rings.addArray());
    }
  }

  private static void line(Coordinate[] cs, ArrayNode out) {
    for (Coordinate c : cs) {
      coordinate(c, out.addArray());
    }
  }

  private static void coordinate(Coordinate c, ArrayNode out) {
    out.add(c.x).add(c.y);
  }
}
