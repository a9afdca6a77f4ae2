package dev.bulwark.readiness.declaration;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One version of an ally's declaration of a unit or formation to the NATO Force Model. A unit is
 * known by {@code nation} + {@code unit}; a later {@code validFrom} makes a new version of it.
 * Immutable and thread-safe.
 *
 * @param nation the declaring ally (ISO 3166-1 alpha-3, upper case)
 * @param unit the unit's or formation's name, unique within the nation
 * @param unitType e.g. "armoured brigade", "frigate", "fighter squadron"
 * @param personnel the unit's personnel (0 or more)
 * @param equipment major equipment counts by kind (e.g. {@code mbt → 44}); may be empty
 * @param noticeToMoveDays days from the order to move until the unit moves (0 or more)
 * @param statedTier a tier given by the ally (1–3, or 0 for none), empty to derive it
 * @param regionalPlan the regional plan the unit is assigned to (e.g. "north", "centre")
 * @param cLevel the overall readiness rating C1–C5 (1 is best), as in the public US SORTS scheme
 * @param sub the four SORTS-like sub-ratings (each 1–5 when given)
 * @param validFrom the day from which this version holds
 */
public record Declaration(
    String nation,
    String unit,
    Domain domain,
    String unitType,
    int personnel,
    Map<String, Integer> equipment,
    int noticeToMoveDays,
    OptionalInt statedTier,
    String regionalPlan,
    Status status,
    int cLevel,
    SubRatings sub,
    LocalDate validFrom) {

  public Declaration {
    Objects.requireNonNull(nation, "nation");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(unitType, "unitType");
    Objects.requireNonNull(regionalPlan, "regionalPlan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sub, "sub");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(statedTier, "statedTier");
    equipment = Map.copyOf(new TreeMap<>(equipment));
    if (personnel < 0 || noticeToMoveDays < 0) {
      throw new IllegalArgumentException("personnel and notice to move must not be negative");
    }
    if (cLevel < 1 || cLevel > 5) {
      throw new IllegalArgumentException("c_level must be 1 to 5");
    }
    if (statedTier.isPresent() && (statedTier.getAsInt() < 0 || statedTier.getAsInt() > 3)) {
      throw new IllegalArgumentException("tier must be 1 to 3 (or 0 for none)");
    }
  }

  /** The four sub-ratings of SORTS: personnel, equipment on hand, equipment condition, training. */
  public record SubRatings(
      OptionalInt personnel,
      OptionalInt equipmentOnHand,
      OptionalInt equipmentCondition,
      OptionalInt training) {
    public static final SubRatings NONE =
        new SubRatings(
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    public SubRatings {
      for (OptionalInt r :
          new OptionalInt[] {personnel, equipmentOnHand, equipmentCondition, training}) {
        Objects.requireNonNull(r, "sub-rating");
        if (r.isPresent() && (r.getAsInt() < 1 || r.getAsInt() > 5)) {
          throw new IllegalArgumentException("sub-ratings must be 1 to 5");
        }
      }
    }
  }

  /** The unit's key: nation and unit. */
  public String key() {
    return nation + "\u0000" + unit;
  }

  /** The tier it counts in: the stated one, or the one its notice to move falls in. */
  public int tier() {
    return statedTier.orElse(Tiers.derive(noticeToMoveDays));
  }

  /** Ready: rated C1 or C2. */
  public boolean ready() {
    return cLevel <= 2;
  }

  /** The equipment count of a kind, if given. */
  public Optional<Integer> equipmentOf(String kind) {
    return Optional.ofNullable(equipment.get(kind));
  }
}
