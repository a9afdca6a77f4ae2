package dev.bulwark.support.report;

import dev.bulwark.stix.StixIds;
import java.util.UUID;

/**
 * The STIX identity the support planning of a nation's node publishes its reports as: a name-based
 * id, the same on every node, so that any node can tell a published report's author from a
 * contributor claiming it. It lives here rather than in the node so that the node's security can
 * reserve every nation's identity whether or not support planning runs there. Stateless and
 * thread-safe.
 */
public final class SupportNodeIdentity {
  private static final UUID NAMESPACE = UUID.fromString("6a3c2f0e-3b7e-4c4f-9a55-0f1d1b5e7a10");

  private SupportNodeIdentity() {}

  /** The identity id of {@code nation}'s support planning (ISO 3166-1 alpha-3). */
  public static String of(String nation) {
    return "identity--" + StixIds.uuid5(NAMESPACE, "bulwark-support-node|" + nation);
  }
}
