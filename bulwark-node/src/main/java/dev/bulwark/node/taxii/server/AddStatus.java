package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TaxiiResponses.JSON;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixTimestamps;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an add of objects leaves behind besides the objects, written in their transaction: the
 * status resource (TAXII 2.1 section 4.3.1) and the audit records. Stateless; thread-safe.
 */
final class AddStatus {
  private AddStatus() {}

  /** The status resource of a completed add: every object's outcome, successes then failures. */
  static String json(String id, long requestMicros, List<ObjectWrites.Outcome> outcomes) {
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("status", "complete");
    s.put("request_timestamp", StixTimestamps.formatMicros(requestMicros));
    s.put("total_count", outcomes.size());
    ArrayNode successes = JSON.createArrayNode();
    ArrayNode failures = JSON.createArrayNode();
    for (ObjectWrites.Outcome o : outcomes) {
      ObjectNode d = (o.success() ? successes : failures).addObject();
      d.put("id", o.id());
      d.put("version", o.version());
      d.put("message", o.message());
    }
    s.put("success_count", successes.size());
    if (!successes.isEmpty()) {
      s.set("successes", successes);
    }
    s.put("failure_count", failures.size());
    if (!failures.isEmpty()) {
      s.set("failures", failures);
    }
    s.put("pending_count", 0);
    return JSON.writeValueAsString(s);
  }

  /**
   * The audit records of a POST: the versions stored, and (if any) those refused with the reasons.
   */
  static List<AuditEntry> auditEntries(
      NodePrincipal p, TaxiiCollection c, String statusId, List<ObjectWrites.Outcome> outcomes) {
    List<String> stored = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    StringBuilder reasons = new StringBuilder();
    for (ObjectWrites.Outcome o : outcomes) {
      (o.success() ? stored : refused).add(o.id() + "@" + o.version());
      if (!o.success() && reasons.length() < 1500) {
        reasons.append(o.id()).append(": ").append(o.message()).append("; ");
      }
    }
    List<AuditEntry> entries = new ArrayList<>(2);
    entries.add(
        new AuditEntry(
            p.name(),
            p.nation(),
            "taxii.add",
            c.alias(),
            Decision.ALLOW,
            stored,
            "status " + statusId));
    if (!refused.isEmpty()) {
      entries.add(
          new AuditEntry(
              p.name(),
              p.nation(),
              "taxii.add",
              c.alias(),
              Decision.DENY,
              refused,
              reasons.toString()));
    }
    return entries;
  }
}
