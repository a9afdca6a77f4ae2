package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.ReadCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzes every reader with real lines cut, spliced and garbled: a read never throws, and every
 * non-blank, non-header line is either an observation or a counted rejection.
 */
class SensorReaderFuzzTest {
  private static final List<String> EVE = lines("suricata/surevego-eve.json");
  private static final List<String> ZEEK_JSON =
      lines(
          "zeek/json/conn.log",
          "zeek/json/dns.log",
          "zeek/json/http.log",
          "zeek/json/ssl.log",
          "zeek/wrccdc/x509.json");
  private static final List<String> ZEEK_TSV =
      lines("zeek/tsv/conn.log", "zeek/tsv/files.log", "zeek/tsv/x509.log");
  private static final List<String> STIX =
      List.of(
          "{\"type\":\"observed-data\",\"id\":\"observed-data--1\",\"first_observed\":"
              + "\"2015-12-21T19:00:00Z\",\"last_observed\":\"2015-12-21T19:00:00Z\",\"number_observed\":1,"
              + "\"object_refs\":[\"ipv4-addr--1\"]}",
          "{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--1\",\"value\":\"10.0.0.1\"}",
          "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[]}");

  @Property(tries = 300)
  void eveNeverThrowsAndCountsEveryLine(@ForAll("eve") List<String> input) {
    check(SensorFormat.EVE, input);
  }

  @Property(tries = 300)
  void zeekJsonNeverThrowsAndCountsEveryLine(@ForAll("zeekJson") List<String> input) {
    check(SensorFormat.ZEEK, input);
  }

  @Property(tries = 300)
  void zeekTsvNeverThrowsAndCountsEveryLine(@ForAll("zeekTsv") List<String> input) {
    check(SensorFormat.ZEEK, input);
  }

  @Property(tries = 300)
  void stixNeverThrows(@ForAll("stix") List<String> input) {
    ReadCounts counts = new ReadCounts();
    List<Object> out = new ArrayList<>();
    read(SensorFormat.STIX, String.join("\n", input), counts, out);
    assertThat(counts.observations()).isEqualTo(out.size());
  }

  @Provide
  Arbitrary<List<String>> eve() {
    return mutated(EVE);
  }

  @Provide
  Arbitrary<List<String>> zeekJson() {
    return mutated(ZEEK_JSON);
  }

  @Provide
  Arbitrary<List<String>> zeekTsv() {
    return mutated(ZEEK_TSV);
  }

  @Provide
  Arbitrary<List<String>> stix() {
    return mutated(STIX);
  }

  private static void check(SensorFormat format, List<String> input) {
    ReadCounts counts = new ReadCounts();
    List<Object> out = new ArrayList<>();
    read(format, String.join("\n", input), counts, out);
    long content =
        input.stream()
            .flatMap(l -> l.lines())
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .count();
    assertThat(counts.observations()).isEqualTo(out.size());
    assertThat(counts.observations() + counts.rejectedTotal()).isEqualTo(content);
  }

  private static void read(SensorFormat format, String text, ReadCounts counts, List<Object> out) {
    try {
      new SensorReader(format, 4096).read(new StringReader(text), "fuzz", out::add, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Real lines, some cut at a random point, spliced with another, or with a character changed. */
  private static Arbitrary<List<String>> mutated(List<String> real) {
    Arbitrary<String> line = Arbitraries.of(real);
    Arbitrary<String> cut =
        line.flatMap(
            l -> Arbitraries.integers().between(0, l.length()).map(i -> l.substring(0, i)));
    Arbitrary<String> garbled =
        line.flatMap(
            l ->
                Arbitraries.integers()
                    .between(0, Math.max(0, l.length() - 1))
                    .flatMap(
                        i ->
                            Arbitraries.chars()
                                .map(
                                    c ->
                                        l.isEmpty()
                                            ? ""
                                            : l.substring(0, i) + c + l.substring(i + 1))));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(80);
    return Arbitraries.frequencyOf(
            Tuple.of(5, line), Tuple.of(2, cut), Tuple.of(3, garbled), Tuple.of(1, noise))
        .list()
        .ofMaxSize(12);
  }

  private static List<String> lines(String... resources) {
    List<String> out = new ArrayList<>();
    for (String r : resources) {
      try (InputStream in =
          SensorReaderFuzzTest.class.getResourceAsStream("/dev/bulwark/cyber/sensors/" + r)) {
        out.addAll(
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(60).toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
