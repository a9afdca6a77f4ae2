package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.RejectCause;
import org.junit.jupiter.api.Test;

class StixObservationsTest {

  private static final String BUNDLE =
      """
      {"type":"bundle","id":"bundle--6b3c6c2a-0b1f-4a53-9f2a-1d1e2f3a4b5c","objects":[
       {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
        "created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
        "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,
        "object_refs":["network-traffic--1e5bd1a5-0e3f-4b5c-9d6e-7f8a9b0c1d2e"]},
       {"type":"network-traffic","spec_version":"2.1","id":"network-traffic--1e5bd1a5-0e3f-4b5c-9d6e-7f8a9b0c1d2e",
        "dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","protocols":["tcp"]},
       {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"},
       {"type":"observed-data","spec_version":"2.1","id":"observed-data--00000000-0000-4000-8000-000000000001",
        "created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
        "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":1,
        "object_refs":["ipv4-addr--00000000-0000-4000-8000-00000000dead"]},
       {"type":"observed-data","id":"observed-data--00000000-0000-4000-8000-000000000002",
        "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:01Z","number_observed":1,
        "objects":{"0":{"type":"domain-name","value":"example.com"}}}
      ]}
      """;

  @Test
  void resolvesObjectRefsThroughTheBundleAndKeepsEmbeddedObjects() {
    Samples.Read r = Samples.text(SensorFormat.STIX, BUNDLE);
    assertThat(r.counts().observations()).isEqualTo(2);
    assertThat(r.counts().rejectedByCause()).containsOnlyKeys(RejectCause.BAD_STIX);
    Observation first = r.observations().get(0);
    assertThat(first.count()).isEqualTo(50);
    assertThat(first.observedDataId())
        .contains("observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf");
    assertThat(first.objects().propertyNames())
        .containsExactlyInAnyOrder(
            "network-traffic--1e5bd1a5-0e3f-4b5c-9d6e-7f8a9b0c1d2e",
            "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd");
    assertThat(r.observations().get(1).objects().get("0").get("value").asString())
        .isEqualTo("example.com");
  }

  @Test
  void readsAListOfObjectsAndJsonLinesAlike() {
    String line =
        "{\"type\":\"observed-data\",\"id\":\"observed-data--00000000-0000-4000-8000-000000000002\","
            + "\"first_observed\":\"2015-12-21T19:00:00Z\",\"last_observed\":\"2015-12-21T19:00:00Z\","
            + "\"number_observed\":1,\"objects\":{\"0\":{\"type\":\"domain-name\",\"value\":\"a.example\"}}}";
    var dbg = Samples.text(SensorFormat.STIX, "[" + line + "]");
    assertThat(dbg.counts().observations()).isEqualTo(1);
    assertThat(Samples.text(SensorFormat.STIX, line + "\n" + line + "\n").counts().observations())
        .isEqualTo(2);
    assertThat(Samples.text(SensorFormat.STIX, line + "\n{broken").counts().rejectedByCause())
        .containsOnlyKeys(RejectCause.NOT_JSON);
  }
}
