package dev.bulwark.node.security;

import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.GranularRedaction;
import dev.bulwark.stix.markings.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Granular markings on the node's read paths: what of a stored object one reader may receive, by
 * {@link GranularRedaction} with the decisions of the {@link AccessPolicy}. A part carrying
 * granular marking M may be read by a reader when the policy lets the reader read the object as if
 * M were one of its object markings (so a statement marking restricts nothing, an AMBER+STRICT part
 * of a GREEN object goes to the originating nation only, and a releasability marking on the part
 * narrows the object's list to the nations both allow).
 *
 * <p>Used twice per object served: {@link #withholding} drops from a read the objects whose
 * required property the reader may not read (so that every endpoint, manifest and versions
 * included, answers as if they did not exist), and {@link #jsonFor} gives the JSON to send. Objects
 * without granular markings (and without escapes in their text) cost one scan of their JSON text.
 * Thread-safe.
 */
public final class GranularMarkings {
  private static final String PROPERTY = "granular_markings";

  /**
   * A property name may be written with escapes ("granular\u005fmarkings"): such text is parsed.
   */
  private static final String ESCAPE = "\\u";

  private final AccessPolicy policy;
  private final StixCodec codec = new StixCodec();

  public GranularMarkings(AccessPolicy policy) {
    this.policy = policy;
  }

  /**
   * The JSON of the object that the reader may receive: as stored when no granular marking keeps
   * anything from the reader, redacted otherwise; empty when the object is withheld whole. The
   * caller has already decided, through the access policy, that the reader may read the object
   * itself.
   */
  public Optional<String> jsonFor(
      Reader reader, StoredObject object, Set<String> unmarkedDefaultNations) {
    if (!object.json().contains(PROPERTY) && !object.json().contains(ESCAPE)) {
      return Optional.of(object.json());
    }
    StixObject parsed;
    try {
      parsed = codec.parseObject(object.json());
    } catch (StixParseException e) {
      return Optional.empty(); // stored objects were valid when stored; fail closed all the same
    }
    GranularRedaction.Outcome outcome =
        GranularRedaction.redact(
            parsed, ref -> mayReadPart(reader, object, ref, unmarkedDefaultNations));
    if (outcome instanceof GranularRedaction.Redacted r) {
      return Optional.of(r.object().toJson());
    }
    return outcome instanceof GranularRedaction.Unchanged
        ? Optional.of(object.json())
        : Optional.empty();
  }

  /**
   * A filter that permits what {@code filter} permits, except objects the reader would get nothing
   * of (withheld whole). Rows read without their JSON (version headers) are left to {@code filter}.
   */
  public ReadFilter withholding(
      ReadFilter filter, Reader reader, Set<String> unmarkedDefaultNations) {
    return new Withholding(filter, this, reader, unmarkedDefaultNations);
  }

  /** Whether the reader may read a part that carries this granular marking on this object. */
  private boolean mayReadPart(
      Reader reader, StoredObject object, String markingRef, Set<String> defaults) {
    List<String> refs = new ArrayList<>(object.markingRefs());
    refs.add(markingRef);
    StoredObject asIfMarked =
        new StoredObject(
            object.collectionId(),
            object.objectId(),
            object.type(),
            object.version(),
            object.versionMicros(),
            object.specVersion(),
            object.dateAddedMicros(),
            object.originNation(),
            object.addedBy(),
            refs,
            object.json());
    return policy.mayRead(reader, asIfMarked, defaults);
  }

  /** The filter of {@link #withholding}: a documented wrapper around the policy's filter. */
  private record Withholding(
      ReadFilter filter, GranularMarkings parts, Reader reader, Set<String> defaults)
      implements ReadFilter {
    @Override
    public boolean permits(StoredObject object) {
      return filter.permits(object)
          && (object.json().isEmpty() || parts.jsonFor(reader, object, defaults).isPresent());
    }
  }
}
