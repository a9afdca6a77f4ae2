package dev.bulwark.node.security;

import java.util.List;
import java.util.Optional;

/**
 * Who may read and who may write a collection. Admins may always read, and write every collection
 * that is not node-owned. Immutable.
 *
 * <p>A <b>node-owned</b> collection ({@code maritime-alerts}, {@code support-reports} out of the
 * box) holds what the node itself publishes: the node's own writers add to it through the store,
 * never through TAXII, and over TAXII only peers write to it (federation relaying what their nation
 * published; what a peer may add is still checked object by object). Contributors, readers and
 * admins may not write to it: an object a person put there would be served to allies as if the node
 * had published it, with the node's name on it. Admins may still delete from it (to clean out what
 * an older node let others write there).
 *
 * @param nodeOwned whether only the node itself and peers add objects (see above)
 */
public record CollectionGrants(List<Grant> read, List<Grant> write, boolean nodeOwned) {
  public CollectionGrants {
    read = List.copyOf(read);
    write = List.copyOf(write);
  }

  /** Grants of a collection that is not node-owned. */
  public CollectionGrants(List<Grant> read, List<Grant> write) {
    this(read, write, false);
  }

  /**
   * Out of the box: readers, contributors and peers of any nation read; contributors and peers
   * write.
   */
  public static CollectionGrants defaults() {
    return new CollectionGrants(
        Grant.parseList("reader,contributor,peer"),
        // peers push what their nation originated (federation); what they may add is still checked
        Grant.parseList("contributor,peer"));
  }

  /**
   * The grants of a node-owned collection: the given read grants, and of the write grants only
   * those of peers (the defaults without a write list).
   *
   * @throws IllegalArgumentException when a write grant names another role than peer
   */
  public static CollectionGrants nodeOwned(String collection, List<Grant> read, List<Grant> write) {
    for (Grant g : write) {
      if (g.role() != Role.PEER) {
        throw new IllegalArgumentException(
            "collection "
                + collection
                + " is owned by the node: only peers may be"
                + " granted write, not "
                + g);
      }
    }
    return new CollectionGrants(read, write, true);
  }

  /** The write grants of a node-owned collection when none are configured: any peer. */
  public static List<Grant> peersOnly() {
    return Grant.parseList("peer");
  }

  public boolean canRead(NodePrincipal p) {
    return p.isAdmin() || read.stream().anyMatch(g -> g.admits(p));
  }

  public boolean canWrite(NodePrincipal p) {
    if (nodeOwned) {
      return write.stream().anyMatch(g -> g.role() == Role.PEER && g.admits(p));
    }
    return p.isAdmin() || write.stream().anyMatch(g -> g.admits(p));
  }

  /** Whether the principal may delete objects it can read: a writer, or an admin. */
  public boolean canDelete(NodePrincipal p) {
    return canRead(p) && (canWrite(p) || p.isAdmin());
  }

  /** Why the principal may not write, for the 403 answer; empty when it may. */
  public Optional<String> writeRefusal(NodePrincipal p) {
    if (canWrite(p)) {
      return Optional.empty();
    }
    return Optional.of(
        nodeOwned
            ? "This collection is owned by the node: only the node itself publishes into it, and peers relay"
                + " their own nation's objects into it. You may not add objects to it."
            : "You may not add objects to this collection.");
  }
}
