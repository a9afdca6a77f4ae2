package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ReadCounts;
import dev.bulwark.cyber.sensor.tree.TreeSensorReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The streaming readers against the tree readers they replaced ({@code sensor.tree}, kept in test
 * scope as the oracle): the same observations, in the same order, and the same rejections (count
 * per cause and the kept examples with line and reason) — on every real sample and on generated
 * lines: real lines with fields reordered, dropped, duplicated or given values of another type
 * (huge and negative numbers, decimals, booleans, nulls, objects, lists, unicode escapes), cut,
 * spliced, garbled; Zeek TSV rows with columns changed and headers changed. Where the tree reader
 * threw (a Jackson conversion it did not catch: a huge number where an int was wanted, a dictionary
 * where a timestamp was), the streaming reader must not throw; the rest of such an input is not
 * compared.
 */
class StreamingEqualsTreeTest {
  private static final List<String> EVE_FILES = List.of("suricata/surevego-eve.json");
  private static final List<String> ZEEK_FILES =
      List.of(
          "zeek/json/conn.log",
          "zeek/json/dns.log",
          "zeek/json/http.log",
          "zeek/json/ssl.log",
          "zeek/tsv/conn.log",
          "zeek/tsv/dns.log",
          "zeek/tsv/files.log",
          "zeek/tsv/http.log",
          "zeek/tsv/ssl.log",
          "zeek/tsv/x509.log",
          "zeek/wrccdc/ssl.json",
          "zeek/wrccdc/x509.json");
  private static final List<String> EVE = lines(EVE_FILES);
  private static final List<String> ZEEK_JSON =
      lines(ZEEK_FILES).stream().filter(l -> l.startsWith("{")).toList();
  private static final List<List<String>> ZEEK_TSV =
      ZEEK_FILES.stream().filter(f -> f.contains("/tsv/")).map(f -> lines(List.of(f))).toList();

  @Example
  void everyRealSampleReadsTheSame() {
    for (String f : EVE_FILES) {
      assertSame(SensorFormat.EVE, String.join("\n", lines(List.of(f))), 1 << 20);
    }
    for (String f : ZEEK_FILES) {
      assertSame(SensorFormat.ZEEK, String.join("\n", lines(List.of(f))), 1 << 20);
    }
  }

  @Example
  void edgeCasesReadTheSame() {
    String base =
        "{\"timestamp\":\"2017-01-30T16:12:26.985026+0100\",\"event_type\":\"dns\","
            + "\"src_ip\":\"10.0.0.1\",\"src_port\":53,\"dest_ip\":\"10.0.0.2\",\"dest_port\":5353,"
            + "\"proto\":\"UDP\",\"dns\":{\"type\":\"answer\",\"rrname\":\"Example.COM.\","
            + "\"rrtype\":\"A\",\"rdata\":\"192.0.2.1\"}";
    List<String> cases =
        List.of(
            base + "}",
            base + "} ",
            base + "} x",
            base + "} {}",
            base + ",\"dns\":\"gone\"}",
            base + ",\"dns\":null}",
            base + ",\"src_ip\":null}",
            base + ",\"src_port\":99999999999999999999999}",
            base + ",\"timestamp\":{}}",
            base + ",\"timestamp\":1485789146.5}",
            base + ",\"timestamp\":true}",
            base + ",\"app_proto\":\"x\\\"dns\"}",
            "[1,2]",
            "\"text\"",
            "12",
            "{",
            "{\"event_type\":\"stats\",\"timestamp\":\"2017-01-30T16:12:26Z\"}",
            "{\"event_type\":\"http\",\"timestamp\":\"2017-01-30T16:12:26Z\",\"src_port\":"
                + "99999999999,\"http\":{\"hostname\":\"a.example\",\"url\":\"/x\"}}",
            "{\"event_type\":\"alert\",\"timestamp\":\"2017-01-30T16:12:26Z\",\"src_ip\":\"::1\","
                + "\"alert\":{\"signature_id\":99999999999,\"severity\":99999999999}}",
            "{\"event_type\":\"tls\",\"timestamp\":\"2017-01-30T16:12:26Z\",\"src_ip\":\"::1\","
                + "\"tls\":{\"ja3\":\"x\",\"ja3s\":{\"hash\":1.50},\"sni\":\"\\u0041.example\"}}");
    for (String c : cases) {
      assertSame(SensorFormat.EVE, c, 1 << 20);
    }
    assertSame(SensorFormat.EVE, base + ",\"pad\":\"" + "x".repeat(300) + "\"}", 256);
  }

  @Property(tries = 600)
  void eveLinesReadTheSame(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> input = new ArrayList<>();
    for (int i = r.nextInt(8) + 1; i > 0; i--) {
      input.add(Mutations.json(r, EVE.get(r.nextInt(EVE.size()))));
    }
    assertSame(SensorFormat.EVE, String.join("\n", input), 4096);
  }

  @Property(tries = 600)
  void zeekJsonLinesReadTheSame(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> input = new ArrayList<>();
    for (int i = r.nextInt(8) + 1; i > 0; i--) {
      input.add(Mutations.json(r, ZEEK_JSON.get(r.nextInt(ZEEK_JSON.size()))));
    }
    assertSame(SensorFormat.ZEEK, String.join("\n", input), 4096);
  }

  @Property(tries = 600)
  void zeekTsvRowsReadTheSame(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> file = ZEEK_TSV.get(r.nextInt(ZEEK_TSV.size()));
    List<String> input = new ArrayList<>();
    int rows = 0;
    for (String l : file) {
      if (l.startsWith("#")) {
        input.add(r.nextInt(12) == 0 ? Mutations.header(r, l) : l);
      } else if (rows++ < 6 || r.nextInt(20) == 0) {
        input.add(r.nextInt(3) == 0 ? Mutations.tsv(r, l) : l);
      }
    }
    assertSame(SensorFormat.ZEEK, String.join(r.nextBoolean() ? "\n" : "\r\n", input), 4096);
  }

  private static void assertSame(SensorFormat format, String text, int maxLine) {
    List<Observation> oldOut = new ArrayList<>();
    ReadCounts oldCounts = new ReadCounts();
    TreeSensorReader tree = new TreeSensorReader(format, maxLine);
    List<Observation> newOut = new ArrayList<>();
    ReadCounts newCounts = new ReadCounts();
    try {
      tree.read(new StringReader(text), "t", oldOut::add, oldCounts);
      new SensorReader(format, maxLine).read(new StringReader(text), "t", newOut::add, newCounts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree.crashes() > 0) {
      assertThat(newCounts.lines()).isEqualTo(oldCounts.lines());
      return;
    }
    assertThat(newOut).as(text).isEqualTo(oldOut);
    assertThat(newCounts.lines()).isEqualTo(oldCounts.lines());
    assertThat(newCounts.observations()).isEqualTo(oldCounts.observations());
    assertThat(newCounts.rejectedByCause()).as(text).isEqualTo(oldCounts.rejectedByCause());
    assertThat(newCounts.examples()).as(text).isEqualTo(oldCounts.examples());
  }

  private static List<String> lines(List<String> resources) {
    List<String> out = new ArrayList<>();
    for (String res : resources) {
      try (InputStream in =
          StreamingEqualsTreeTest.class.getResourceAsStream("/dev/bulwark/cyber/sensors/" + res)) {
        out.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
