package dev.bulwark.incidents;

import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.incidents.kinds.ActKind;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.incidents.lifecycle.StatusStep;
import dev.bulwark.stix.StixIds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One hostile act in the register: what happened (its kind and the kind's fields), where and when
 * it was first seen, the identifiers it names, where it stands in the lifecycle and who moved it
 * there. Its STIX form is {@link dev.bulwark.incidents.stix.IncidentStix}'s. Immutable; lists are
 * copied.
 *
 * @param id {@code incident--uuid}
 * @param name short title
 * @param description free text, may be empty
 * @param details the kind and its fields
 * @param status where it stands (the last step of {@code history})
 * @param determination the OASIS determination
 * @param firstSeen when the act was first seen
 * @param location where, when known
 * @param entities identifiers it names
 * @param history every lifecycle step, oldest first; never empty
 * @param evidenceRefs STIX ids of evidence (notes, vessels, infrastructure, alerts)
 * @param markings marking-definition ids
 * @param createdBy the author identity, when known
 * @param source how it entered the register ({@code analyst}, {@code csv}, {@code stix}, {@code
 *     maritime-alert}, {@code migration-surge}, {@code federation})
 */
public record Incident(
    String id,
    String name,
    String description,
    ActDetails details,
    Status status,
    Determination determination,
    Instant firstSeen,
    Optional<GeoPoint> location,
    Entities entities,
    List<StatusStep> history,
    List<String> evidenceRefs,
    List<String> markings,
    Optional<String> createdBy,
    String source) {

  /** Checks what a record can check alone and copies the lists. */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(determination, "determination");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(source, "source");
    history = List.copyOf(history);
    evidenceRefs = List.copyOf(evidenceRefs);
    markings = List.copyOf(markings);
    if (!id.startsWith("incident--") || !StixIds.isIdentifier(id)) {
      throw new IllegalArgumentException("not an incident id: " + id);
    }
    if (history.isEmpty() || history.get(history.size() - 1).status() != status) {
      throw new IllegalArgumentException("the status must be the last step of the history");
    }
  }

  /**
   * A new register entry: a fresh id, status reported (by {@code by} at {@code at}), determination
   * suspected.
   */
  public static Incident reported(
      String name,
      String description,
      ActDetails details,
      Instant firstSeen,
      Optional<GeoPoint> location,
      Entities entities,
      List<String> markings,
      String by,
      Instant at,
      String source) {
    return new Incident(
        StixIds.random("incident"),
        name,
        description,
        details,
        Status.REPORTED,
        Determination.SUSPECTED,
        firstSeen,
        location,
        entities,
        List.of(new StatusStep(Status.REPORTED, by, at)),
        List.of(),
        markings,
        Optional.empty(),
        source);
  }

  /** The kind of act. */
  public ActKind kind() {
    return details.kind();
  }

  /** This incident with another id (same content), e.g. a name-based id for an import. */
  public Incident withId(String newId) {
    return new Incident(
        newId,
        name,
        description,
        details,
        status,
        determination,
        firstSeen,
        location,
        entities,
        history,
        evidenceRefs,
        markings,
        createdBy,
        source);
  }

  /** This incident with another status history (its last step gives the status). */
  public Incident withHistory(List<StatusStep> steps) {
    return new Incident(
        id,
        name,
        description,
        details,
        steps.get(steps.size() - 1).status(),
        determination,
        firstSeen,
        location,
        entities,
        steps,
        evidenceRefs,
        markings,
        createdBy,
        source);
  }

  /** This incident with evidence refs, author and determination set. */
  public Incident with(
      List<String> evidence, Optional<String> author, Determination newDetermination) {
    return new Incident(
        id,
        name,
        description,
        details,
        status,
        newDetermination,
        firstSeen,
        location,
        entities,
        history,
        evidence,
        markings,
        author,
        source);
  }
}
