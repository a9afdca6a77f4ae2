package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.input.Correction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/support/contributions/corrections}: a negative entry that cancels all or part of
 * an entry, by the library's {@link Correction} rules. Body: {@code corrects} (the entry's id),
 * {@code reason}, optionally {@code amount} (positive, in the entry's currency; default what
 * remains of it) and {@code date} (default the entry's date, so that the same period is corrected).
 * Only the entry's nation (or an admin) corrects it. Thread-safe.
 */
@RestController
@RequestMapping("/api/support")
class CorrectionController {
  private final SupportRequests requests;
  private final SupportAudit audit;
  private final ContributionStore ledger;

  CorrectionController(SupportRequests requests, SupportAudit audit, ContributionStore ledger) {
    this.requests = requests;
    this.audit = audit;
    this.ledger = ledger;
  }

  @PostMapping(path = "/contributions/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> correct(HttpServletRequest request) {
    NodePrincipal p = requests.enterer(request, "support.contributions.correct");
    Correction.Request asked = Correction.request(requests.jsonBody(request));
    String id = asked.corrects();
    StoredContribution original =
        ledger
            .find(id)
            .orElseThrow(() -> new SupportError(404, "no entry '" + id + "' in the ledger"));
    Contribution o = original.contribution();
    if (!SupportAccess.mayEnterFor(p, o.donor())) {
      throw new SupportError(
          403,
          "entry "
              + id
              + " is "
              + o.donor()
              + "'s: a contributor of "
              + p.nation()
              + " may correct only "
              + p.nation()
              + "'s entries");
    }
    Contribution c =
        Correction.build(
            o,
            !original.corrects().isEmpty(),
            ledger.correctionsOf(id).stream().map(StoredContribution::contribution).toList(),
            asked,
            p.name(),
            SupportRequests::randomId);
    String batch = SupportRequests.batch("correction");
    try {
      ledger.addAll(List.of(new ContributionStore.NewEntry(c, id)), p.name(), p.nation(), batch);
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(
          409, "the entry was corrected at the same moment by someone else; try again");
    }
    audit.allowed(
        request, List.of(c.id(), id), c.eur().toPlainString() + " EUR: " + asked.reason());
    return SupportResponses.created(
        SupportJson.contribution(ledger.find(c.id()).orElseThrow()).toString());
  }
}
