package dev.bulwark.misp.model;

import java.util.List;
import java.util.Optional;

/**
 * A MISP object: attributes grouped by an object template. Immutable.
 *
 * @param uuid its uuid
 * @param name the template name ({@code file}, {@code domain-ip}, ...)
 * @param metaCategory the template's meta-category
 * @param templateUuid the template uuid, may be empty
 * @param templateVersion the template version, may be empty
 * @param comment free text, may be empty
 * @param timestamp last change (epoch seconds)
 * @param distribution who receives it
 * @param sharingGroup the sharing group when {@code distribution} is 4
 * @param attributes its attributes (each with an {@code object_relation})
 * @param references its references to other attributes or objects
 */
public record MispObject(
    String uuid,
    String name,
    String metaCategory,
    String templateUuid,
    String templateVersion,
    String comment,
    long timestamp,
    Distribution distribution,
    Optional<MispSharingGroup> sharingGroup,
    List<MispAttribute> attributes,
    List<MispObjectReference> references) {
  /** Copies the lists. */
  public MispObject {
    attributes = List.copyOf(attributes);
    references = List.copyOf(references);
  }
}
