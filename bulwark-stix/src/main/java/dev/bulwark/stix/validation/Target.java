package dev.bulwark.stix.validation;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an identifier property may point to: a set of object types, or whole categories (custom
 * object types count as SDO or SCO, since their category cannot be known from the reference alone).
 * Immutable and thread-safe.
 */
record Target(Set<String> types, Set<Category> categories, boolean any) {

  static final Target ANY = new Target(Set.of(), Set.of(), true);

  static Target types(String... types) {
    return new Target(Set.of(types), Set.of(), false);
  }

  static Target categories(Category... categories) {
    return new Target(Set.of(), EnumSet.of(categories[0], categories), false);
  }

  /** Whether a reference to an object of this type is allowed. */
  boolean allows(String type) {
    if (any || types.contains(type)) {
      return true;
    }
    if (categories.isEmpty()) {
      return false;
    }
    TypeSpec spec = TypeTable.TYPES.get(type);
    if (spec == null) {
      // Custom types may be SDOs or SCOs; only the known non-core families are excluded.
      return categories.contains(Category.SDO) || categories.contains(Category.SCO);
    }
    return categories.contains(spec.category());
  }

  String describe() {
    if (any) {
      return "any STIX object";
    }
    StringBuilder sb = new StringBuilder();
    for (String t : new TreeSet<>(types)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t);
    }
    for (Category c : categories) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(c == Category.SDO ? "an SDO" : c == Category.SCO ? "an SCO" : "an SRO");
    }
    return sb.toString();
  }
}
