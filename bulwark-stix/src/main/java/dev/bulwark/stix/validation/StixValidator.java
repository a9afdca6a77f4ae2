package dev.bulwark.stix.validation;

import dev.bulwark.stix.InternalAccess;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks one STIX 2.1 object against every rule of the specification (errata 01 included) that can
 * be decided from the object alone: identifier form and type, {@code spec_version}, timestamp
 * format and precision, {@code created <= modified}, required and not-applicable properties of
 * every SDO, SRO, SCO and meta object, closed vocabularies (errors) and open ones (warnings),
 * custom property and type naming, reference targets, extensions and extension-definitions,
 * granular-marking selectors and deterministic SCO identifiers. Rules spanning several objects (a
 * reference resolving, versions of one id) are not checked here. Each {@link Finding} names the
 * JSON path, the rule ({@link Rules}) and the spec section.
 *
 * <p>With {@link ValidationProfile#INTEROP} it also checks the additional requirements of the OASIS
 * STIX 2.1 interoperability profile (see {@link ValidationProfile}); those findings are errors too.
 *
 * <p>Thread-safe and reusable: the rule tables are built once, per class, and each call works on
 * its own state.
 */
public final class StixValidator {

  private final ValidationProfile profile;

  /**
   * Creates a validator of the STIX 2.1 rules ({@link ValidationProfile#STIX_2_1}). Cheap: the
   * tables are static.
   */
  public StixValidator() {
    this(ValidationProfile.STIX_2_1);
  }

  /**
   * Creates a validator of the given rule set. Cheap: the tables are static.
   *
   * @param profile {@link ValidationProfile#STIX_2_1}, or {@link ValidationProfile#INTEROP} for the
   *     specification plus the interoperability profile
   */
  public StixValidator(ValidationProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  /** The rule set this validator applies. */
  public ValidationProfile profile() {
    return profile;
  }

  /**
   * Validates one object (a bundle is validated with every object in it).
   *
   * @param o the object
   * @return the findings; {@link ValidationResult#valid()} when there is no error
   */
  public ValidationResult validate(StixObject o) {
    List<Finding> out = new ArrayList<>(4);
    JsonNode tree = InternalAccess.tree(o);
    new Checker(out).object(tree, "$");
    if (profile == ValidationProfile.INTEROP) {
      InteropProfile.check(tree, "$", out);
    }
    return new ValidationResult(out);
  }

  /**
   * The deterministic identifier STIX 2.1 section 2.9 gives an SCO: UUIDv5 of its ID contributing
   * properties. Useful to producers that create SCOs.
   *
   * @param sco a cyber-observable object (its id is ignored)
   * @return the id, or empty when the type has no ID contributing property present (then a UUIDv4
   *     is required)
   */
  public Optional<String> deterministicId(StixObject sco) {
    return Optional.ofNullable(DeterministicIds.expected(sco.type(), InternalAccess.tree(sco)));
  }
}
