package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.store.StoredObject;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Paging of the envelope resources (TAXII 2.1 section 3.4.2 and 3.7): where a read starts, the
 * {@code more} and {@code next} members, and the envelope of objects itself. A next token is bound
 * to the principal, collection, endpoint and filters that issued it ({@link CursorCodec}).
 * Thread-safe.
 */
@Component
class TaxiiPaging {
  private final CursorCodec cursors;

  TaxiiPaging(CursorCodec cursors) {
    this.cursors = cursors;
  }

  /**
   * What a next token is bound to: who asked, where, through which endpoint, with which filters.
   */
  static String binding(NodePrincipal p, TaxiiCollection c, String endpoint, TaxiiFilters f) {
    return p.name() + "|" + c.alias() + "|" + endpoint + "|" + f.binding();
  }

  /** Where a read starts: after the position in next, else after added_after, else at the start. */
  long start(TaxiiFilters f, String binding) {
    if (f.next().isPresent()) {
      return cursors
          .decode(f.next().get(), binding)
          .orElseThrow(
              () ->
                  TaxiiException.badRequest(
                      "next is not a token this server issued for this request; repeat the original query"
                          + " parameters with the next value of the previous response"));
    }
    return f.addedAfter().orElse(0L);
  }

  /** The {@code more} member and, when there is more, {@code next}; each followed by a comma. */
  void head(StringBuilder body, ObjectReads.Selection s, String binding) {
    body.append("\"more\":").append(s.more()).append(',');
    if (s.more()) {
      body.append("\"next\":\"").append(cursors.encode(s.scannedUpTo(), binding)).append("\",");
    }
  }

  /**
   * The envelope (section 3.7), with each object's JSON exactly as stored (no re-serialisation);
   * for a peer node, with each object's provenance (see {@link #provenance}).
   */
  String envelope(ObjectReads.Selection s, String binding, NodePrincipal p) {
    StringBuilder body = new StringBuilder(64 + s.items().size() * 512).append('{');
    head(body, s, binding);
    if (!s.items().isEmpty()) {
      body.append("\"objects\":[");
      for (int i = 0; i < s.items().size(); i++) {
        if (i > 0) {
          body.append(',');
        }
        body.append(s.items().get(i).json());
      }
      body.append(']');
      if (p.has(Role.PEER)) {
        provenance(body.append(','), s.items());
      }
    }
    return TaxiiResponses.trimComma(body).append('}').toString();
  }

  /**
   * The custom property {@value ProvenanceClaim#PROPERTY} (TAXII 2.1 section 7.1): one entry per
   * object, in the order of {@code objects}, with the nation it originates from and the nations
   * that relayed it so far, so that a peer that pulls it stores it under its true origin (issue 14,
   * finding 4). Only ever sent to peer nodes.
   */
  private static void provenance(StringBuilder body, List<StoredObject> items) {
    body.append('"').append(ProvenanceClaim.PROPERTY).append("\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(ProvenanceClaim.of(items.get(i)).toJson());
    }
    body.append(']');
  }
}
