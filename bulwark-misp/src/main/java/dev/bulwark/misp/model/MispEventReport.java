package dev.bulwark.misp.model;

import java.util.Optional;

/**
 * A MISP event report (markdown text attached to an event). Immutable.
 *
 * @param uuid its uuid
 * @param name its title
 * @param content the markdown
 * @param timestamp last change (epoch seconds)
 * @param distribution who receives it
 * @param sharingGroup the sharing group when {@code distribution} is 4
 */
public record MispEventReport(
    String uuid,
    String name,
    String content,
    long timestamp,
    Distribution distribution,
    Optional<MispSharingGroup> sharingGroup) {}
