package dev.bulwark.node.incidents;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.campaign.CampaignStix;
import dev.bulwark.incidents.campaign.CampaignSuggester;
import dev.bulwark.incidents.campaign.Suggestion;
import dev.bulwark.incidents.stix.IncidentStix;
import dev.bulwark.node.incidents.Markings.FormError;
import dev.bulwark.node.incidents.RegisterReads.Seen;
import dev.bulwark.node.incidents.RegisterReads.Viewer;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Campaign suggestions and the analyst's decision on them. Suggestions are computed by the library
 * over the incidents the reader may read and nothing else, so a suggestion never names or counts an
 * incident the reader may not see; those the reader's nation rejected ({@link CampaignRejections},
 * kept in the database) are not suggested again. Accepting makes a STIX {@code campaign} with an
 * {@code associated-with} relationship per incident, marked with every marking of every member
 * besides the analyst's own (markings combine as AND), so that nobody who may not read a member
 * reads the campaign that names it. Never merged automatically. Thread-safe.
 */
final class Campaigns {
  private final Register register;
  private final CampaignSuggester suggester = new CampaignSuggester();
  private final CampaignRejections rejections;

  Campaigns(Register register, CampaignRejections rejections) {
    this.register = register;
    this.rejections = rejections;
  }

  /** The readable incidents of the reader, as the library's records (by id). */
  private Map<String, Incident> visible(NodePrincipal p) {
    RegisterReads reads = register.reads();
    Viewer v = reads.viewer(p, RegisterReads.COLLECTION);
    Map<String, Incident> out = new LinkedHashMap<>();
    for (Seen s : reads.latest(v, RegisterReads.COLLECTION, Set.of("incident"))) {
      try {
        StixObject o = StixObject.of(s.json());
        if (IncidentStix.isBulwarkIncident(o)) {
          out.put(s.id(), IncidentStix.fromStix(o));
        }
      } catch (IllegalArgumentException e) {
        // not a register incident the library can read (e.g. another tool's): not suggested
      }
    }
    return out;
  }

  /** The suggestions over what the reader may see, strongest first. */
  ArrayNode suggestions(NodePrincipal p) {
    Set<String> no = rejections.rejected(p.nation());
    ArrayNode out = RegisterStix.JSON.createArrayNode();
    for (Suggestion s : suggester.suggest(new ArrayList<>(visible(p).values()))) {
      if (no.contains(s.id())) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("id", s.id());
      o.set("incidents", RegisterStix.JSON.valueToTree(s.incidents()));
      o.put("score", s.score());
      o.set("reasons", RegisterStix.JSON.valueToTree(s.reasons()));
    }
    return out;
  }

  /** Rejects a suggestion for the principal's nation (it is not suggested again); audited. */
  Outcome reject(NodePrincipal p, JsonNode form) {
    Map<String, Incident> seen = visible(p);
    List<String> ids = ids(form);
    if (ids.size() < 2 || !seen.keySet().containsAll(ids)) {
      register.writes().denied(p, "campaign.reject", List.of(), "not a suggestion over visible");
      return Outcome.missing("such suggestion");
    }
    Suggestion s = new Suggestion(ids, 0, List.of());
    rejections.reject(p.nation(), s.id(), ids, p.name(), register.now() * 1000);
    register.writes().rejected(p, "campaign.reject", ids);
    return Outcome.ok(RegisterStix.JSON.createObjectNode().put("rejected", s.id()));
  }

  /** Accepts a suggestion: stores the campaign and its relationships; audited. */
  Outcome accept(NodePrincipal p, JsonNode form) {
    if (!Register.mayWrite(p)) {
      register.writes().denied(p, "campaign.accept", List.of(), "role");
      return Outcome.forbidden("accepting needs the contributor or admin role");
    }
    Map<String, Incident> seen = visible(p);
    List<String> ids = ids(form);
    if (ids.size() < 2 || !seen.keySet().containsAll(ids)) {
      register.writes().denied(p, "campaign.accept", List.of(), "not all incidents visible");
      return Outcome.missing("such incidents");
    }
    String name = form.path("name").asString("").strip();
    if (name.isEmpty() || name.length() > 300) {
      return Outcome.invalid("$.name", "needs 1 to 300 characters");
    }
    Markings chosen;
    try {
      chosen =
          form.has("marking")
              ? Markings.parse(form, "$", p.nation())
              : new Markings(List.of(Tlp.AMBER.markingDefinitionId()), List.of());
    } catch (FormError e) {
      return Outcome.invalid(e.where(), e.getMessage());
    }
    List<Incident> members = ids.stream().map(seen::get).toList();
    Optional<List<String>> refs = markings(p, members, chosen);
    if (refs.isEmpty()) {
      return Outcome.invalid(
          "$.incidents",
          "a member is released by another nation's list, which a campaign of "
              + p.nation()
              + " cannot carry; leave it out");
    }
    List<StixObject> objects =
        CampaignStix.accepted(
            name,
            form.path("description").asString("Accepted from the register's suggestions"),
            members,
            refs.get(),
            RegisterStix.authorIdentity(p.nation()),
            Instant.ofEpochMilli(register.now()));
    Optional<String> problem =
        register
            .writes()
            .store(
                p,
                "campaign.accept",
                String.join(",", ids),
                objects.stream().map(StixObject::json).toList(),
                chosen.definitions());
    if (problem.isPresent()) {
      return Outcome.invalid("$", problem.get());
    }
    ObjectNode out = RegisterStix.JSON.createObjectNode();
    out.put("campaign_id", objects.get(0).id());
    out.set("incidents", RegisterStix.JSON.valueToTree(ids));
    return Outcome.created(out);
  }

  /**
   * The campaign's markings: the analyst's, plus every marking of every member (AND), so that
   * reading the campaign needs reading every member; empty when a member carries a releasability
   * definition of another nation (it would not resolve for a campaign of this nation).
   */
  private Optional<List<String>> markings(
      NodePrincipal p, List<Incident> members, Markings chosen) {
    Set<String> refs = new LinkedHashSet<>(chosen.refs());
    RegisterReads reads = register.reads();
    for (Incident m : members) {
      for (String ref : m.markings()) {
        if (Tlp.fromMarkingId(ref).isEmpty() && reads.marking(ref, p.nation()).isEmpty()) {
          return Optional.empty();
        }
        refs.add(ref);
      }
    }
    return Optional.of(List.copyOf(refs));
  }

  private static List<String> ids(JsonNode form) {
    List<String> ids = new ArrayList<>();
    for (JsonNode n : form.path("incidents")) {
      if (ids.size() < 1000) {
        ids.add(n.asString(""));
      }
    }
    return ids;
  }
}
