package dev.bulwark.misp.stix;

import dev.bulwark.stix.StixIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The (STIX type, uuid) ⇄ MISP uuid table. Several STIX objects may stand for one MISP element when
 * they carry the same value (an attribute's indicator, observed-data and SCO); two that claim one
 * MISP uuid with different values collide: the second gets a derived uuid and the collision is
 * recorded, never merged. Not thread-safe: one per import or export run.
 */
public final class UuidTable {
  /** Namespace of the uuids given to the losing side of a collision. */
  static final UUID COLLISION_NAMESPACE = UUID.fromString("b7e2c9a4-1d3f-5b68-a0c2-4e9f1a7d3b52");

  private final Map<String, String> stixToMisp = new HashMap<>();
  private final Map<String, List<String>> mispToStix = new HashMap<>();
  private final Map<String, String> valueOf = new HashMap<>();
  private final Map<String, String> ownerOf = new HashMap<>();
  private final List<UuidCollision> collisions = new ArrayList<>();

  /**
   * Adds known rows (from an import).
   *
   * @param mappings rows
   */
  public void addAll(List<UuidMapping> mappings) {
    for (UuidMapping m : mappings) {
      stixToMisp.put(m.stixId(), m.mispUuid());
      mispToStix.computeIfAbsent(m.mispUuid(), k -> new ArrayList<>()).add(m.stixId());
    }
  }

  /**
   * The MISP uuid a STIX id stands for.
   *
   * @param stixId a STIX id
   * @return the MISP uuid, if known
   */
  public Optional<String> mispUuid(String stixId) {
    return Optional.ofNullable(stixToMisp.get(stixId));
  }

  /**
   * The STIX ids that stand for a MISP uuid.
   *
   * @param mispUuid a MISP uuid
   * @return the STIX ids, possibly none
   */
  public List<String> stixIds(String mispUuid) {
    return List.copyOf(mispToStix.getOrDefault(mispUuid, List.of()));
  }

  /**
   * Claims a MISP uuid for a STIX object carrying a value.
   *
   * @param stixId the STIX object
   * @param proposedMispUuid the uuid it would take (usually its own)
   * @param value what it carries (type and value); the same value may share the uuid
   * @return the uuid it gets: the proposed one, or a derived one after a collision
   */
  public String claim(String stixId, String proposedMispUuid, String value) {
    String known = stixToMisp.get(stixId);
    if (known != null) {
      return known;
    }
    String held = valueOf.get(proposedMispUuid);
    String uuid = proposedMispUuid;
    if (held == null) {
      valueOf.put(proposedMispUuid, value);
      ownerOf.put(proposedMispUuid, stixId);
    } else if (!held.equals(value)) {
      uuid = StixIds.uuid5(COLLISION_NAMESPACE, stixId).toString();
      collisions.add(
          new UuidCollision(proposedMispUuid, ownerOf.get(proposedMispUuid), stixId, uuid));
      valueOf.put(uuid, value);
      ownerOf.put(uuid, stixId);
    }
    stixToMisp.put(stixId, uuid);
    mispToStix.computeIfAbsent(uuid, k -> new ArrayList<>()).add(stixId);
    return uuid;
  }

  /** The collisions met, in order. */
  public List<UuidCollision> collisions() {
    return List.copyOf(collisions);
  }
}
