package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.envelope;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of issue 14 (oracles): the TAXII {@code next} token carried in clear the date_added of
 * the last row scanned, often a row the caller may not see. Now it is opaque (AES-GCM under a node
 * key kept outside the database) and bound to the principal, collection, endpoint and filters it
 * was issued for: it shows nothing, and a replayed, foreign or tampered token is answered exactly
 * like a malformed one. Against a real node over HTTPS.
 */
class OpaqueNextTokenTest {
  static final String C = "/bulwark/collections/intel/";
  static final String EST_ID = "identity--3b000000-0000-4000-8000-000000000001";
  static final String FIN_ID = "identity--3b000000-0000-4000-8000-000000000002";
  static TestNode node;
  static String est;
  static String estColleague;
  static String fin;
  static String visibleId;
  static String hiddenId;

  @BeforeAll
  static void load() {
    node = TestNode.get();
    est = node.principal("next-est", "EST", "reader,contributor", Optional.of(EST_ID));
    estColleague = node.principal("next-est-2", "EST", "reader", Optional.empty());
    fin = node.principal("next-fin", "FIN", "reader,contributor", Optional.of(FIN_ID));
    // in date_added order: one EST may see, then a FIN object EST may not see (AMBER+STRICT), then
    // two
    // more EST may see
    visibleId = newId("campaign");
    hiddenId = newId("campaign");
    post(
        est,
        campaign(visibleId, "2026-01-02T00:00:00.000Z", EST_ID, Tlp.GREEN.markingDefinitionId()));
    post(
        fin,
        campaign(
            hiddenId, "2026-01-02T00:00:00.000Z", FIN_ID, Tlp.AMBER_STRICT.markingDefinitionId()));
    post(
        est,
        campaign(
            newId("campaign"),
            "2026-01-02T00:00:00.000Z",
            EST_ID,
            Tlp.GREEN.markingDefinitionId()));
    post(
        est,
        campaign(
            newId("campaign"),
            "2026-01-02T00:00:00.000Z",
            EST_ID,
            Tlp.GREEN.markingDefinitionId()));
  }

  private static void post(String token, String object) {
    HttpResponse<String> r = node.post(C + "objects/", token, envelope(object));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r).path("failure_count").asInt()).as(r.body()).isZero();
  }

  /** A next token issued to the principal for one page of the whole collection. */
  private static String next(String token, String query) {
    HttpResponse<String> r = node.get(C + "objects/?limit=1" + query, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("more").asBoolean()).isTrue();
    return json(r).path("next").asString();
  }

  @Test
  void finding5_aNextTokenDecodedAsBase64ShowsNoDateAddedAndNoName() {
    ObjectStore store = node.bean(ObjectStore.class);
    StoredObject visible = store.versions("intel", visibleId, ReadFilter.SYSTEM).get(0);
    // a page of one from just before the visible object: the store scans the visible row, then the
    // hidden one, and stops at the next visible row, so the position is the hidden row's date_added
    String after = StixTimestamps.formatMicros(visible.dateAddedMicros() - 1);
    HttpResponse<String> page = node.get(C + "objects/?limit=1&added_after=" + after, est);
    assertThat(json(page).path("objects").get(0).path("id").asString()).isEqualTo(visibleId);
    String token = json(page).path("next").asString();
    byte[] raw = Base64.getUrlDecoder().decode(token);
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    String hex = HexFormat.of().formatHex(raw);
    for (StoredObject o : store.versions("intel", hiddenId, ReadFilter.SYSTEM)) {
      long micros = o.dateAddedMicros();
      assertThat(text)
          .doesNotContain(Long.toString(micros))
          .doesNotContain(Long.toString(micros, 36));
      assertThat(hex)
          .doesNotContain(HexFormat.of().formatHex(ByteBuffer.allocate(8).putLong(micros).array()));
      // nor any of its 6 low bytes (the microseconds of a day and more)
      assertThat(hex)
          .doesNotContain(
              HexFormat.of().formatHex(ByteBuffer.allocate(8).putLong(micros).array(), 2, 8));
    }
    assertThat(text).doesNotContain("next-est").doesNotContain("intel").doesNotContain("objects");
    assertThat(token).doesNotContain(".");
  }

  @Test
  void aNextTokenDecodesAgainForItsOwnPrincipalAndQuery() {
    String token = next(est, "");
    assertThat(node.get(C + "objects/?limit=1&next=" + token, est).statusCode()).isEqualTo(200);
    // and again: paging may repeat a page (a client retrying after a timeout)
    assertThat(node.get(C + "objects/?limit=1&next=" + token, est).statusCode()).isEqualTo(200);
  }

  @Test
  void finding5_aNextTokenReplayedByAPrincipalOfAnotherNationIsRefusedLikeAMalformedOne() {
    String token = next(est, "");
    HttpResponse<String> replayed = node.get(C + "objects/?limit=1&next=" + token, fin);
    HttpResponse<String> garbage = node.get(C + "objects/?limit=1&next=garbage", fin);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).isEqualTo(garbage.body());
  }

  @Test
  void aNextTokenReplayedByAnotherPrincipalOfTheSameNationIsRefused() {
    String token = next(est, "");
    assertThat(node.get(C + "objects/?limit=1&next=" + token, estColleague).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aNextTokenUsedForAnotherCollectionEndpointOrFilterIsRefused() {
    String token = next(est, "");
    assertThat(
            node.get("/bulwark/collections/drop-box/objects/?limit=1&next=" + token, est)
                .statusCode())
        .isIn(400, 403);
    assertThat(node.get(C + "manifest/?limit=1&next=" + token, est).statusCode()).isEqualTo(400);
    assertThat(
            node.get(C + "objects/?limit=1&match[type]=campaign&next=" + token, est).statusCode())
        .isEqualTo(400);
  }

  @Test
  void finding5_aTamperedNextTokenIsRefusedLikeAMalformedOne() {
    String token = next(est, "");
    byte[] raw = Base64.getUrlDecoder().decode(token);
    String garbage = node.get(C + "objects/?limit=1&next=garbage", est).body();
    for (int i = 0; i < raw.length; i++) {
      byte[] bad = raw.clone();
      bad[i] ^= 0x01;
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
      HttpResponse<String> r = node.get(C + "objects/?limit=1&next=" + tampered, est);
      assertThat(r.statusCode()).as("byte " + i).isEqualTo(400);
      assertThat(r.body()).isEqualTo(garbage);
    }
    // truncated and extended tokens too
    assertThat(
            node.get(C + "objects/?limit=1&next=" + token.substring(0, token.length() - 4), est)
                .statusCode())
        .isEqualTo(400);
    assertThat(node.get(C + "objects/?limit=1&next=" + token + "AAAA", est).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aTokenFromAnotherNodeKeyIsRefused() {
    CursorCodec mine = new CursorCodec(new byte[32]);
    CursorCodec other = new CursorCodec(new byte[] {1});
    String token = mine.encode(42, "p|c|objects|");
    assertThat(mine.decode(token, "p|c|objects|")).hasValue(42L);
    assertThat(other.decode(token, "p|c|objects|")).isEmpty();
    assertThat(mine.decode(token, "q|c|objects|")).isEmpty();
    // two tokens for the same position differ (random nonce): equal positions cannot be spotted
    assertThat(mine.encode(42, "p|c|objects|")).isNotEqualTo(token);
  }
}
