package dev.bulwark.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may write a collection, and what changes when the node owns it. */
class CollectionGrantsTest {
  static NodePrincipal principal(String nation, Role... roles) {
    return new NodePrincipal(
        "p", nation, EnumSet.of(roles[0], roles), Optional.empty(), 0L, 0L, 0L);
  }

  static final NodePrincipal CONTRIBUTOR = principal("EST", Role.CONTRIBUTOR);
  static final NodePrincipal ADMIN = principal("EST", Role.ADMIN);
  static final NodePrincipal FIN_PEER = principal("FIN", Role.PEER);
  static final NodePrincipal UKR_PEER = principal("UKR", Role.PEER);
  static final NodePrincipal READER = principal("EST", Role.READER);

  @Test
  void anOrdinaryCollectionTakesWritesFromContributorsPeersAndAdmins() {
    CollectionGrants g = CollectionGrants.defaults();
    assertThat(g.canWrite(CONTRIBUTOR)).isTrue();
    assertThat(g.canWrite(FIN_PEER)).isTrue();
    assertThat(g.canWrite(ADMIN)).isTrue();
    assertThat(g.canWrite(READER)).isFalse();
    assertThat(g.writeRefusal(READER)).contains("You may not add objects to this collection.");
  }

  @Test
  void aNodeOwnedCollectionTakesWritesFromPeersOnlyAndSaysWhy() {
    CollectionGrants g =
        CollectionGrants.nodeOwned(
            "maritime-alerts", CollectionGrants.defaults().read(), CollectionGrants.peersOnly());
    assertThat(g.canWrite(FIN_PEER)).isTrue();
    for (NodePrincipal p : new NodePrincipal[] {CONTRIBUTOR, ADMIN, READER}) {
      assertThat(g.canWrite(p)).isFalse();
      assertThat(g.writeRefusal(p).orElseThrow()).contains("owned by the node");
    }
    assertThat(g.canRead(CONTRIBUTOR)).isTrue();
    assertThat(g.canDelete(ADMIN)).isTrue();
    assertThat(g.canDelete(CONTRIBUTOR)).isFalse();
  }

  @Test
  void aNodeOwnedCollectionMayLimitItsPeersButNeverGrantOthersWrite() {
    CollectionGrants natoPeers =
        CollectionGrants.nodeOwned(
            "maritime-alerts", CollectionGrants.defaults().read(), Grant.parseList("peer@NATO"));
    assertThat(natoPeers.canWrite(FIN_PEER)).isTrue();
    assertThat(natoPeers.canWrite(UKR_PEER)).isFalse();
    assertThatThrownBy(
            () ->
                CollectionGrants.nodeOwned(
                    "maritime-alerts",
                    CollectionGrants.defaults().read(),
                    Grant.parseList("peer,contributor@EST")))
        .hasMessageContaining("owned by the node")
        .hasMessageContaining("contributor@EST");
  }
}
