package dev.bulwark.node.maritime.ingest;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.source.AisFiles;
import dev.bulwark.ais.source.LineReader;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.AisAdapter;
import dev.bulwark.maritime.model.SessionStart;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.scenario.Expectation;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The demo's live feed: the real Danish capture (5 minutes of the national AIS network) played
 * again and again, always forwards, by a {@link CaptureLoop} (each pass a new session per ship, so
 * that no ship jumps and none sails where it did not), with the synthetic incidents of {@code
 * bulwark-maritime} (an anchor dragged across Estlink 2 and BCS, a ship going dark over C-Lion1, a
 * rendezvous at sea, a spoofed ferry) mixed in, on one clock running {@code pace} times faster than
 * the wall clock. The first pass of the scenarios is fast-forwarded to a few minutes before their
 * first incident, so that alerts come within a minute of the start; later passes start again from
 * the beginning of the scenarios, each scenario vessel with a new session ({@link SessionStart}):
 * the loop never makes a ship jump. Thread-safe (see {@link ThreadedSource}).
 */
public final class DemoReplaySource extends ThreadedSource {
  static final String CAPTURE = "/dev/bulwark/node/maritime/demo/dma_2013-11-12_5min.nmea.gz";

  private final InfrastructureLayer layer;
  private final double pace;
  private final long leadMillis;
  private final LongSupplier wallClock;

  /**
   * @param pace how much faster than real time the demo runs (60: an hour a minute)
   * @param leadMillis track time left before the scenarios' first incident after fast-forwarding
   */
  public DemoReplaySource(
      ObservationQueue queue,
      InfrastructureLayer layer,
      double pace,
      long leadMillis,
      LongSupplier wallClock) {
    super(
        new SourceStatus(
            "demo-replay", "demo", "DMA capture 2013-11-12 + Bulwark scenarios, x" + (int) pace),
        queue,
        true);
    this.layer = layer;
    this.pace = pace;
    this.leadMillis = leadMillis;
    this.wallClock = wallClock;
  }

  @Override
  public double replaySpeed() {
    return pace;
  }

  @Override
  protected void run() {
    List<VesselObservation> capture = decodeCapture();
    if (capture.isEmpty()) {
      status.error("the demo capture holds no timed observation");
      return;
    }
    long v0 = wallClock.getAsLong();
    status.connected(true);

    // first scenario pass: fast-forwarded up to shortly before its first incident
    ScenarioSet first = Scenarios.generate(v0, layer);
    long firstOnset =
        first.expectations().stream().mapToLong(Expectation::onsetMillis).min().orElse(v0);
    long skip = Math.max(0, firstOnset - leadMillis - v0);
    List<VesselObservation> scenario = shift(decode(first), -skip);
    int si = 0;
    while (si < scenario.size() && scenario.get(si).timeMillis() < v0) {
      deliver(scenario.get(si++));
    }
    Pacer pacer = new Pacer(pace);
    pacer.await(v0);
    CaptureLoop loop = new CaptureLoop(capture, v0);
    while (running) {
      long ct = loop.peekTime();
      if (si >= scenario.size()) {
        // next scenario pass from the beginning, from now on the demo clock
        long now =
            scenario.isEmpty()
                ? ct
                : Math.max(ct, scenario.get(scenario.size() - 1).timeMillis() + 60_000L);
        scenario = newPass(Scenarios.generate(now, layer), now);
        si = 0;
      }
      VesselObservation s = scenario.get(si);
      VesselObservation next;
      if (s.timeMillis() <= ct) {
        next = s;
        si++;
      } else {
        next = loop.next();
      }
      if (!pacer.await(next.timeMillis())) {
        return;
      }
      deliver(next);
    }
  }

  /**
   * A new pass of the scenarios: first a new session for each of their vessels (put back at its
   * start, a ship has not sailed there: without this the engine saw a 76 km jump and raised
   * spoofing and going-dark alerts that were artefacts of the loop), then their observations.
   */
  private List<VesselObservation> newPass(ScenarioSet set, long now) {
    List<VesselObservation> out = new ArrayList<>();
    for (int mmsi : set.vessels()) {
      out.add(new SessionStart(mmsi, now));
    }
    out.addAll(decode(set));
    return out;
  }

  private void deliver(VesselObservation o) {
    status.message(System.currentTimeMillis());
    emit(o);
  }

  private static List<VesselObservation> shift(List<VesselObservation> in, long delta) {
    List<VesselObservation> out = new ArrayList<>(in.size());
    for (VesselObservation o : in) {
      out.add(delta == 0 ? o : Observations.at(o, o.timeMillis() + delta));
    }
    return out;
  }

  private List<VesselObservation> decodeCapture() {
    List<VesselObservation> out = new ArrayList<>();
    AisAdapter adapter = new AisAdapter();
    AisDecoder decoder =
        AisDecoder.builder(d -> adapter.accept(d, out::add))
            .source("dma-demo")
            .onRejection(r -> status.error(r.describe()))
            .build();
    try (InputStream in = AisFiles.maybeGunzip(resource())) {
      new LineReader(in)
          .forEachLine(
              (b, off, len) -> {
                status.line();
                decoder.accept(b, off, len);
              });
      decoder.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo capture: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparingLong(VesselObservation::timeMillis));
    return out;
  }

  private static InputStream resource() {
    InputStream in = DemoReplaySource.class.getResourceAsStream(CAPTURE);
    if (in == null) {
      throw new IllegalStateException("missing demo capture " + CAPTURE);
    }
    return in;
  }

  private List<VesselObservation> decode(ScenarioSet set) {
    List<VesselObservation> out = new ArrayList<>();
    AisAdapter adapter = new AisAdapter();
    AisDecoder decoder =
        AisDecoder.builder(d -> adapter.accept(d, out::add)).source("scenarios").build();
    for (ScenarioSet.Line l : set.lines()) {
      decoder.accept(l.text());
    }
    decoder.finish();
    out.sort(Comparator.comparingLong(VesselObservation::timeMillis));
    return out;
  }
}
