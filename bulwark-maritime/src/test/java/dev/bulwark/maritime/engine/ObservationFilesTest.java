package dev.bulwark.maritime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.ingest.ObservationFiles;
import dev.bulwark.maritime.model.PositionReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationFilesTest {

  @Test
  void gzippedCsvFilesAreReadAsCsv(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("solent_2016-01-12.csv.gz");
    try (InputStream in =
        ObservationFiles.class.getResourceAsStream(
            "/dev/bulwark/maritime/ais/solent_2016-01-12.csv.gz")) {
      Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
    }
    var read = ObservationFiles.read(f);
    assertThat(read.observations()).hasSize(18_623);
    assertThat(read.observations().get(0)).isInstanceOf(PositionReport.class);
    assertThat(read.summary()).contains("18623 rows");
  }
}
