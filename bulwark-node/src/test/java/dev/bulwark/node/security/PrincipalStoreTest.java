package dev.bulwark.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Principals: tokens shown once and stored hashed (SHA-256; old PBKDF2 hashes upgraded on use),
 * checked by name and key, revoked and expired at once.
 */
class PrincipalStoreTest {
  static HikariDataSource ds;
  static PrincipalStore store;

  @BeforeAll
  static void open() throws Exception {
    ds = TestDatabases.freshH2();
    store = new PrincipalStore(ds, Clock.systemUTC(), 1000);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  private static String add(String name, long expires) {
    return store
        .add(
            name,
            "est",
            EnumSet.of(Role.READER, Role.CONTRIBUTOR),
            Optional.of("identity--0b7d9c1e-5a43-4c2e-9d8f-1a2b3c4d5e6f"),
            expires,
            Optional.empty())
        .token();
  }

  @Test
  void theTokenAuthenticatesAsBearerAndAsBasicPasswordOfItsOwnName() {
    String token = add("alice", 0);
    assertThat(store.authenticate(Optional.empty(), token))
        .hasValueSatisfying(
            p -> {
              assertThat(p.name()).isEqualTo("alice");
              assertThat(p.nation()).isEqualTo("EST");
              assertThat(p.roles()).containsExactlyInAnyOrder(Role.READER, Role.CONTRIBUTOR);
            });
    assertThat(store.authenticate(Optional.of("alice"), token)).isPresent();
    assertThat(store.authenticate(Optional.of("mallory"), token)).isEmpty();
    assertThat(store.authenticate(Optional.empty(), token)).isPresent();
  }

  @Test
  void theNamesTheNodesOwnWritersRecordCannotBeTakenByAPrincipal() {
    // the maritime ledger adopts what "maritime-watch" of its nation wrote: nobody may pass for it
    for (String reserved : List.of("maritime-watch", "Maritime-Watch", "bulwark", "demo")) {
      assertThatThrownBy(() -> add(reserved, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reserved");
    }
    assertThat(store.find("maritime-watch")).isEmpty();
    assertThat(add("maritime-watch-analyst", 0)).isNotEmpty();
  }

  @Test
  void onlyAHashIsStored() throws Exception {
    String token = add("carol", 0);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT secret_hash FROM principals WHERE name = 'carol'")) {
      rs.next();
      assertThat(rs.getString(1))
          .startsWith("sha256:")
          .hasSize(7 + 64)
          .doesNotContain(token.substring(21));
    }
  }

  @Test
  void aTokenHashedWithPbkdf2BeforeStillWorksAndIsRehashedOnItsFirstUse() throws Exception {
    String token = add("heidi", 0);
    String legacy =
        "pbkdf2-sha256:1000:"
            + new Pbkdf2PasswordEncoder(
                    "",
                    16,
                    1000,
                    Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)
                .encode(token);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE principals SET secret_hash = '" + legacy + "' WHERE name = 'heidi'");
    }
    assertThat(store.authenticate(Optional.empty(), token.substring(0, token.length() - 1) + "x"))
        .isEmpty();
    assertThat(hashOf("heidi")).isEqualTo(legacy);
    assertThat(store.authenticate(Optional.of("heidi"), token)).isPresent();
    assertThat(hashOf("heidi")).startsWith("sha256:");
    assertThat(store.authenticate(Optional.of("heidi"), token)).isPresent();
  }

  @Test
  void finding7_unknownKeysAndWrongSecretsOfKnownKeysAreRefusedCheaplyAndAlike() {
    String token = add("ivan", 0);
    String wrongSecret = token.substring(0, 21) + "A".repeat(43);
    String unknownKey = "bwk_" + "0123456789abcdef" + token.substring(20);
    for (int i = 0; i < 200; i++) {
      // warm-up, so that the timing below is of the steady state
      store.authenticate(Optional.empty(), wrongSecret);
      store.authenticate(Optional.empty(), unknownKey);
    }
    long wrong = 0;
    long unknown = 0;
    int rounds = 500;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      assertThat(store.authenticate(Optional.empty(), wrongSecret)).isEmpty();
      long t1 = System.nanoTime();
      assertThat(store.authenticate(Optional.empty(), unknownKey)).isEmpty();
      wrong += t1 - t0;
      unknown += System.nanoTime() - t1;
    }
    // PBKDF2 took 70 ms a check; now both are a row lookup and one SHA-256 (well under 5 ms each)
    assertThat(wrong / rounds).isLessThan(5_000_000L);
    assertThat(unknown / rounds).isLessThan(5_000_000L);
    assertThat(store.authenticate(Optional.empty(), token)).isPresent();
  }

  private static String hashOf(String name) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT secret_hash FROM principals WHERE name = '" + name + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aTokenWithOneCharacterChangedIsRefused() {
    String token = add("dave", 0);
    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(store.authenticate(Optional.empty(), altered)).isEmpty();
    assertThat(store.authenticate(Optional.empty(), "bwk_short")).isEmpty();
    assertThat(store.authenticate(Optional.empty(), "")).isEmpty();
  }

  @Test
  void revokedAndExpiredPrincipalsAreRefusedAtOnce() {
    String token = add("erin", 0);
    assertThat(store.authenticate(Optional.empty(), token)).isPresent();
    assertThat(store.revoke("erin")).isTrue();
    assertThat(store.authenticate(Optional.empty(), token)).isEmpty();
    assertThat(store.revoke("erin")).isFalse();
    String expired = add("frank", 1L);
    assertThat(store.authenticate(Optional.empty(), expired)).isEmpty();
    assertThat(store.list()).extracting(NodePrincipal::name).contains("erin", "frank");
  }

  @Test
  void badNamesRolesNationsAndDuplicatesAreRefused() {
    add("grace", 0);
    assertThatThrownBy(() -> add("grace", 0)).hasMessageContaining("already exists");
    assertThatThrownBy(() -> add("no spaces", 0)).hasMessageContaining("bad principal name");
    assertThatThrownBy(
            () ->
                store.add(
                    "h", "ESTONIA", EnumSet.of(Role.READER), Optional.empty(), 0, Optional.empty()))
        .hasMessageContaining("alpha-3");
    assertThatThrownBy(
            () ->
                store.add(
                    "h", "EST", EnumSet.noneOf(Role.class), Optional.empty(), 0, Optional.empty()))
        .hasMessageContaining("role");
  }

  @Test
  void aClientCertificateFingerprintFindsItsPrincipal() {
    store.add(
        "sensor-1",
        "LVA",
        EnumSet.of(Role.CONTRIBUTOR),
        Optional.empty(),
        0,
        Optional.of("AB".repeat(32)));
    assertThat(store.byCertificate("ab".repeat(32)))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("sensor-1"));
    assertThat(store.byCertificate("cd".repeat(32))).isEmpty();
    assertThat(store.byCertificate("")).isEmpty();
  }
}
