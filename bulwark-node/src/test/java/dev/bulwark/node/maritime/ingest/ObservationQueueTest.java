package dev.bulwark.node.maritime.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.model.PositionReport;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationQueueTest {

  @Test
  void whenFullTheOldestIsDroppedAndCounted() throws Exception {
    ObservationQueue q = new ObservationQueue(16);
    for (int i = 0; i < 40; i++) {
      q.offer(PositionReport.of(230000000 + i, i * 1000L, 60, 25, 10, 90));
    }
    assertThat(q.size()).isEqualTo(16);
    assertThat(q.dropped()).isEqualTo(24);
    List<VesselObservation> out = new ArrayList<>();
    assertThat(q.drain(out, 100, 0)).isEqualTo(16);
    assertThat(out.get(0).mmsi()).isEqualTo(230000024);
    assertThat(out.get(15).mmsi()).isEqualTo(230000039);
  }

  @Test
  void drainWaitsForTheFirstObservationOnly() throws Exception {
    ObservationQueue q = new ObservationQueue(16);
    List<VesselObservation> out = new ArrayList<>();
    assertThat(q.drain(out, 10, 10)).isZero();
    q.offer(PositionReport.of(230000001, 0L, 60, 25, 10, 90));
    assertThat(q.drain(out, 10, 10)).isEqualTo(1);
  }

  @Test
  void aBlockingProducerWaitsForTheEngineAndLosesNothing() throws Exception {
    ObservationQueue q = new ObservationQueue(16);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < 1000; i++) {
                q.put(PositionReport.of(230000000 + i, i * 1000L, 60, 25, 10, 90));
              }
            });
    producer.start();
    List<VesselObservation> out = new ArrayList<>();
    while (out.size() < 1000) {
      q.drain(out, 7, 1000);
    }
    producer.join();
    assertThat(q.dropped()).isZero();
    assertThat(q.waits()).isPositive();
    for (int i = 0; i < 1000; i++) {
      assertThat(out.get(i).mmsi()).isEqualTo(230000000 + i);
    }
  }
}
