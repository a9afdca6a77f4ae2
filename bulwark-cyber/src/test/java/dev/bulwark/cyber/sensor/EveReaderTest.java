package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.RejectCause;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EveReaderTest {

  @Test
  void readsEveryEventOfTheRealSuricataSampleButStats() {
    Samples.Read r = Samples.read(SensorFormat.EVE, "suricata/surevego-eve.json");
    assertThat(r.counts().lines()).isEqualTo(266);
    assertThat(r.counts().observations()).isEqualTo(265);
    assertThat(r.counts().rejectedByCause())
        .containsExactly(Map.entry(RejectCause.NO_OBSERVABLE, 1L));
    Map<String, Integer> bySource = new TreeMap<>();
    r.observations().forEach(o -> bySource.merge(o.source(), 1, Integer::sum));
    assertThat(bySource)
        .containsEntry("eve:alert", 68)
        .containsEntry("eve:http", 68)
        .containsEntry("eve:fileinfo", 68)
        .containsEntry("eve:dns", 48)
        .containsEntry("eve:flow", 13);
  }

  @Test
  void mapsAnHttpEventToTrafficAddressesDomainUrlAndRequest() {
    Observation o =
        Samples.text(
                SensorFormat.EVE,
                "{\"timestamp\":\"2017-01-30T16:12:36.177408+0100\",\"event_type\":\"http\","
                    + "\"src_ip\":\"172.17.0.2\",\"src_port\":41402,\"dest_ip\":\"54.230.202.37\","
                    + "\"dest_port\":80,\"proto\":\"TCP\",\"http\":{\"hostname\":\"deb.debian.org\","
                    + "\"url\":\"/debian/pool/x.deb\",\"http_user_agent\":\"APT\",\"http_method\":"
                    + "\"GET\",\"protocol\":\"HTTP/1.1\",\"status\":200}}")
            .observations()
            .get(0);
    assertThat(o.firstMicros()).isEqualTo(1_485_789_156_177_408L);
    assertThat(Samples.of(o, "ipv4-addr"))
        .containsExactly(
            "{\"type\":\"ipv4-addr\",\"value\":\"172.17.0.2\"}",
            "{\"type\":\"ipv4-addr\",\"value\":\"54.230.202.37\"}");
    assertThat(Samples.of(o, "domain-name"))
        .containsExactly("{\"type\":\"domain-name\",\"value\":\"deb.debian.org\"}");
    assertThat(Samples.of(o, "url"))
        .containsExactly(
            "{\"type\":\"url\",\"value\":\"http://deb.debian.org/debian/pool/x.deb\"}");
    assertThat(Samples.of(o, "network-traffic").get(0))
        .contains("\"src_ref\":\"0\",\"dst_ref\":\"1\",\"src_port\":41402,\"dst_port\":80")
        .contains("\"protocols\":[\"tcp\"]")
        .contains("\"request_method\":\"get\",\"request_value\":\"/debian/pool/x.deb\"")
        .contains("\"request_version\":\"http/1.1\"")
        .contains("\"User-Agent\":\"APT\"");
  }

  @Test
  void mapsDnsAnswersOfEveryLayoutToResolvesToRefs() {
    String old =
        "{\"timestamp\":\"2017-01-30T16:12:27.027213+0100\",\"event_type\":\"dns\",\"src_ip\":"
            + "\"172.21.3.254\",\"dest_ip\":\"172.17.0.2\",\"proto\":\"UDP\",\"dns\":{\"type\":"
            + "\"answer\",\"rrname\":\"prod.debian.map.fastly.net\",\"rrtype\":\"A\",\"rdata\":"
            + "\"151.101.12.204\"}}";
    String v2 =
        "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"dns\",\"dns\":{\"version\":2,"
            + "\"type\":\"answer\",\"rrname\":\"a.example\",\"answers\":[{\"rrname\":\"a.example\","
            + "\"rrtype\":\"CNAME\",\"rdata\":\"b.example\"},{\"rrname\":\"b.example\",\"rrtype\":"
            + "\"AAAA\",\"rdata\":\"2001:DB8::1\"}]}}";
    String grouped =
        "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"dns\",\"dns\":{\"rrname\":"
            + "\"c.example\",\"grouped\":{\"A\":[\"192.0.2.7\",\"192.0.2.8\"]}}}";
    Samples.Read r = Samples.text(SensorFormat.EVE, old + "\n" + v2 + "\n" + grouped + "\n");
    assertThat(r.counts().observations()).isEqualTo(3);
    assertThat(Samples.of(r.observations().get(0), "domain-name").get(0))
        .contains("prod.debian.map.fastly.net")
        .contains("\"resolves_to_refs\":[\"4\"]");
    assertThat(r.observations().get(0).objects().get("4").get("value").asString())
        .isEqualTo("151.101.12.204");
    assertThat(Samples.of(r.observations().get(1), "ipv6-addr"))
        .containsExactly("{\"type\":\"ipv6-addr\",\"value\":\"2001:db8::1\"}");
    assertThat(Samples.of(r.observations().get(2), "ipv4-addr")).hasSize(2);
  }

  @Test
  void mapsTlsToSniCertificateAndJa3() {
    Observation o =
        Samples.text(
                SensorFormat.EVE,
                "{\"timestamp\":\"2024-05-01T10:00:00.5+02:00\",\"event_type\":\"tls\",\"src_ip\":"
                    + "\"10.0.0.5\",\"src_port\":50000,\"dest_ip\":\"142.250.74.46\",\"dest_port\":"
                    + "443,\"proto\":\"TCP\",\"app_proto\":\"tls\",\"tls\":{\"subject\":\"CN=*.google.com\","
                    + "\"issuerdn\":\"CN=GTS CA 1C3\",\"serial\":\"0C:00:99\",\"fingerprint\":"
                    + "\"8F:51:12:06\",\"sni\":\"Calendar.Google.com\",\"version\":\"TLS 1.2\","
                    + "\"notbefore\":\"2017-01-04T10:48:43\",\"notafter\":\"2017-03-29T10:18:00\","
                    + "\"ja3\":{\"hash\":\"e7d705a3286e19ea42f587b344ee6865\"},\"ja3s\":{\"hash\":"
                    + "\"f4febc55ea12b31ae17cfb7e614afda8\"}}}")
            .observations()
            .get(0);
    assertThat(Samples.of(o, "domain-name"))
        .containsExactly("{\"type\":\"domain-name\",\"value\":\"calendar.google.com\"}");
    assertThat(Samples.of(o, "x509-certificate").get(0))
        .contains("\"hashes\":{\"SHA-1\":\"8f511206\"}")
        .contains("\"serial_number\":\"0C:00:99\"")
        .contains("\"validity_not_before\":\"2017-01-04T10:48:43.000000Z\"");
    assertThat(Samples.of(o, "network-traffic").get(0))
        .contains("\"protocols\":[\"tcp\",\"tls\"]")
        .contains("\"x_ja3\":\"e7d705a3286e19ea42f587b344ee6865\"");
  }

  @Test
  void mapsFileinfoHashesAndTheUrlOnTheServerPort() {
    Observation o =
        Samples.text(
                SensorFormat.EVE,
                "{\"timestamp\":\"2017-01-30T16:12:36.103826+0100\",\"event_type\":\"fileinfo\","
                    + "\"src_ip\":\"54.230.202.37\",\"src_port\":80,\"dest_ip\":\"172.17.0.2\","
                    + "\"dest_port\":41402,\"proto\":\"TCP\",\"http\":{\"hostname\":\"deb.debian.org\","
                    + "\"url\":\"/p/perl.deb\"},\"fileinfo\":{\"filename\":\"/p/perl.deb\",\"md5\":"
                    + "\"D41D8CD98F00B204E9800998ECF8427E\",\"size\":919}}")
            .observations()
            .get(0);
    assertThat(Samples.of(o, "file"))
        .containsExactly(
            "{\"type\":\"file\",\"name\":\"perl.deb\",\"hashes\":{\"MD5\":"
                + "\"d41d8cd98f00b204e9800998ecf8427e\"},\"size\":919}");
    assertThat(Samples.of(o, "url"))
        .containsExactly("{\"type\":\"url\",\"value\":\"http://deb.debian.org/p/perl.deb\"}");
  }

  @Test
  void countsBadLinesPerCauseAndGoesOn() {
    String good =
        "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\","
            + "\"dest_ip\":\"10.0.0.2\",\"proto\":\"TCP\"}";
    String text =
        String.join(
            "\n",
            "not json",
            "[1,2]",
            "{\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\"}",
            "{\"timestamp\":\"yesterday\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\"}",
            "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.300\"}",
            "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"src_port\":70000}",
            "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"src_ip\":\"10.0.0.1\"}",
            "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"stats\"}",
            "x".repeat(70_000),
            "",
            good);
    Samples.Read r = Samples.text(SensorFormat.EVE, text);
    assertThat(r.counts().observations()).isEqualTo(1);
    assertThat(r.counts().rejectedByCause())
        .containsEntry(RejectCause.NOT_JSON, 2L)
        .containsEntry(RejectCause.BAD_TIMESTAMP, 2L)
        .containsEntry(RejectCause.BAD_ADDRESS, 1L)
        .containsEntry(RejectCause.BAD_NUMBER, 1L)
        .containsEntry(RejectCause.UNSUPPORTED_TYPE, 1L)
        .containsEntry(RejectCause.NO_OBSERVABLE, 1L)
        .containsEntry(RejectCause.TOO_LONG, 1L);
    assertThat(r.counts().examples().get(0)).startsWith("text:1: not_json");
  }
}
