package dev.bulwark.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.SearchAudience;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TestDatabases;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.Tlp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search prefilter ({@link ReleaseAudience}) against the read gate it serves, over every
 * combination of markings (TLP levels, releasability to nations, groups and identities, statements,
 * unresolvable refs), origins, collection defaults and readers (nations with and without
 * identities, the anonymous public): whatever the gate lets a reader read, the prefilter keeps (it
 * may never hide a readable row); and where the gate refuses because of the markings, the prefilter
 * drops the row for the plain cases a search meets most (TLP:AMBER of another nation, AMBER+STRICT,
 * TLP:RED without the identity, releasability to others).
 */
class ReleaseAudienceTest {
  static final String CREATOR = "identity--7d1c0b5e-3f2a-4e8b-9c6d-0a1b2c3d4e5f";
  static final String CREATED = "2026-11-28T00:00:00.000Z";
  static final String RECIPIENT = "identity--0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

  static HikariDataSource ds;
  static ObjectStore store;
  static AccessPolicy policy;
  static ReleaseAudience audience;
  static List<List<String>> markings = new ArrayList<>();
  static final List<CollectionInfo> COLLECTIONS =
      List.of(
          new CollectionInfo("intel", "intel", "t", Set.of()),
          new CollectionInfo("shared", "shared", "t", Set.of("FIN")),
          new CollectionInfo("allies", "allies", "t", Set.of("NATO")));

  @BeforeAll
  static void store() throws Exception {
    ds = TestDatabases.freshH2();
    store = new ObjectStore(ds, Clock.systemUTC());
    COLLECTIONS.forEach(store::ensureCollection);
    policy = new AccessPolicy(store);
    audience = new ReleaseAudience(policy);
    String toDeu =
        define(
            ReleasabilityMarking.markingDefinition(
                Releasability.toNations("DEU"), CREATOR, CREATED));
    String toNato =
        define(
            ReleasabilityMarking.markingDefinition(
                Releasability.toNations("NATO"), CREATOR, CREATED));
    String toFin =
        define(
            ReleasabilityMarking.markingDefinition(
                Releasability.toNations("FIN"), CREATOR, CREATED));
    String toRecipient =
        define(
            ReleasabilityMarking.markingDefinition(
                new Releasability(Set.of(), Set.of(RECIPIENT)), CREATOR, CREATED));
    String statement =
        define(
            StixObject.of(
                (ObjectNode)
                    JsonMapper.builder()
                        .build()
                        .readTree(
                            "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"marking-definition--"
                                + UUID.randomUUID()
                                + "\",\"created\":\""
                                + CREATED
                                + "\","
                                + "\"definition_type\":\"statement\",\"definition\":{\"statement\":\"(c) EST\"}}")));
    String unknown = "marking-definition--" + UUID.randomUUID();
    String clear = Tlp.CLEAR.markingDefinitionId();
    String green = Tlp.GREEN.markingDefinitionId();
    String amber = Tlp.AMBER.markingDefinitionId();
    String strict = Tlp.AMBER_STRICT.markingDefinitionId();
    String red = Tlp.RED.markingDefinitionId();
    List<String> singles =
        List.of(
            clear,
            green,
            amber,
            strict,
            red,
            toDeu,
            toNato,
            toFin,
            toRecipient,
            statement,
            unknown);
    markings.add(List.of());
    for (String a : singles) {
      markings.add(List.of(a));
      for (String b : singles) {
        if (a.compareTo(b) < 0) {
          markings.add(List.of(a, b));
        }
      }
    }
    markings.add(List.of(amber, toDeu, toFin));
    markings.add(List.of(red, toRecipient, toDeu));
  }

  /** Stores a definition as EST's (definitions resolve only for objects of their own origin). */
  static String define(StixObject d) {
    store.add("intel", NewObject.from(d), new Provenance("EST", "analyst-est"));
    return d.id();
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  static List<Reader> readers() {
    List<Reader> out = new ArrayList<>(List.of(Reader.anonymous()));
    for (String n : List.of("EST", "DEU", "FIN", "FRA", "SWE", "UKR")) {
      out.add(Reader.of(n));
      out.add(new Reader(n, Optional.of(RECIPIENT)));
    }
    return out;
  }

  static StoredObject row(String collection, String origin, List<String> refs) {
    String id = "campaign--" + UUID.randomUUID();
    return new StoredObject(
        collection,
        id,
        "campaign",
        CREATED,
        1L,
        "2.1",
        1L,
        origin,
        "t",
        List.of(),
        refs,
        "{\"type\":\"campaign\",\"id\":\"" + id + "\"}");
  }

  static boolean kept(StoredObject o, Reader r, CollectionInfo c) {
    Set<String> rowTerms = new HashSet<>(audience.of(o));
    rowTerms.retainAll(ReleaseAudience.readerTerms(r, List.of(c)));
    return !rowTerms.isEmpty();
  }

  @Test
  void everyRowTheGateLetsAReaderReadIsKeptByThePrefilter() {
    int readable = 0;
    int dropped = 0;
    for (CollectionInfo c : COLLECTIONS) {
      for (String origin : List.of("EST", "FIN")) {
        for (List<String> refs : markings) {
          StoredObject o = row(c.id(), origin, refs);
          for (Reader r : readers()) {
            boolean may = policy.mayRead(r, o, c.defaultNations());
            boolean kept = kept(o, r, c);
            if (may) {
              readable++;
              assertThat(kept).as("%s reading %s %s in %s", r, origin, refs, c.id()).isTrue();
            } else if (!kept) {
              dropped++;
            }
          }
        }
      }
    }
    // not vacuous: many readable rows, and the prefilter does narrow
    assertThat(readable).isGreaterThan(500);
    assertThat(dropped).isGreaterThan(500);
  }

  @Test
  void thePlainRefusalsAreDroppedBeforeTheGate() {
    CollectionInfo intel = COLLECTIONS.get(0);
    StoredObject amber = row("intel", "EST", List.of(Tlp.AMBER.markingDefinitionId()));
    assertThat(kept(amber, Reader.of("FIN"), intel)).isFalse();
    assertThat(kept(amber, Reader.of("EST"), intel)).isTrue();
    StoredObject red = row("intel", "EST", List.of(Tlp.RED.markingDefinitionId()));
    assertThat(kept(red, Reader.of("EST"), intel)).isFalse();
    StoredObject unmarked = row("intel", "EST", List.of());
    assertThat(kept(unmarked, Reader.of("FIN"), intel)).isFalse();
    // the same unmarked row in a collection whose defaults name FIN
    assertThat(kept(row("shared", "EST", List.of()), Reader.of("FIN"), COLLECTIONS.get(1)))
        .isTrue();
    assertThat(kept(amber, Reader.anonymous(), intel)).isFalse();
  }

  @Test
  void aRefThatDoesNotResolveYetKeepsTheRowForEveryReaderAndTheGateDecides() {
    String later = "marking-definition--" + UUID.randomUUID();
    StoredObject o = row("intel", "EST", List.of(Tlp.AMBER.markingDefinitionId(), later));
    assertThat(audience.of(o)).containsExactly(SearchAudience.ALWAYS);
    // once EST's definition (releasable to FIN) arrives, the row's terms name FIN
    StixObject d =
        ReleasabilityMarking.markingDefinition(Releasability.toNations("FIN"), CREATOR, CREATED);
    ObjectNode json = d.json();
    json.put("id", later);
    define(StixObject.of(json));
    assertThat(audience.of(o)).contains("n:FIN", "n:EST").doesNotContain(SearchAudience.ALWAYS);
  }
}
