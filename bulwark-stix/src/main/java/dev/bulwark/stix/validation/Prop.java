package dev.bulwark.stix.validation;

/**
 * One property of a property table. Immutable and thread-safe.
 *
 * @param name property name
 * @param kind data type
 * @param required whether the table marks it required
 * @param target for identifiers: what they may point to (else null)
 * @param vocab for vocabularies: the vocabulary (else null)
 * @param nested for embedded object types: the nested table name (else null)
 */
record Prop(
    String name,
    Kind kind,
    boolean required,
    Target target,
    Vocabularies.Vocab vocab,
    String nested) {}
