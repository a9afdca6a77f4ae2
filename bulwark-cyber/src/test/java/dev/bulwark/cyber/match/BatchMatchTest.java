package dev.bulwark.cyber.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.cyber.warninglist.Warninglists;
import dev.bulwark.stix.StixObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real Suricata and Zeek samples against indicators, through the patterning engine. */
class BatchMatchTest {
  static final String SENSOR = "identity--0b6a0e4e-2f3c-4c1e-9a55-1b2c3d4e5f60";
  static final String AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

  static String indicator(int n, String pattern) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--00000000-0000-4000-8000-"
        + String.format("%012d", n)
        + "\",\"created\":\"2016-01-01T00:00:00Z\",\"modified\":\"2016-01-01T00:00:00Z\","
        + "\"pattern_type\":\"stix\",\"valid_from\":\"2016-01-01T00:00:00Z\",\"pattern\":\""
        + pattern.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  static final String INDICATORS =
      String.join(
          "\n",
          indicator(1, "[ipv4-addr:value = '54.230.202.37']"),
          indicator(2, "[domain-name:value = 'deb.debian.org']"),
          indicator(
              3,
              "[network-traffic:dst_ref.value = '151.101.12.204' AND network-traffic:dst_port = 80]"),
          indicator(4, "[url:value LIKE 'http://deb.debian.org/debian/pool/main/%']"),
          indicator(5, "[ipv4-addr:value ISSUBSET '172.16.0.0/12']"),
          indicator(6, "[domain-name:value MATCHES '\\\\.dnsc\\\\.r-1x\\\\.com$']"),
          indicator(7, "[ipv4-addr:value = '203.0.113.99']"),
          indicator(
              8,
              "[domain-name:value = 'prod.debian.map.fastly.net'] FOLLOWEDBY"
                  + " [network-traffic:dst_ref.value = '151.101.12.204'] WITHIN 60 SECONDS"));

  @Test
  void realSamplesBecomeSightingsAndWarninglistedHitsAreHeldBack() throws IOException {
    List<Indicator> indicators =
        new IndicatorFiles().read(new StringReader(INDICATORS), "indicators").indicators();
    assertThat(indicators).hasSize(8);
    Warninglists lists = new Warninglists();
    try (InputStream in = resource("misp/rfc1918.json")) {
      lists.add(in);
    }
    BatchMatch m = new BatchMatch(indicators, lists, SENSOR, List.of(AMBER), Duration.ofHours(1));
    assertThat(m.errors()).isEmpty();
    assertThat(m.heldBackIndicators()).isEqualTo(1);
    List<StixObject> out = new ArrayList<>();
    MatchSummary s =
        m.run(
            List.of(
                input("suricata/surevego-eve.json", SensorFormat.EVE),
                input("zeek/json/dns.log", SensorFormat.ZEEK)),
            true,
            out::add,
            new ReadCounts());
    assertThat(s.events()).isEqualTo(265 + 34);
    assertThat(s.heldBack()).isGreaterThan(0);
    List<StixObject> sightings = out.stream().filter(o -> o.type().equals("sighting")).toList();
    assertThat(sightings)
        .extracting(o -> o.string("sighting_of_ref").orElseThrow())
        .contains(
            "indicator--00000000-0000-4000-8000-000000000001",
            "indicator--00000000-0000-4000-8000-000000000002",
            "indicator--00000000-0000-4000-8000-000000000003",
            "indicator--00000000-0000-4000-8000-000000000004",
            "indicator--00000000-0000-4000-8000-000000000006",
            "indicator--00000000-0000-4000-8000-000000000008")
        .doesNotContain(
            "indicator--00000000-0000-4000-8000-000000000005",
            "indicator--00000000-0000-4000-8000-000000000007");
    assertThat(sightings).allSatisfy(o -> assertThat(o.objectMarkingRefs()).containsExactly(AMBER));
    long count = sightings.stream().mapToLong(o -> o.json().get("count").asLong()).sum();
    assertThat(count).isEqualTo(s.matches());
    assertThat(sightings.size()).isLessThan((int) s.matches());
    assertThat(out).anySatisfy(o -> assertThat(o.type()).isEqualTo("observed-data"));
  }

  static BatchMatch.Input input(String resource, SensorFormat f) {
    return new BatchMatch.Input(
        resource, new InputStreamReader(resource(resource), StandardCharsets.UTF_8), f);
  }

  static InputStream resource(String name) {
    return BatchMatchTest.class.getResourceAsStream("/dev/bulwark/cyber/sensors/" + name);
  }
}
