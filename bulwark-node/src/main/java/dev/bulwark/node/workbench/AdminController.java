package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.security.Grant;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.SearchIndex;
import dev.bulwark.node.taxii.server.IntelAccess;
import dev.bulwark.node.workbench.WorkbenchJson.BodyProblem;
import dev.bulwark.stix.StixTimestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The administrator's workbench under {@code /api/admin} (admins only, also enforced by the
 * security chain): principals (list, add with the token shown once, change roles and expiry,
 * revoke), collection grants, the audit log (filter, follow a principal or an object) and its chain
 * verification naming the first bad record, and the search index's rebuild. Peers are in {@link
 * PeerAdminController}. Every change is audited. Thread-safe.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {
  static final int MAX_AUDIT = 1000;

  private final PrincipalStore principals;
  private final AuditLog audit;
  private final IntelAccess access;
  private final SearchIndex index;

  AdminController(
      PrincipalStore principals, AuditLog audit, IntelAccess access, SearchIndex index) {
    this.principals = principals;
    this.audit = audit;
    this.access = access;
    this.index = index;
  }

  /** The admin calling, or empty (then the answer is 403). */
  static Optional<NodePrincipal> admin() {
    NodePrincipal p = WorkbenchJson.principal();
    return p.isAdmin() ? Optional.of(p) : Optional.empty();
  }

  static ResponseEntity<String> notAdmin() {
    return WorkbenchJson.forbidden("administration is for admins");
  }

  @GetMapping("/principals")
  ResponseEntity<String> principals() {
    if (admin().isEmpty()) {
      return notAdmin();
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("principals");
    principals.list().forEach(p -> list.add(principalJson(p)));
    return WorkbenchJson.ok(out);
  }

  static ObjectNode principalJson(NodePrincipal p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", p.name());
    o.put("nation", p.nation());
    ArrayNode roles = o.putArray("roles");
    p.roles().stream().map(Role::label).sorted().forEach(roles::add);
    o.put("identity_id", p.identityId().orElse(""));
    o.put("created", StixTimestamps.formatMicros(p.createdMicros()));
    o.put("expires", p.expiresMicros() == 0 ? "" : StixTimestamps.formatMicros(p.expiresMicros()));
    o.put("revoked", p.revokedMicros() == 0 ? "" : StixTimestamps.formatMicros(p.revokedMicros()));
    o.put("active", p.activeAt(System.currentTimeMillis() * 1000));
    return o;
  }

  @PostMapping("/principals")
  ResponseEntity<String> addPrincipal(HttpServletRequest request) {
    Optional<NodePrincipal> a = admin();
    if (a.isEmpty()) {
      return notAdmin();
    }
    JsonNode body;
    try {
      body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
    } catch (BodyProblem e) {
      return e.answer();
    }
    String name = body.path("name").asString("");
    String nation = body.path("nation").asString("");
    if (!nation.matches("[A-Za-z]{3}")) {
      return WorkbenchJson.invalid("nation", "give an ISO 3166 alpha-3 code, e.g. EST");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    try {
      for (JsonNode r : body.path("roles")) {
        roles.add(Role.parse(r.asString("")));
      }
    } catch (IllegalArgumentException e) {
      return WorkbenchJson.invalid("roles", e.getMessage());
    }
    if (roles.isEmpty()) {
      return WorkbenchJson.invalid("roles", "give at least one role, e.g. [\"reader\"]");
    }
    long expires = 0;
    String expiresText = body.path("expires").asString("");
    if (!expiresText.isEmpty()) {
      Optional<Long> at = StixTimestamps.parseMicros(expiresText);
      if (at.isEmpty()) {
        return WorkbenchJson.invalid("expires", "not an RFC 3339 timestamp");
      }
      expires = at.get();
    }
    PrincipalStore.Issued issued;
    try {
      issued =
          principals.add(
              name,
              nation,
              roles,
              WorkbenchJson.text(body, "identity_id"),
              expires,
              Optional.empty());
    } catch (IllegalArgumentException e) {
      return WorkbenchJson.invalid("name", e.getMessage());
    }
    record(a.get(), "principal.add", name);
    ObjectNode out = JSON.createObjectNode();
    out.set("principal", principalJson(issued.principal()));
    out.put("token", issued.token());
    return WorkbenchJson.json(201, out);
  }

  /**
   * Changes an active principal's roles and/or expiry ({@code "expires": ""} = never). Its token
   * stays valid; the change applies to its next request. An admin may not take the admin role from
   * itself (the node could be left without one).
   */
  @PostMapping("/principals/{name}")
  ResponseEntity<String> updatePrincipal(
      @PathVariable("name") String name, HttpServletRequest request) {
    Optional<NodePrincipal> a = admin();
    if (a.isEmpty()) {
      return notAdmin();
    }
    JsonNode body;
    try {
      body = WorkbenchJson.body(request, WorkbenchJson.MAX_BODY);
    } catch (BodyProblem e) {
      return e.answer();
    }
    Optional<Set<Role>> roles = Optional.empty();
    if (body.has("roles")) {
      Set<Role> r = EnumSet.noneOf(Role.class);
      try {
        for (JsonNode role : body.path("roles")) {
          r.add(Role.parse(role.asString("")));
        }
      } catch (IllegalArgumentException e) {
        return WorkbenchJson.invalid("roles", e.getMessage());
      }
      if (r.isEmpty()) {
        return WorkbenchJson.invalid("roles", "give at least one role, e.g. [\"reader\"]");
      }
      if (name.equals(a.get().name()) && !r.contains(Role.ADMIN)) {
        return WorkbenchJson.invalid(
            "roles", "you cannot take the admin role from yourself: ask another admin");
      }
      roles = Optional.of(r);
    }
    Optional<Long> expires = Optional.empty();
    if (body.has("expires")) {
      String text = body.path("expires").asString("");
      expires = text.isEmpty() ? Optional.of(0L) : StixTimestamps.parseMicros(text);
      if (expires.isEmpty()) {
        return WorkbenchJson.invalid("expires", "not an RFC 3339 timestamp (or \"\" for never)");
      }
    }
    if (roles.isEmpty() && expires.isEmpty()) {
      return WorkbenchJson.invalid("roles", "give \"roles\", \"expires\" or both");
    }
    Optional<NodePrincipal> changed = principals.update(name, roles, expires);
    if (changed.isEmpty()) {
      return WorkbenchJson.error(
          404, "not_found", "No principal of that name that is not revoked.", "name");
    }
    record(
        a.get(),
        "principal.update",
        name
            + " roles="
            + changed.get().rolesLabel()
            + " expires="
            + principalJson(changed.get()).path("expires").asString());
    ObjectNode out = JSON.createObjectNode();
    out.set("principal", principalJson(changed.get()));
    return WorkbenchJson.ok(out);
  }

  @PostMapping("/principals/{name}/revoke")
  ResponseEntity<String> revoke(@PathVariable("name") String name) {
    Optional<NodePrincipal> a = admin();
    if (a.isEmpty()) {
      return notAdmin();
    }
    if (!principals.revoke(name)) {
      return WorkbenchJson.error(404, "not_found", "No such principal.", "name");
    }
    record(a.get(), "principal.revoke", name);
    ObjectNode out = JSON.createObjectNode();
    principals.find(name).ifPresent(p -> out.set("principal", principalJson(p)));
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/grants")
  ResponseEntity<String> grants() {
    if (admin().isEmpty()) {
      return notAdmin();
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("collections");
    for (IntelAccess.CollectionAccess c : access.grants()) {
      ObjectNode o = list.addObject();
      o.put("id", c.info().id());
      o.put("title", c.info().title());
      ArrayNode read = o.putArray("read");
      c.grants().read().forEach(g -> read.add(grantText(g)));
      ArrayNode write = o.putArray("write");
      c.grants().write().forEach(g -> write.add(grantText(g)));
      o.put("node_owned", c.grants().nodeOwned());
      ArrayNode defaults = o.putArray("default_nations");
      c.info().defaultNations().stream().sorted().forEach(defaults::add);
    }
    return WorkbenchJson.ok(out);
  }

  private static String grantText(Grant g) {
    return g.role().label() + g.nations().map(n -> "@" + n).orElse("");
  }

  @GetMapping("/audit")
  ResponseEntity<String> audit(
      @RequestParam(defaultValue = "") String principal,
      @RequestParam(defaultValue = "") String object,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (admin().isEmpty()) {
      return notAdmin();
    }
    if (limit < 1 || limit > MAX_AUDIT) {
      return WorkbenchJson.invalid("limit", "must be from 1 to " + MAX_AUDIT);
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("records");
    long cursor = after;
    boolean more = true;
    while (list.size() < limit && more) {
      List<AuditRecord> page =
          audit.list(
              cursor, MAX_AUDIT, principal.isEmpty() ? Optional.empty() : Optional.of(principal));
      more = page.size() == MAX_AUDIT;
      for (AuditRecord r : page) {
        cursor = r.seq();
        if (matches(r.entry(), object, action)) {
          list.add(recordJson(r));
          if (list.size() == limit) {
            break;
          }
        }
      }
    }
    out.put("next_after", list.size() == limit ? cursor : 0);
    return WorkbenchJson.ok(out);
  }

  private static boolean matches(AuditEntry e, String object, String action) {
    return (object.isEmpty() || e.objectRefs().contains(object))
        && (action.isEmpty() || e.action().equals(action));
  }

  private static ObjectNode recordJson(AuditRecord r) {
    AuditEntry e = r.entry();
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", r.seq());
    o.put("time", StixTimestamps.formatMicros(r.atMicros()));
    o.put("principal", e.principal());
    o.put("nation", e.nation());
    o.put("action", e.action());
    o.put("collection", e.collectionId());
    o.put("outcome", e.decision().name().toLowerCase(Locale.ROOT));
    o.set("objects", IntelViews.array(e.objectRefs()));
    o.put("detail", e.detail());
    return o;
  }

  @GetMapping("/audit/verify")
  ResponseEntity<String> verify() {
    if (admin().isEmpty()) {
      return notAdmin();
    }
    AuditLog.Verification v = audit.verify(n -> {});
    ObjectNode out = JSON.createObjectNode();
    out.put("ok", v.intact());
    out.put("checked", v.records());
    if (v.firstBreak().isPresent()) {
      out.putObject("first_bad")
          .put("seq", v.firstBreak().get().seq())
          .put("reason", v.firstBreak().get().reason());
    } else {
      out.putNull("first_bad");
    }
    return WorkbenchJson.ok(out);
  }

  @PostMapping("/search/rebuild")
  ResponseEntity<String> rebuild() {
    Optional<NodePrincipal> a = admin();
    if (a.isEmpty()) {
      return notAdmin();
    }
    int n = index.rebuild();
    record(a.get(), "search.rebuild", index.engine());
    ObjectNode out = JSON.createObjectNode();
    out.put("indexed", n);
    out.put("engine", index.engine());
    return WorkbenchJson.ok(out);
  }

  private void record(NodePrincipal admin, String action, String detail) {
    audit.append(
        new AuditEntry(
            admin.name(),
            admin.nation(),
            action,
            "",
            AuditEntry.Decision.ALLOW,
            List.of(),
            detail));
  }
}
