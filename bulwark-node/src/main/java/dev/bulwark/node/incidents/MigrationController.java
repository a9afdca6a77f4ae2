package dev.bulwark.node.incidents;

import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.incidents.migration.Surge;
import dev.bulwark.incidents.migration.SurgeDetector;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The migration chart's data under {@code /api/migration/series}: the daily border-crossing counts
 * (summed over nationality groups, for one crossing point or all) and the surges the library's
 * detector finds in them. The counts are the node's own nation's border data, not STIX objects with
 * markings: they are served to principals of the node's nation only; anyone else is answered as if
 * there were none. The surges raised as incidents are in the register, under its gate. Thread-safe.
 */
@RestController
@RequestMapping("/api/migration")
class MigrationController {
  private final MigrationCountStore counts;
  private final String nation;

  MigrationController(MigrationCountStore counts, @Value("${bulwark.nation:EST}") String nation) {
    this.counts = counts;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  @GetMapping("/series")
  ResponseEntity<String> series(
      @RequestParam(name = "crossing_point", defaultValue = "") String point) {
    NodePrincipal p = IncidentController.principal();
    List<CrossingCount> all =
        p.nation().equals(nation) && !p.has(Role.PEER) ? counts.all() : List.of();
    List<CrossingCount> chosen = new ArrayList<>();
    TreeMap<LocalDate, Integer> byDay = new TreeMap<>();
    TreeMap<String, Integer> byPoint = new TreeMap<>();
    for (CrossingCount c : all) {
      byPoint.merge(c.crossingPoint(), c.count(), Integer::sum);
      if (point.isEmpty() || point.equals(c.crossingPoint())) {
        chosen.add(c);
        byDay.merge(c.date(), c.count(), Integer::sum);
      }
    }
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    ArrayNode points = out.putArray("crossing_points");
    byPoint.forEach((k, v) -> points.addObject().put("crossing_point", k).put("total", v));
    ArrayNode series = out.putArray("series");
    byDay.forEach((d, n) -> series.addObject().put("date", d.toString()).put("count", n));
    ArrayNode surges = out.putArray("surges");
    for (Surge s : new SurgeDetector().detect(chosen)) {
      surges
          .addObject()
          .put("crossing_point", s.crossingPoint())
          .put("start", s.start().toString())
          .put("end", s.end().toString())
          .put("peak_count", s.peakCount())
          .put("baseline", s.baseline());
    }
    return IncidentController.json(200, out.toString());
  }
}
