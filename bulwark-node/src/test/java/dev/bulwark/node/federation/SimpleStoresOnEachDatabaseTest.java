package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.Anchor;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.TestDatabases;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stores that go through Spring's JdbcClient (peers, cursors, principals, anchors) keep their
 * SQL semantics on H2 and on PostgreSQL (when CI names one): replace, upsert, insert-unless-taken,
 * the transaction of a peer's removal with its cursors, and failures reported as before.
 */
class SimpleStoresOnEachDatabaseTest {
  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private static Peer peer(String name, Duration interval) {
    return new Peer(
        name,
        "LVA",
        URI.create("https://lv.example/api1/"),
        "est",
        "secret",
        "",
        "",
        List.of("a", "b"),
        List.of(),
        interval);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aPeerIsReplacedByNameAndRemovedWithItsCursors(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      PeerStore peers = new PeerStore(ds);
      CursorStore cursors = new CursorStore(ds);
      peers.put(peer("lv", Duration.ofSeconds(30)));
      peers.put(peer("lv", Duration.ofSeconds(60)));
      peers.put(peer("fi", Duration.ofSeconds(5)));
      assertThat(peers.list()).extracting(Peer::name).containsExactly("fi", "lv");
      assertThat(peers.find("lv").orElseThrow().interval()).isEqualTo(Duration.ofSeconds(60));
      assertThat(peers.find("lv").orElseThrow().pull()).containsExactly("a", "b");

      Cursor start = Cursor.start("lv", Direction.PULL, "a");
      cursors.save(start);
      cursors.save(start.advanced("2026-01-01T00:00:00.000000Z", 3, 1, 42));
      cursors.save(Cursor.start("fi", Direction.PUSH, "a").failed("x".repeat(3000), 7));
      Cursor saved = cursors.find("lv", Direction.PULL, "a").orElseThrow();
      assertThat(saved.position()).isEqualTo("2026-01-01T00:00:00.000000Z");
      assertThat(saved.objects()).isEqualTo(3);
      assertThat(saved.rejected()).isEqualTo(1);
      assertThat(cursors.find("fi", Direction.PUSH, "a").orElseThrow().lastError()).hasSize(2000);
      assertThat(cursors.find("lv", Direction.PUSH, "a")).isEmpty();
      assertThat(cursors.all()).hasSize(2);

      assertThat(peers.remove("lv")).isTrue();
      assertThat(peers.remove("lv")).isFalse();
      assertThat(peers.list()).extracting(Peer::name).containsExactly("fi");
      assertThat(cursors.all()).extracting(Cursor::peer).containsExactly("fi");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aPrincipalNameIsTakenOnceAndRevokedOnce(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC());
      PrincipalStore.Issued issued =
          principals.add(
              "analyst",
              "EST",
              Set.of(Role.READER),
              Optional.of("identity--8f1c4e59-5b1f-4d64-9b3e-0a4f5f3f2a11"),
              0,
              Optional.empty());
      assertThatThrownBy(
              () ->
                  principals.add(
                      "analyst", "EST", Set.of(Role.READER), Optional.empty(), 0, Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already exists");
      assertThat(principals.identityRegistered("identity--8f1c4e59-5b1f-4d64-9b3e-0a4f5f3f2a11"))
          .isTrue();
      assertThat(principals.identityRegistered("identity--00000000-0000-4000-8000-000000000000"))
          .isFalse();
      assertThat(principals.find("analyst")).map(NodePrincipal::nation).contains("EST");
      assertThat(principals.find("")).isEmpty();
      assertThat(principals.list()).extracting(NodePrincipal::name).containsExactly("analyst");
      assertThat(principals.authenticate(Optional.empty(), issued.token())).isPresent();
      assertThat(principals.revoke("analyst")).isTrue();
      assertThat(principals.revoke("analyst")).isFalse();
      assertThat(principals.authenticate(Optional.empty(), issued.token())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anAnchorIsRecordedOncePerLinkAndListedByDirectionAndPeer(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      AnchorStore anchors = new AnchorStore(ds);
      Anchor first = new Anchor(5, "a".repeat(64), 100);
      assertThat(anchors.record(received("lv", first))).isTrue();
      assertThat(anchors.record(received("lv", first))).isFalse();
      // another link for the same record: evidence of a rewrite, kept
      assertThat(anchors.record(received("lv", new Anchor(5, "b".repeat(64), 200)))).isTrue();
      assertThat(
              anchors.record(
                  new AnchorStore.Exchanged(AnchorStore.Direction.SENT, "fi", "FIN", first, 3)))
          .isTrue();
      assertThat(anchors.list(Optional.empty(), Optional.empty())).hasSize(3);
      assertThat(anchors.list(Optional.of(AnchorStore.Direction.RECEIVED), Optional.of("lv")))
          .extracting(e -> e.anchor().link())
          .containsExactly("a".repeat(64), "b".repeat(64));
      assertThat(anchors.list(Optional.empty(), Optional.of("fi"))).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailureSaysWhatCouldNotBeDoneWithTheDatabasesMessage(TestDatabases.Kind db)
      throws Exception {
    HikariDataSource ds = db.open();
    PeerStore peers = new PeerStore(ds);
    ds.close();
    assertThatThrownBy(peers::list)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot list peers: ");
  }

  private static AnchorStore.Exchanged received(String peer, Anchor a) {
    return new AnchorStore.Exchanged(AnchorStore.Direction.RECEIVED, peer, "LVA", a, 1);
  }
}
