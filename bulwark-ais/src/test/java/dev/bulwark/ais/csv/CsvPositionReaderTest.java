package dev.bulwark.ais.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ais.PositionRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsvPositionReaderTest {

  private final List<PositionRecord> out = new ArrayList<>();
  private final List<CsvPositionReader.Rejection> rejected = new ArrayList<>();
  private final CsvPositionReader reader = new CsvPositionReader("export", rejected::add);

  @Test
  void readsDanishMaritimeAuthorityExport() throws IOException {
    reader.read(
        new StringReader(
            String.join(
                "\n",
                "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,Ship type",
                "12/11/2013 12:00:00,Class A,219000123,55.676100,12.568300,Under way using engine,0.0,10.2,123.4,120,Unknown,OXAB2,\"NAME, WITH COMMA\",Cargo",
                "12/11/2013 12:00:01,Class B,219000124,91.000000,181.000000,Unknown value,,,,,Unknown,,,",
                "12/11/2013 12:00:02,Class A,219000125,55.5,12.5,Moored,,0.0,,511,,,,")),
        out::add);
    assertThat(reader.format()).contains(CsvFormat.DMA);
    assertThat(out).hasSize(2);
    PositionRecord p = out.get(0);
    assertThat(p.mmsi()).isEqualTo(219000123);
    assertThat(p.time()).contains(Instant.parse("2013-11-12T12:00:00Z"));
    assertThat(p.latitude()).isEqualTo(55.6761);
    assertThat(p.speedKnots()).hasValue(10.2);
    assertThat(p.courseDegrees()).hasValue(123.4);
    assertThat(p.headingDegrees()).hasValue(120);
    assertThat(p.navStatus()).hasValue(0);
    assertThat(out.get(1).navStatus()).hasValue(5);
    assertThat(out.get(1).headingDegrees()).isEmpty();
    assertThat(out.get(1).courseDegrees()).isEmpty();
    assertThat(reader.rejections()).containsEntry(CsvRejectionCause.BAD_POSITION, 1L);
    assertThat(rejected).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(3));
  }

  @Test
  void readsNoaaMarineCadastreExport() throws IOException {
    reader.read(
        new StringReader(
            String.join(
                "\n",
                "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass",
                "367596940,2020-01-01T00:00:00,29.93721,-89.99171,0.0,-49.6,511.0,SAMUEL P,IMO0000000,WDH3928,31,0,20,8,3.0,31,A",
                "367596941,not-a-date,29.9,-89.9,0.0,0,511,,,,,,,,,,A")),
        out::add);
    assertThat(reader.format()).contains(CsvFormat.NOAA);
    assertThat(out)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.time()).contains(Instant.parse("2020-01-01T00:00:00Z"));
              assertThat(p.headingDegrees()).isEmpty();
              assertThat(p.courseDegrees()).isEmpty();
              assertThat(p.navStatus()).hasValue(0);
            });
    assertThat(reader.rejections()).containsEntry(CsvRejectionCause.BAD_TIME, 1L);
  }

  @Test
  void readsSimpleExportOfTheSolent() throws IOException {
    try (var in =
        new InputStreamReader(
            getClass().getResourceAsStream("/ais/solent_2016-01-12_head2000.csv"),
            StandardCharsets.UTF_8)) {
      reader.read(in, out::add);
    }
    assertThat(reader.format()).contains(CsvFormat.SIMPLE);
    assertThat(out).hasSize(2000);
    assertThat(reader.rejections()).isEmpty();
    assertThat(out.get(0).mmsi()).isEqualTo(235070762);
    assertThat(out.get(0).time()).contains(Instant.parse("2016-01-12T13:02:11.218Z"));
    assertThat(out.get(0).courseDegrees()).hasValue(157.8);
    assertThat(out.get(0).speedKnots()).hasValue(5.9);
    assertThat(out.get(0).navStatus()).isEmpty();
  }

  @Test
  void refusesAHeaderWithoutPositionColumns() {
    assertThatThrownBy(() -> reader.read(new StringReader("a,b,c\n1,2,3"), out::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks MMSI");
  }

  @Property(tries = 300)
  void anyRowIsEitherARecordOrACountedRejection(@ForAll String row) throws IOException {
    CsvPositionReader r = new CsvPositionReader("fuzz");
    List<PositionRecord> records = new ArrayList<>();
    r.read(
        new StringReader(
            "Time,MMSI,Latitude,Longitude,COG,SOG\n" + row.replace('\r', ' ').replace('\n', ' ')),
        records::add);
    long rejections = r.rejections().values().stream().mapToLong(Long::longValue).sum();
    assertThat(records.size() + rejections).isEqualTo(r.rows());
  }
}
