package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.input.ContributionInput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/support/contributions/import}: a file of entries, in the library's CSV format or
 * a Kiel tracker release, checked whole by {@link ContributionInput} and stored as one batch.
 * Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class ContributionImportController {
  private final SupportRequests requests;
  private final ContributionStore ledger;
  private final LedgerWriter writer;
  private final ContributionInput input;

  ContributionImportController(
      SupportRequests requests,
      ContributionStore ledger,
      LedgerWriter writer,
      SupportPlanner planner) {
    this.requests = requests;
    this.ledger = ledger;
    this.writer = writer;
    this.input = new ContributionInput(planner.allies(), planner.contributionCsv());
  }

  @PostMapping(
      path = "/contributions/import",
      consumes = {"text/csv", "text/plain", "application/octet-stream"})
  ResponseEntity<String> importContributions(
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(defaultValue = "") String release,
      HttpServletRequest request) {
    NodePrincipal p = requests.enterer(request, "support.contributions.import");
    String text = requests.body(request);
    String batch = SupportRequests.batch("import-" + format.toLowerCase(Locale.ROOT));
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> {
        List<Contribution> entries =
            input.fromCsv(text, batch, SupportAccess.onlyNation(p), ledger.ids());
        return writer.store(request, p, entries, batch, Map.of("rows_read", entries.size()));
      }
      case "kiel" -> {
        if (!release.matches("[A-Za-z0-9._-]{1,40}")) {
          throw SupportError.badParameter(
              "release",
              "the tracker release label is required (letters, digits, . _ -; e.g. r29)");
        }
        ContributionInput.KielImport k =
            input.fromKiel(text, batch, release, SupportAccess.onlyNation(p), ledger.ids());
        return writer.store(
            request,
            p,
            k.contributions(),
            batch,
            Map.of(
                "rows_read",
                k.rowsRead(),
                "rows_skipped",
                k.rowsSkipped(),
                "skipped_donors",
                k.skippedDonors()));
      }
      default ->
          throw SupportError.badParameter("format", "'" + format + "' is not one of [csv, kiel]");
    }
  }
}
