package dev.bulwark.cyber.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.RejectCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeekReaderTest {

  @ParameterizedTest
  @CsvSource({
    "zeek/json/conn.log, 29, zeek:conn",
    "zeek/json/dns.log, 34, zeek:dns",
    "zeek/json/http.log, 10, zeek:http",
    "zeek/json/ssl.log, 10, zeek:ssl",
    "zeek/tsv/conn.log, 40, zeek:conn",
    "zeek/tsv/dns.log, 40, zeek:dns",
    "zeek/tsv/http.log, 40, zeek:http",
    "zeek/tsv/ssl.log, 40, zeek:ssl",
    "zeek/tsv/files.log, 40, zeek:files",
    "zeek/tsv/x509.log, 40, zeek:x509",
    "zeek/wrccdc/ssl.json, 40, zeek:ssl",
    "zeek/wrccdc/x509.json, 40, zeek:x509"
  })
  void readsEveryRowOfTheRealZeekSamples(String file, long rows, String source) {
    Samples.Read r = Samples.read(SensorFormat.ZEEK, file);
    assertThat(r.counts().rejectedByCause()).isEmpty();
    assertThat(r.counts().observations()).isEqualTo(rows);
    assertThat(r.observations()).allSatisfy(o -> assertThat(o.source()).isEqualTo(source));
  }

  @Test
  void mapsAConnRowWithItsDurationBytesAndService() {
    Observation o = Samples.read(SensorFormat.ZEEK, "zeek/json/conn.log").observations().get(0);
    assertThat(o.firstMicros()).isEqualTo(1_517_422_326_539_915L);
    assertThat(o.lastMicros()).isEqualTo(1_517_422_326_539_915L + 108_985_496L);
    assertThat(Samples.of(o, "network-traffic").get(0))
        .contains("\"src_port\":61843,\"dst_port\":80,\"protocols\":[\"tcp\",\"http\"]")
        .contains(
            "\"src_byte_count\":719,\"dst_byte_count\":336,\"src_packets\":10,\"dst_packets\":4");
    assertThat(Samples.of(o, "ipv4-addr"))
        .containsExactly(
            "{\"type\":\"ipv4-addr\",\"value\":\"10.55.100.100\"}",
            "{\"type\":\"ipv4-addr\",\"value\":\"205.204.101.182\"}");
  }

  @Test
  void mapsTsvFilesAndX509RowsByTheirTypedColumns() {
    Observation file = Samples.read(SensorFormat.ZEEK, "zeek/tsv/files.log").observations().get(0);
    assertThat(Samples.of(file, "file").get(0))
        .contains("\"mime_type\":\"application/pkix-cert\"")
        .contains("\"MD5\":\"d6c6642cd4be96f391726a1e5b8b9695\"")
        .contains("\"SHA-1\":\"ef4a07dc91ccc67f0ba7d7c42b5a02344c39ad73\"");
    assertThat(Samples.of(file, "ipv4-addr")).hasSize(2);
    Observation cert = Samples.read(SensorFormat.ZEEK, "zeek/tsv/x509.log").observations().get(0);
    assertThat(Samples.of(cert, "x509-certificate").get(0))
        .contains("\"serial_number\":\"0309595F7B688DAF2CA48C525C74CA17E172\"")
        .contains("\"validity_not_before\":\"2020-12-03T14:00:52.000000Z\"");
    assertThat(Samples.of(cert, "domain-name"))
        .contains("{\"type\":\"domain-name\",\"value\":\"askubuntu.com\"}");
  }

  @Test
  void mapsSslWithSniAndJa3AndHttpWithUrl() {
    Observation ssl = Samples.read(SensorFormat.ZEEK, "zeek/json/ssl.log").observations().get(0);
    assertThat(Samples.of(ssl, "domain-name"))
        .containsExactly("{\"type\":\"domain-name\",\"value\":\"lptag.liveperson.net\"}");
    assertThat(Samples.of(ssl, "network-traffic").get(0))
        .contains("\"x_ja3\":\"10ee8d30a5d01c042afd7b2b205facc4\"");
    Observation http = Samples.read(SensorFormat.ZEEK, "zeek/json/http.log").observations().get(0);
    assertThat(Samples.of(http, "url").get(0))
        .startsWith("{\"type\":\"url\",\"value\":\"http://gm.mmstat.com/sc.13.1?cache=70ebbd");
  }

  @Test
  void countsBadTsvRowsAndUnknownLogs() {
    String text =
        String.join(
            "\n",
            "1517422326.5\t10.0.0.1",
            "#separator \\x09",
            "#path\tconn",
            "#fields\tts\tid.orig_h\tid.resp_h\torig_bytes",
            "#types\ttime\taddr\taddr\tcount",
            "1517422326.5\t10.0.0.1\t10.0.0.2\t12",
            "1517422326.5\t10.0.0.1",
            "1517422326.5\t10.0.0.1\t10.0.0.2\tmany",
            "1517422326.5\tnowhere\t10.0.0.2\t1",
            "{\"ts\":1.0,\"_path\":\"weird\"}");
    Samples.Read r = Samples.text(SensorFormat.ZEEK, text);
    assertThat(r.counts().observations()).isEqualTo(1);
    assertThat(r.counts().rejectedByCause())
        .containsEntry(RejectCause.BAD_TSV_ROW, 2L)
        .containsEntry(RejectCause.BAD_NUMBER, 1L)
        .containsEntry(RejectCause.BAD_ADDRESS, 1L)
        .containsEntry(RejectCause.UNSUPPORTED_TYPE, 1L);
  }
}
