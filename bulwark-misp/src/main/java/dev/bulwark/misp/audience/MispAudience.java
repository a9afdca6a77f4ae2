package dev.bulwark.misp.audience;

import dev.bulwark.misp.model.Distribution;
import dev.bulwark.misp.model.MispSharingGroup;
import dev.bulwark.stix.markings.Tlp;
import java.util.Optional;

/**
 * An audience in MISP's terms, for export: a distribution, the sharing group when it is 4, and the
 * TLP tag to write. Immutable.
 *
 * @param distribution who receives it
 * @param sharingGroup the group when {@code distribution} is {@link Distribution#SHARING_GROUP}
 * @param tlp the TLP tag to write, if any
 */
public record MispAudience(
    Distribution distribution, Optional<MispSharingGroup> sharingGroup, Optional<Tlp> tlp) {}
