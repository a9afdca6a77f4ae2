package dev.bulwark.incidents.kinds;

import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.JsonFields;
import dev.bulwark.incidents.kinds.ActDetails.AirspaceViolation;
import dev.bulwark.incidents.kinds.ActDetails.Arson;
import dev.bulwark.incidents.kinds.ActDetails.Cyberattack;
import dev.bulwark.incidents.kinds.ActDetails.DailyCount;
import dev.bulwark.incidents.kinds.ActDetails.Disinformation;
import dev.bulwark.incidents.kinds.ActDetails.DroneOverflight;
import dev.bulwark.incidents.kinds.ActDetails.EnergySabotage;
import dev.bulwark.incidents.kinds.ActDetails.Espionage;
import dev.bulwark.incidents.kinds.ActDetails.GnssInterference;
import dev.bulwark.incidents.kinds.ActDetails.InstrumentalisedMigration;
import dev.bulwark.incidents.kinds.ActDetails.OtherAct;
import dev.bulwark.incidents.kinds.ActDetails.RailSabotage;
import dev.bulwark.incidents.kinds.ActDetails.RemoteId;
import dev.bulwark.incidents.kinds.ActDetails.UnderseaSabotage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code kind_fields} object of the Bulwark extension: each kind's fields as snake_case JSON,
 * and back with every problem named by its path. The table of fields is in {@code
 * docs/incidents.md}. Stateless and thread-safe.
 */
public final class KindFields {

  /** A DISARM technique or sub-technique id, e.g. {@code T0049} or {@code T0049.001}. */
  public static final Pattern DISARM_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

  private static final Set<String> ASSET_TYPES = Set.of("cable", "pipeline");
  private static final Set<String> GNSS_MODES = Set.of("jamming", "spoofing");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KindFields() {}

  /** The fields of {@code d} as JSON (absent optionals are left out). */
  public static ObjectNode toJson(ActDetails d) {
    ObjectNode o = NODES.objectNode();
    if (d instanceof UnderseaSabotage u) {
      o.put("asset_type", u.assetType());
      o.put("asset_name", u.assetName());
      u.damage().ifPresent(v -> o.put("damage", v));
      u.repairDays().ifPresent(v -> o.put("repair_days", v));
    } else if (d instanceof RailSabotage r) {
      o.put("line", r.line());
      r.damage().ifPresent(v -> o.put("damage", v));
    } else if (d instanceof EnergySabotage e) {
      o.put("facility", e.facility());
      e.damage().ifPresent(v -> o.put("damage", v));
    } else if (d instanceof Cyberattack c) {
      c.sector().ifPresent(v -> o.put("sector", v));
      c.vector().ifPresent(v -> o.put("vector", v));
      strings(o, "ips", c.ips());
      strings(o, "domains", c.domains());
    } else if (d instanceof InstrumentalisedMigration m) {
      strings(o, "crossing_points", m.crossingPoints());
      ArrayNode a = o.putArray("daily_counts");
      for (DailyCount dc : m.dailyCounts()) {
        a.addObject()
            .put("date", dc.date().toString())
            .put("crossing_point", dc.crossingPoint())
            .put("count", dc.count());
      }
    } else if (d instanceof GnssInterference g) {
      gnssToJson(g, o);
    } else if (d instanceof AirspaceViolation a) {
      o.put("aircraft", a.aircraft());
      a.minutesInside().ifPresent(v -> o.put("minutes_inside", v));
      a.depthKm().ifPresent(v -> o.put("depth_km", v));
    } else if (d instanceof DroneOverflight dr) {
      o.put("site", dr.site());
      dr.count().ifPresent(v -> o.put("count", v));
      ArrayNode a = o.putArray("remote_id");
      for (RemoteId r : dr.remoteIds()) {
        ObjectNode e = a.addObject().put("serial", r.serial());
        r.operator().ifPresent(p -> e.put("operator_lat", p.lat()).put("operator_lon", p.lon()));
      }
    } else if (d instanceof Arson a) {
      o.put("target", a.target());
    } else if (d instanceof Disinformation di) {
      strings(o, "disarm_techniques", di.disarmTechniques());
      strings(o, "channels", di.channels());
    } else if (d instanceof Espionage e) {
      o.put("target", e.target());
    } else if (d instanceof OtherAct x) {
      o.put("summary", x.summary());
    }
    return o;
  }

  private static void gnssToJson(GnssInterference g, ObjectNode o) {
    o.put("mode", g.mode());
    if (!g.area().isEmpty()) {
      ArrayNode ring = o.putArray("area");
      g.area().forEach(p -> ring.addArray().add(p.lon()).add(p.lat()));
    }
    g.band().ifPresent(v -> o.put("band", v));
    g.durationMinutes().ifPresent(v -> o.put("duration_minutes", v));
    g.affectedFlights().ifPresent(v -> o.put("affected_flights", v));
    g.affectedShips().ifPresent(v -> o.put("affected_ships", v));
  }

  /**
   * Reads the fields of a kind.
   *
   * @param kind the kind
   * @param o the {@code kind_fields} object
   * @param path its path, for problems
   * @return the details
   * @throws IncidentException with every problem found
   */
  public static ActDetails fromJson(ActKind kind, JsonNode o, String path) {
    JsonFields f = new JsonFields();
    ActDetails d = read(kind, o, path, f);
    f.throwIfAny();
    return d;
  }

  /** As {@link #fromJson}, adding problems to {@code f} instead of throwing. */
  public static ActDetails read(ActKind kind, JsonNode o, String path, JsonFields f) {
    return switch (kind) {
      case UNDERSEA_SABOTAGE -> {
        String type = f.required(o, "asset_type", path);
        if (!type.isEmpty() && !ASSET_TYPES.contains(type)) {
          f.problem(path + "/asset_type", "must be cable or pipeline");
        }
        yield new UnderseaSabotage(
            type,
            f.required(o, "asset_name", path),
            f.optional(o, "damage", path),
            f.integer(o, "repair_days", path, 0, 36500));
      }
      case RAIL_SABOTAGE ->
          new RailSabotage(f.required(o, "line", path), f.optional(o, "damage", path));
      case ENERGY_SABOTAGE ->
          new EnergySabotage(f.required(o, "facility", path), f.optional(o, "damage", path));
      case CYBERATTACK ->
          new Cyberattack(
              f.optional(o, "sector", path),
              f.optional(o, "vector", path),
              f.strings(o, "ips", path),
              f.strings(o, "domains", path));
      case INSTRUMENTALISED_MIGRATION -> migration(o, path, f);
      case GNSS_INTERFERENCE -> gnss(o, path, f);
      case AIRSPACE_VIOLATION ->
          new AirspaceViolation(
              f.required(o, "aircraft", path),
              f.integer(o, "minutes_inside", path, 0, 100_000),
              f.number(o, "depth_km", path, 0, 10_000));
      case DRONE_OVERFLIGHT -> drone(o, path, f);
      case ARSON -> new Arson(f.required(o, "target", path));
      case DISINFORMATION -> disinformation(o, path, f);
      case ESPIONAGE -> new Espionage(f.required(o, "target", path));
      case OTHER -> new OtherAct(f.required(o, "summary", path));
    };
  }

  private static ActDetails migration(JsonNode o, String path, JsonFields f) {
    List<String> points = f.strings(o, "crossing_points", path);
    if (points.isEmpty()) {
      f.problem(path + "/crossing_points", "at least one crossing point is required");
    }
    List<DailyCount> counts = new ArrayList<>();
    JsonNode a = o.get("daily_counts");
    if (a != null && !a.isArray()) {
      f.problem(path + "/daily_counts", "must be a list");
    } else if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "/daily_counts/" + i;
        JsonNode e = a.get(i);
        String date = f.required(e, "date", p);
        String point = f.required(e, "crossing_point", p);
        Optional<Integer> count = f.integer(e, "count", p, 0, 10_000_000);
        if (count.isEmpty() && !e.has("count")) {
          f.problem(p + "/count", "required");
        }
        Optional<LocalDate> day = date(date, p + "/date", f);
        if (day.isPresent() && count.isPresent() && !point.isBlank()) {
          counts.add(new DailyCount(day.get(), point, count.get()));
        }
      }
    }
    return new InstrumentalisedMigration(points, counts);
  }

  private static ActDetails gnss(JsonNode o, String path, JsonFields f) {
    String mode = f.required(o, "mode", path);
    if (!mode.isEmpty() && !GNSS_MODES.contains(mode)) {
      f.problem(path + "/mode", "must be jamming or spoofing");
    }
    List<GeoPoint> area = new ArrayList<>();
    JsonNode ring = o.get("area");
    if (ring != null && !ring.isNull()) {
      if (!ring.isArray() || ring.size() < 4) {
        f.problem(path + "/area", "must be a closed ring of at least 4 [lon, lat] positions");
      } else {
        for (int i = 0; i < ring.size(); i++) {
          JsonNode p = ring.get(i);
          if (!p.isArray()
              || p.size() != 2
              || !p.get(0).isNumber()
              || !p.get(1).isNumber()
              || !GeoPoint.valid(p.get(1).doubleValue(), p.get(0).doubleValue())) {
            f.problem(path + "/area/" + i, "must be [lon, lat] in range");
          } else {
            area.add(new GeoPoint(p.get(1).doubleValue(), p.get(0).doubleValue()));
          }
        }
        if (area.size() == ring.size() && !area.get(0).equals(area.get(area.size() - 1))) {
          f.problem(path + "/area", "the ring must end where it starts");
        }
      }
    }
    return new GnssInterference(
        mode,
        area,
        f.optional(o, "band", path),
        f.integer(o, "duration_minutes", path, 0, 10_000_000),
        f.integer(o, "affected_flights", path, 0, 10_000_000),
        f.integer(o, "affected_ships", path, 0, 10_000_000));
  }

  private static ActDetails drone(JsonNode o, String path, JsonFields f) {
    String site = f.required(o, "site", path);
    Optional<Integer> count = f.integer(o, "count", path, 1, 100_000);
    List<RemoteId> ids = new ArrayList<>();
    JsonNode a = o.get("remote_id");
    if (a != null && !a.isArray()) {
      f.problem(path + "/remote_id", "must be a list");
    } else if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "/remote_id/" + i;
        String serial = f.required(a.get(i), "serial", p);
        Optional<Double> lat = f.number(a.get(i), "operator_lat", p, -90, 90);
        Optional<Double> lon = f.number(a.get(i), "operator_lon", p, -180, 180);
        if (lat.isPresent() != lon.isPresent()) {
          f.problem(p, "operator_lat and operator_lon come together");
        }
        Optional<GeoPoint> op =
            lat.isPresent() && lon.isPresent()
                ? Optional.of(new GeoPoint(lat.get(), lon.get()))
                : Optional.empty();
        ids.add(new RemoteId(serial, op));
      }
    }
    return new DroneOverflight(site, count, ids);
  }

  private static ActDetails disinformation(JsonNode o, String path, JsonFields f) {
    List<String> techniques = f.strings(o, "disarm_techniques", path);
    if (techniques.isEmpty() && !o.has("disarm_techniques")) {
      f.problem(path + "/disarm_techniques", "required (DISARM ids such as T0049)");
    }
    for (int i = 0; i < techniques.size(); i++) {
      if (!DISARM_ID.matcher(techniques.get(i)).matches()) {
        f.problem(
            path + "/disarm_techniques/" + i, "not a DISARM technique id (T0000 or T0000.000)");
      }
    }
    return new Disinformation(techniques, f.strings(o, "channels", path));
  }

  private static Optional<LocalDate> date(String s, String path, JsonFields f) {
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      f.problem(path, "must be a date YYYY-MM-DD");
      return Optional.empty();
    }
  }

  private static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }
}
