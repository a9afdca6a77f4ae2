package dev.bulwark.node.support;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.support.contribution.Contribution;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Stores checked entries as one upload (all or none; 409 when an id is taken meanwhile), audits it
 * and answers with what was stored: count, euros, batch and ids. Thread-safe.
 */
@Component
final class LedgerWriter {
  /** At most this many ids are named in an answer or an audit record. */
  private static final int MAX_IDS = 1000;

  private final ContributionStore ledger;
  private final SupportAudit audit;

  LedgerWriter(ContributionStore ledger, SupportAudit audit) {
    this.ledger = ledger;
    this.audit = audit;
  }

  /**
   * Stores {@code entries} as the upload {@code batch} of principal {@code p}.
   *
   * @param extra fields of the answer after the batch (e.g. the rows read)
   */
  ResponseEntity<String> store(
      HttpServletRequest request,
      NodePrincipal p,
      List<Contribution> entries,
      String batch,
      Map<String, Object> extra) {
    try {
      ledger.addAll(
          entries.stream().map(c -> new ContributionStore.NewEntry(c, "")).toList(),
          p.name(),
          p.nation(),
          batch);
    } catch (ContributionStore.DuplicateIdException e) {
      throw new SupportError(409, e.getMessage());
    }
    BigDecimal eur =
        entries.stream().map(Contribution::eur).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<String> ids = entries.stream().map(Contribution::id).limit(MAX_IDS).toList();
    audit.allowed(
        request, ids, entries.size() + " entries, EUR " + eur.toPlainString() + ", batch " + batch);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", entries.size());
    out.put("eur", eur.toPlainString());
    out.put("batch", batch);
    out.putAll(extra);
    out.put("ids", ids);
    return SupportResponses.created(out);
  }
}
