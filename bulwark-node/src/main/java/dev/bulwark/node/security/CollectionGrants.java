package dev.bulwark.node.security;

import java.util.List;

/**
 * Who may read and who may write a collection. Admins may always do both. Immutable.
 */
public record CollectionGrants(List<Grant> read, List<Grant> write) {
  public CollectionGrants {
    read = List.copyOf(read);
    write = List.copyOf(write);
  }

  /** Out of the box: readers, contributors and peers of any nation read; contributors and peers write. */
  public static CollectionGrants defaults() {
    return new CollectionGrants(
        Grant.parseList("reader,contributor,peer"),
        // peers push what their nation originated (federation); what they may add is still checked
        Grant.parseList("contributor,peer"));
  }

  public boolean canRead(NodePrincipal p) {
    return p.isAdmin() || read.stream().anyMatch(g -> g.admits(p));
  }

  public boolean canWrite(NodePrincipal p) {
    return p.isAdmin() || write.stream().anyMatch(g -> g.admits(p));
  }
}
