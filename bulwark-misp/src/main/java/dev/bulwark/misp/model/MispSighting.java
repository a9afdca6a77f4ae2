package dev.bulwark.misp.model;

/**
 * A MISP sighting of an attribute. Immutable.
 *
 * @param uuid the sighting's uuid
 * @param attributeUuid the attribute seen
 * @param type 0 sighting, 1 false positive, 2 expiration
 * @param dateSighting when (epoch seconds)
 * @param source free text, may be empty
 * @param org the organisation that reported it, or null
 */
public record MispSighting(
    String uuid, String attributeUuid, int type, long dateSighting, String source, MispOrg org) {

  /** Type 0: seen. */
  public static final int SIGHTING = 0;

  /** Type 1: a false positive. */
  public static final int FALSE_POSITIVE = 1;

  /** Type 2: the attribute expired. */
  public static final int EXPIRATION = 2;
}
