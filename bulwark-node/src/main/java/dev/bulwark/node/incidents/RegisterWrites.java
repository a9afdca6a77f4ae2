package dev.bulwark.node.incidents;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores the register's objects: checked by the node's STIX validator, written in one transaction
 * with the audit record of the action (objects and record commit together or not at all), with the
 * writer's nation as origin. Denied actions are audited too. Thread-safe.
 */
public final class RegisterWrites {
  private final ObjectStore store;
  private final StixValidator validator;
  private final AuditLog audit;

  public RegisterWrites(ObjectStore store, StixValidator validator, AuditLog audit) {
    this.store = store;
    this.validator = validator;
    this.audit = audit;
  }

  /**
   * Validates and stores {@code objects} (and the definitions and author identity they need) as
   * {@code p}, with the audit record {@code action}; returns the first validation problem, if any
   * (then nothing is stored).
   */
  Optional<String> store(
      NodePrincipal p,
      String action,
      String detail,
      List<ObjectNode> objects,
      List<StixObject> definitions) {
    Map<String, StixObject> all = new LinkedHashMap<>();
    for (StixObject d : definitions) {
      all.put(d.id(), d);
    }
    StixObject author =
        StixObject.of(RegisterStix.identity(p.nation(), Tlp.CLEAR.markingDefinitionId()));
    all.put(author.id() + "@author", author);
    List<String> refs = new ArrayList<>();
    for (ObjectNode o : objects) {
      StixObject s = StixObject.of(o);
      all.put(s.id() + "@" + s.modified().orElse(""), s);
      refs.add(s.id() + "@" + s.modified().orElse(""));
    }
    List<NewObject> rows = new ArrayList<>();
    for (StixObject s : all.values()) {
      ValidationResult v = validator.validate(s);
      if (!v.valid()) {
        Finding f = v.errors().get(0);
        return Optional.of(s.type() + " " + f.path() + ": " + f.message());
      }
      rows.add(NewObject.from(s));
    }
    AuditEntry entry =
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            RegisterReads.COLLECTION,
            AuditEntry.Decision.ALLOW,
            refs,
            detail);
    store.addAll(
        RegisterReads.COLLECTION,
        rows,
        new Provenance(p.nation(), p.name()),
        (c, outcomes) -> audit.appendAll(c, List.of(entry)));
    return Optional.empty();
  }

  /** Records an allowed action that stores no object (a rejected suggestion). */
  void rejected(NodePrincipal p, String action, List<String> refs) {
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            RegisterReads.COLLECTION,
            AuditEntry.Decision.ALLOW,
            refs,
            ""));
  }

  /** Records a denied action (the caller answers 403 or 404). */
  void denied(NodePrincipal p, String action, List<String> refs, String why) {
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            action,
            RegisterReads.COLLECTION,
            AuditEntry.Decision.DENY,
            refs,
            why));
  }
}
