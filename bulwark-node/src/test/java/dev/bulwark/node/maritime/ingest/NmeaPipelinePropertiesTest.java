package dev.bulwark.node.maritime.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.node.maritime.alerts.Disposition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a feed sends, the pipeline neither throws nor loses count. */
class NmeaPipelinePropertiesTest {

  @Property(tries = 300)
  void arbitraryLinesAreCountedAndNeverThrow(
      @ForAll @Size(max = 30) List<@Size(max = 120) byte[]> lines) {
    SourceStatus status = new SourceStatus("fuzz", "tcp", "");
    List<VesselObservation> out = new ArrayList<>();
    NmeaPipeline p = new NmeaPipeline("fuzz", status, Clock.systemUTC(), out::add);
    for (byte[] l : lines) {
      p.line(l, 0, l.length);
    }
    p.finish();
    assertThat(status.lines()).isEqualTo(lines.size());
    assertThat(out.size()).isLessThanOrEqualTo((int) status.messages() * 2);
  }

  @Property(tries = 200)
  void dispositionsParseOnlyTheirOwnNames(@ForAll String s) {
    Disposition.parse(s)
        .ifPresent(d -> assertThat(d.slug()).isEqualToIgnoringCase(s.trim().replace('_', '-')));
  }
}
