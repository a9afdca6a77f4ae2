package dev.bulwark.node.support;

import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.forecast.Forecast;
import dev.bulwark.support.forecast.PledgeChange;
import dev.bulwark.support.json.AllocationJson;
import dev.bulwark.support.json.ForecastJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The computations on the stored plan (nothing is stored): {@code POST /api/support/allocation}
 * (the stored offers allocated to the stored requirements with a year's fair shares) and {@code GET
 * /api/support/forecast} (quarter by quarter, with what-if changes). Both answer in the library's
 * JSON, as the CLI prints it. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class AllocationController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final ContributionStore ledger;
  private final PlanningStore planning;
  private final SupportPlanner planner;

  AllocationController(
      SupportRequests requests,
      SupportAudit audit,
      ContributionStore ledger,
      PlanningStore planning,
      SupportPlanner planner) {
    this.requests = requests;
    this.audit = audit;
    this.ledger = ledger;
    this.planning = planning;
    this.planner = planner;
  }

  @PostMapping("/allocation")
  ResponseEntity<String> allocate(
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    requests.reader(request, "support.allocation");
    List<Requirement> reqs = planning.requirements();
    List<Offer> offs = planning.offers().stream().map(PlanningStore.StoredOffer::offer).toList();
    List<Contribution> all = ledger.ledger();
    int year =
        ReportQuery.has(params, "year")
            ? ReportQuery.integer(params, "year", 2014, 2100)
            : LocalDate.now(ZoneOffset.UTC).getYear();
    Map<String, String> keyParams = new HashMap<>(params);
    keyParams.put("year", Integer.toString(year));
    ReportQuery q = ReportQuery.from(keyParams, all, LocalDate.now(ZoneOffset.UTC));
    boolean withLedger = Boolean.parseBoolean(params.getOrDefault("with_ledger", "true"));
    AllocationResult r =
        planner.allocate(year, q.key(), q.keyYear(), q.counted(), withLedger, all, reqs, offs);
    audit.allowed(
        request,
        reqs.size()
            + " requirements x "
            + offs.size()
            + " offers, year "
            + year
            + ", shortfall "
            + SupportJson.round(r.shortfallEur())
            + " EUR");
    return SupportResponses.json(AllocationJson.allocation(r, year).toString());
  }

  @GetMapping("/forecast")
  ResponseEntity<String> forecast(
      @RequestParam Map<String, String> params,
      @RequestParam(name = "change", required = false) List<String> changes,
      HttpServletRequest request) {
    requests.reader(request, "support.forecast");
    List<Contribution> all = ledger.ledger();
    LocalDate from = from(params);
    int quarters =
        ReportQuery.has(params, "quarters") ? ReportQuery.integer(params, "quarters", 1, 200) : 12;
    ReportQuery q =
        ReportQuery.from(
            Map.of(
                "year", Integer.toString(from.getYear()),
                "baseline", params.getOrDefault("baseline", ""),
                "count", params.getOrDefault("count", "")),
            all,
            LocalDate.now(ZoneOffset.UTC));
    List<PledgeChange> what = new ArrayList<>();
    for (String c : changes == null ? List.<String>of() : changes) {
      try {
        what.add(PledgeChange.parse(c));
      } catch (IllegalArgumentException e) {
        throw SupportError.badParameter("change", e.getMessage());
      }
    }
    Forecast f =
        planner.forecast(
            from, quarters, q.baselineEur(), q.counted(), planning.requirements(), all, what);
    audit.allowed(
        request, quarters + " quarters from " + from + (what.isEmpty() ? "" : " with " + changes));
    return SupportResponses.json(ForecastJson.forecast(f).toString());
  }

  private static LocalDate from(Map<String, String> params) {
    try {
      return ReportQuery.has(params, "from")
          ? LocalDate.parse(params.get("from").trim())
          : LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    } catch (DateTimeParseException e) {
      throw SupportError.badParameter("from", "not YYYY-MM-DD: '" + params.get("from") + "'");
    }
  }
}
