package dev.bulwark.incidents.attribution;

import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.JsonFields;
import dev.bulwark.incidents.Problem;
import dev.bulwark.incidents.stix.BulwarkExtensions;
import dev.bulwark.stix.StixBuilder;
import dev.bulwark.stix.StixIds;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.StixVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link Attribution} as STIX: an {@code attributed-to} relationship with {@code confidence} and
 * the Bulwark attribution extension; another nation's view of an existing attribution as an {@code
 * opinion} on it with the same extension. Stateless and thread-safe.
 */
public final class AttributionStix {

  /** The STIX opinion-enum values. */
  public static final Set<String> OPINIONS =
      Set.of("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");

  private static final Set<String> TARGET_TYPES =
      Set.of("threat-actor", "intrusion-set", "identity");
  private static final Set<String> SUBJECT_TYPES = Set.of("incident", "campaign");
  private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
  private static final String EXT = "/extensions/" + BulwarkExtensions.ATTRIBUTION;

  private AttributionStix() {}

  /** Every problem of an attribution, with the property it is about. */
  public static List<Problem> check(Attribution a) {
    List<Problem> p = new ArrayList<>();
    if (!StixIds.isIdentifier(a.subjectRef())
        || !SUBJECT_TYPES.contains(StixIds.typeOf(a.subjectRef()))) {
      p.add(new Problem("/source_ref", "must be an incident or campaign id"));
    }
    if (!StixIds.isIdentifier(a.targetRef())
        || !TARGET_TYPES.contains(StixIds.typeOf(a.targetRef()))) {
      p.add(new Problem("/target_ref", "must be a threat-actor, intrusion-set or identity id"));
    }
    if (a.confidence() < 0 || a.confidence() > 100) {
      p.add(new Problem("/confidence", "must be 0..100"));
    }
    if (!Taxonomies.ESTIMATIVE_TERMS.contains(a.estimativeTerm())) {
      p.add(
          new Problem(
              EXT + "/estimative_term", "must be an estimative-language likelihood machine tag"));
    }
    if (!Taxonomies.RELIABILITY.contains(a.admiraltyReliability())) {
      p.add(new Problem(EXT + "/admiralty_reliability", "must be A..G (admiralty-scale)"));
    }
    if (!Taxonomies.CREDIBILITY.contains(a.admiraltyCredibility())) {
      p.add(new Problem(EXT + "/admiralty_credibility", "must be 1..6 (admiralty-scale)"));
    }
    if (!Taxonomies.STATE_RESPONSIBILITY.contains(a.stateResponsibility())) {
      p.add(new Problem(EXT + "/state_responsibility", "must be a state-responsibility level"));
    }
    if (!NATION.matcher(a.assessingNation()).matches()) {
      p.add(new Problem(EXT + "/assessing_nation", "must be an ISO 3166 alpha-3 code"));
    }
    return p;
  }

  /** The attribution as a first-version {@code attributed-to} relationship. */
  public static StixObject relationship(Attribution a, Instant now) {
    return relationship(a, StixIds.random("relationship"), now);
  }

  /**
   * The attribution as a first-version {@code attributed-to} relationship with the given id (a
   * name-based one, for content that must be the same object every time it is loaded).
   *
   * @throws IncidentException with every problem of {@link #check}
   */
  public static StixObject relationship(Attribution a, String id, Instant now) {
    throwIfInvalid(a);
    StixBuilder b = StixBuilder.of("relationship", id);
    a.createdBy().ifPresent(b::createdBy);
    b.put("relationship_type", "attributed-to")
        .put("source_ref", a.subjectRef())
        .put("target_ref", a.targetRef())
        .put("confidence", a.confidence());
    if (!a.rationale().isEmpty()) {
      b.put("description", a.rationale());
    }
    if (!a.markings().isEmpty()) {
      b.markings(a.markings());
    }
    b.extension(BulwarkExtensions.ATTRIBUTION, extension(a));
    String ts = StixTimestamps.formatMillis(now);
    return StixVersions.stamped(b.json(), ts, ts);
  }

  /**
   * Another nation's view of an attribution relationship: an {@code opinion} with its own
   * assessment.
   *
   * @param relationshipId the attribution it is about
   * @param opinion a STIX opinion-enum value
   * @param explanation why
   * @param a the assessing nation's own assessment ({@code subjectRef}/{@code targetRef} as the
   *     relationship's)
   * @param now when
   * @return the opinion
   */
  public static StixObject opinion(
      String relationshipId, String opinion, String explanation, Attribution a, Instant now) {
    throwIfInvalid(a);
    if (!OPINIONS.contains(opinion)) {
      throw new IncidentException("/opinion", "must be one of " + OPINIONS);
    }
    StixBuilder b = StixBuilder.of("opinion", StixIds.random("opinion"));
    a.createdBy().ifPresent(b::createdBy);
    b.put("opinion", opinion)
        .put("explanation", explanation)
        .strings("object_refs", List.of(relationshipId));
    if (!a.markings().isEmpty()) {
      b.markings(a.markings());
    }
    ObjectNode ext = extension(a);
    ext.put("subject_ref", a.subjectRef())
        .put("target_ref", a.targetRef())
        .put("confidence", a.confidence());
    b.extension(BulwarkExtensions.ATTRIBUTION, ext);
    String ts = StixTimestamps.formatMillis(now);
    return StixVersions.stamped(b.json(), ts, ts);
  }

  /**
   * The attribution an {@code attributed-to} relationship or an opinion states.
   *
   * @throws IncidentException with every problem
   */
  public static Attribution fromStix(StixObject o) {
    JsonNode json = o.json();
    JsonNode ext = json.path("extensions").path(BulwarkExtensions.ATTRIBUTION);
    if (!ext.isObject()) {
      throw new IncidentException(EXT, "the Bulwark attribution extension is required");
    }
    JsonFields f = new JsonFields();
    boolean relationship = o.type().equals("relationship");
    JsonNode holder = relationship ? json : ext;
    String subject = f.required(holder, relationship ? "source_ref" : "subject_ref", "");
    String target = f.required(holder, "target_ref", "");
    int confidence = f.integer(holder, "confidence", "", 0, 100).orElse(-1);
    Attribution a =
        new Attribution(
            subject,
            target,
            confidence,
            f.required(ext, "estimative_term", EXT),
            f.required(ext, "admiralty_reliability", EXT),
            f.required(ext, "admiralty_credibility", EXT),
            f.required(ext, "state_responsibility", EXT),
            f.required(ext, "assessing_nation", EXT),
            f.optional(ext, "rationale", EXT).orElse(""),
            o.objectMarkingRefs(),
            o.createdByRef());
    f.throwIfAny();
    throwIfInvalid(a);
    return a;
  }

  private static ObjectNode extension(Attribution a) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("extension_type", "property-extension");
    e.put("assessing_nation", a.assessingNation());
    e.put("estimative_term", a.estimativeTerm());
    e.put("admiralty_reliability", a.admiraltyReliability());
    e.put("admiralty_credibility", a.admiraltyCredibility());
    e.put("state_responsibility", a.stateResponsibility());
    if (!a.rationale().isEmpty()) {
      e.put("rationale", a.rationale());
    }
    return e;
  }

  private static void throwIfInvalid(Attribution a) {
    List<Problem> p = check(a);
    if (!p.isEmpty()) {
      throw new IncidentException(p);
    }
  }
}
