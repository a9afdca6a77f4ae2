package dev.bulwark.misp.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.stix.MispToStix;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ip-src / ip-dst (and their |port forms) become a network-traffic whose src_ref / dst_ref is the
 * address SCO, with misp-stix's pattern on that reference; the way back gives the same MISP type
 * and value.
 */
class IpAttributesTest {
  private static final String EVENT =
      """
      {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-0000000000a1", "info": "ip attributes",
        "date": "2026-12-07", "timestamp": "1796000000", "distribution": "0",
        "Orgc": {"uuid": "cccccccc-0000-4000-8000-000000000001", "name": "CERT-EE"},
        "Tag": [{"name": "tlp:amber"}],
        "Attribute": [
          %s,
          %s,
          %s,
          %s,
          %s
        ]}}
      """
          .formatted(
              attr(1, "ip-src", "198.51.100.4", true),
              attr(2, "ip-dst", "2001:db8::7", true),
              attr(3, "ip-src|port", "198.51.100.5|8080", true),
              attr(4, "ip-dst|port", "203.0.113.9|443", false),
              attr(5, "ip-dst", "203.0.113.10", false));

  private static String attr(int n, String type, String value, boolean toIds) {
    return ("{\"uuid\": \"dddddddd-0000-4000-8000-00000000000%d\", \"type\": \"%s\","
            + " \"category\": \"Network activity\", \"value\": \"%s\", \"to_ids\": %s,"
            + " \"distribution\": \"5\", \"timestamp\": \"1796000000\"}")
        .formatted(n, type, value, toIds);
  }

  @Test
  void networkTrafficWithReferencesAsMispStixWritesIt() throws Exception {
    MispEvent e = event();
    EventConversion c = new MispToStix(RoundTripTest.SETTINGS).convert(e);
    Map<String, StixObject> byId = new HashMap<>();
    c.objects().forEach(o -> byId.put(o.id(), o));
    StixValidator validator = new StixValidator();
    c.objects().forEach(o -> assertThat(validator.validate(o).errors()).as(o.id()).isEmpty());

    StixObject src = byId.get("network-traffic--dddddddd-0000-4000-8000-000000000001");
    assertThat(src.string("src_ref")).contains("ipv4-addr--dddddddd-0000-4000-8000-000000000001");
    assertThat(src.json().has("dst_ref")).isFalse();
    assertThat(byId.get("ipv4-addr--dddddddd-0000-4000-8000-000000000001").string("value"))
        .contains("198.51.100.4");
    assertThat(byId.get("indicator--dddddddd-0000-4000-8000-000000000001").string("pattern"))
        .contains(
            "[network-traffic:src_ref.type = 'ipv4-addr'"
                + " AND network-traffic:src_ref.value = '198.51.100.4']");

    StixObject v6 = byId.get("network-traffic--dddddddd-0000-4000-8000-000000000002");
    assertThat(v6.string("dst_ref")).contains("ipv6-addr--dddddddd-0000-4000-8000-000000000002");
    assertThat(byId.get("indicator--dddddddd-0000-4000-8000-000000000002").string("pattern"))
        .contains(
            "[network-traffic:dst_ref.type = 'ipv6-addr'"
                + " AND network-traffic:dst_ref.value = '2001:db8::7']");

    StixObject port = byId.get("network-traffic--dddddddd-0000-4000-8000-000000000003");
    assertThat(port.json().get("src_port").asInt()).isEqualTo(8080);
    assertThat(byId.get("indicator--dddddddd-0000-4000-8000-000000000003").string("pattern"))
        .contains(
            "[network-traffic:src_ref.type = 'ipv4-addr'"
                + " AND network-traffic:src_ref.value = '198.51.100.5'"
                + " AND network-traffic:src_port = 8080]");

    StixObject observed = byId.get("observed-data--dddddddd-0000-4000-8000-000000000004");
    assertThat(observed.json().get("object_refs").get(0).asString())
        .isEqualTo("network-traffic--dddddddd-0000-4000-8000-000000000004");
    StixObject dst = byId.get("network-traffic--dddddddd-0000-4000-8000-000000000004");
    assertThat(dst.json().get("dst_port").asInt()).isEqualTo(443);
    assertThat(byId).doesNotContainKey("indicator--dddddddd-0000-4000-8000-000000000004");
  }

  @Test
  void typeAndValueSurviveTheRoundTrip() throws Exception {
    RoundTripTest.roundTrip(event(), 0);
  }

  @Test
  void invalidPortOrAddressIsNotANetworkTraffic() throws Exception {
    String bad =
        EVENT
            .replace("198.51.100.5|8080", "198.51.100.5|99999")
            .replace("203.0.113.10", "not-an-ip");
    MispEvent e =
        new MispReader()
            .read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)))
            .get(0);
    EventConversion c = new MispToStix(RoundTripTest.SETTINGS).convert(e);
    assertThat(c.objects().stream().map(StixObject::id))
        .doesNotContain(
            "network-traffic--dddddddd-0000-4000-8000-000000000003",
            "network-traffic--dddddddd-0000-4000-8000-000000000005")
        .contains(
            "note--dddddddd-0000-4000-8000-000000000003",
            "note--dddddddd-0000-4000-8000-000000000005");
  }

  private static MispEvent event() throws Exception {
    return new MispReader()
        .read(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)))
        .get(0);
  }
}
