package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.taxii.server.IntelAccess;
import dev.bulwark.node.taxii.server.IntelAccess.Refusal;
import dev.bulwark.node.taxii.server.IntelAccess.WriteOutcome;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one object from a form: puts the chosen markings on it, checks it with the STIX validator
 * (every error answered with its path), and stores it, with its releasability definition, through
 * TAXII's write path, whose refusal (authorship, a version that widens, a marking not available) is
 * answered in its own words. Thread-safe.
 */
@Component
final class IntelWrites {
  private final IntelAccess access;
  private final IntelObjects objects;
  private final AccessPolicy policy;
  private final StixValidator validator;

  IntelWrites(
      IntelAccess access, IntelObjects objects, AccessPolicy policy, StixValidator validator) {
    this.access = access;
    this.objects = objects;
    this.policy = policy;
    this.validator = validator;
  }

  ResponseEntity<String> write(
      NodePrincipal p, String collection, ObjectNode o, ChosenMarkings chosen, int okStatus) {
    if (!chosen.refs().isEmpty()) {
      Set<String> refs = new LinkedHashSet<>();
      if (okStatus == 201) {
        o.path("object_marking_refs").forEach(r -> refs.add(r.asString("")));
      }
      refs.addAll(chosen.refs());
      refs.remove("");
      ArrayNode a = o.putArray("object_marking_refs");
      refs.forEach(a::add);
    }
    StixObject stix;
    try {
      stix = StixObject.of(o);
    } catch (IllegalArgumentException e) {
      return WorkbenchJson.invalid("object", e.getMessage());
    }
    List<Finding> errors = validator.validate(stix).errors();
    if (!errors.isEmpty()) {
      ObjectNode out = JSON.createObjectNode();
      out.put("error", "invalid");
      out.put("message", "The object is not valid STIX 2.1.");
      out.put("where", "object");
      out.set("findings", findings(errors));
      return WorkbenchJson.json(400, out);
    }
    List<JsonNode> envelope = new ArrayList<>();
    chosen.definition().ifPresent(d -> envelope.add(d.json()));
    envelope.add(stix.json());
    IntelAccess.Result r = access.add(p, collection, envelope);
    if (r.refusal().isPresent()) {
      return r.refusal().get() == Refusal.NO_WRITE_GRANT
          ? WorkbenchJson.forbidden("you may not write to this collection")
          : WorkbenchJson.error(404, "not_found", "No such collection.", "collection");
    }
    WriteOutcome last = r.outcomes().get(r.outcomes().size() - 1);
    for (WriteOutcome w : r.outcomes()) {
      if (!w.stored()) {
        last = w;
      }
    }
    if (!last.stored()) {
      String word =
          last.message().toLowerCase(Locale.ROOT).contains("loosens") ? "widens" : "refused";
      return WorkbenchJson.error(400, word, last.message(), "object");
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("id", stix.id());
    out.put("version", o.path("modified").asString(""));
    out.put("collection", collection);
    objects
        .latest(p, stix.id())
        .ifPresent(s -> out.set("summary", IntelViews.summary(s.row(), s.json(), policy)));
    return WorkbenchJson.json(okStatus, out);
  }

  static ArrayNode findings(List<Finding> findings) {
    ArrayNode a = JSON.createArrayNode();
    for (Finding f : findings) {
      a.addObject()
          .put("path", f.path())
          .put("reason", f.message())
          .put("severity", f.severity().name().toLowerCase(Locale.ROOT));
    }
    return a;
  }
}
