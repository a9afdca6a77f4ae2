package dev.bulwark.support.contribution;

/**
 * What a contribution is. The first eight are the kinds of military support that count towards the
 * Washington summit baseline; {@link #MILITARY_UNSPECIFIED} is military aid not itemised further
 * (the Kiel tracker's aggregate); humanitarian and financial aid, and unallocated amounts, are
 * reported but never counted. Thread-safe (an enum).
 */
public enum Category {
  EQUIPMENT_PURCHASE(true),
  IN_KIND_DONATION(true),
  MAINTENANCE(true),
  LOGISTICS_TRANSPORT(true),
  TRAINING(true),
  OPERATIONAL_COSTS(true),
  DEFENCE_INFRASTRUCTURE_INDUSTRY(true),
  NATO_TRUST_FUND(true),
  MILITARY_UNSPECIFIED(true),
  HUMANITARIAN(false),
  FINANCIAL(false),
  UNALLOCATED(false);

  private final boolean eligible;

  Category(boolean eligible) {
    this.eligible = eligible;
  }

  /** Whether it counts towards an ally's fair share of the baseline. */
  public boolean eligible() {
    return eligible;
  }
}
