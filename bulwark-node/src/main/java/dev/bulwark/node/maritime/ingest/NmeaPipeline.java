package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.LineConsumer;
import dev.bulwark.maritime.ingest.AisAdapter;
import dev.bulwark.maritime.model.VesselObservation;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * NMEA lines to observations for one source: decoder (reassembly included), adapter, then the
 * observations' consumer; decoded messages and rejected lines are counted in the source's status (a
 * bad line is an error of the source and the stream goes on). Messages without a time of their own
 * take the wall clock, as a live receiver would stamp them. Not thread-safe: one per reading
 * thread.
 */
public final class NmeaPipeline implements LineConsumer {
  private final AisDecoder decoder;
  private final AisAdapter adapter = new AisAdapter();
  private final SourceStatus status;

  NmeaPipeline(String source, SourceStatus status, Clock clock, Consumer<VesselObservation> out) {
    this.status = status;
    this.decoder =
        AisDecoder.builder(
                d -> {
                  status.message(System.currentTimeMillis());
                  adapter.accept(d, out);
                })
            .source(source)
            .clock(clock)
            .onRejection(r -> status.error(r.describe()))
            .build();
  }

  @Override
  public void line(byte[] buf, int off, int len) {
    status.line();
    decoder.accept(buf, off, len);
  }

  /** End of a stream: incomplete multi-sentence groups are given up. */
  void finish() {
    decoder.finish();
  }
}
