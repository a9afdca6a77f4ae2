package dev.bulwark.misp.model;

import java.util.List;

/**
 * A MISP sharing group with its member organisations. Immutable.
 *
 * @param id the local id MISP refers to it by ({@code sharing_group_id}), may be empty
 * @param uuid the group's uuid
 * @param name its name
 * @param organisations the member organisations
 */
public record MispSharingGroup(String id, String uuid, String name, List<MispOrg> organisations) {
  /** Copies the list. */
  public MispSharingGroup {
    organisations = List.copyOf(organisations);
  }
}
