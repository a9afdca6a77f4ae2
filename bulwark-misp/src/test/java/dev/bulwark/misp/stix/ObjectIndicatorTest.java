package dev.bulwark.misp.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.model.MispEvent;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A MISP object with to_ids attributes gets misp-stix's combined indicator (one AND pattern), and
 * that indicator is marked with the narrowest audience of the values it carries.
 */
class ObjectIndicatorTest {
  private static final String EVENT =
      """
      {"Event": {"uuid": "aaaaaaaa-0000-4000-8000-0000000000b1", "info": "object pattern",
        "date": "2026-12-07", "timestamp": "1796000000", "distribution": "1",
        "Orgc": {"uuid": "cccccccc-0000-4000-8000-000000000001", "name": "CERT-EE"},
        "Tag": [{"name": "tlp:green"}],
        "Object": [{"uuid": "eeeeeeee-0000-4000-8000-0000000000b1", "name": "ip-port",
          "meta-category": "network", "timestamp": "1796000000", "distribution": "5",
          "Attribute": [
            {"uuid": "dddddddd-0000-4000-8000-0000000000b1", "type": "ip-src",
             "category": "Network activity", "value": "198.51.100.4", "to_ids": true,
             "object_relation": "ip-src", "distribution": "5", "timestamp": "1796000000"},
            {"uuid": "dddddddd-0000-4000-8000-0000000000b2", "type": "ip-dst",
             "category": "Network activity", "value": "203.0.113.9", "to_ids": true,
             "object_relation": "ip-dst", "distribution": "0", "timestamp": "1796000001"},
            {"uuid": "dddddddd-0000-4000-8000-0000000000b3", "type": "domain",
             "category": "Network activity", "value": "not-ids.example", "to_ids": false,
             "object_relation": "domain", "distribution": "5", "timestamp": "1796000000"}]}]}}
      """;

  @Test
  void combinedPatternUnderTheNarrowestAudience() throws Exception {
    MispEvent e =
        new MispReader()
            .read(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)))
            .get(0);
    EventConversion c =
        new MispToStix(new AudienceSettings("EST", Set.of("LVA", "LTU"), Map.of())).convert(e);
    Map<String, StixObject> byId = new HashMap<>();
    c.objects().forEach(o -> byId.put(o.id(), o));
    StixObject combined = byId.get("indicator--eeeeeeee-0000-4000-8000-0000000000b1");
    assertThat(combined.string("pattern"))
        .contains(
            "[network-traffic:src_ref.type = 'ipv4-addr'"
                + " AND network-traffic:src_ref.value = '198.51.100.4'"
                + " AND network-traffic:dst_ref.type = 'ipv4-addr'"
                + " AND network-traffic:dst_ref.value = '203.0.113.9']");
    assertThat(new StixValidator().validate(combined).errors()).isEmpty();
    StixObject narrow = byId.get("indicator--dddddddd-0000-4000-8000-0000000000b2");
    StixObject wide = byId.get("indicator--dddddddd-0000-4000-8000-0000000000b1");
    assertThat(narrow.objectMarkingRefs()).isNotEqualTo(wide.objectMarkingRefs());
    assertThat(combined.objectMarkingRefs()).isEqualTo(narrow.objectMarkingRefs());
    assertThat(combined.string("pattern").orElseThrow()).doesNotContain("not-ids.example");
    assertThat(c.mappings())
        .contains(
            new UuidMapping(
                "indicator--eeeeeeee-0000-4000-8000-0000000000b1",
                "eeeeeeee-0000-4000-8000-0000000000b1"));
  }
}
