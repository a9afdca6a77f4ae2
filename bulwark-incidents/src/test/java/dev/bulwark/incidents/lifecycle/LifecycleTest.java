package dev.bulwark.incidents.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.Samples;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void theHappyPathRecordsWhoAndWhenAtEachStep() {
    Incident i = Samples.of(Samples.everyKind().get(2));
    int s = 0;
    for (Status to :
        new Status[] {Status.ASSESSED, Status.ATTRIBUTED, Status.RESPONDED, Status.CLOSED}) {
      i = Lifecycle.transition(i, to, "user" + s, Samples.T0.plusSeconds(3600L * ++s));
    }
    assertThat(i.status()).isEqualTo(Status.CLOSED);
    assertThat(i.history()).extracting(StatusStep::status).containsExactly(Status.values());
    assertThat(i.history())
        .extracting(StatusStep::by)
        .containsExactly("analyst@FIN", "user0", "user1", "user2", "user3");
  }

  @Test
  void skipsAndBackwardsMovesAreRefusedButClosedReopens() {
    assertThat(Lifecycle.allowed(Status.REPORTED, Status.ATTRIBUTED)).isFalse();
    assertThat(Lifecycle.allowed(Status.RESPONDED, Status.ASSESSED)).isFalse();
    assertThat(Lifecycle.allowed(Status.ASSESSED, Status.RESPONDED)).isTrue();
    assertThat(Lifecycle.allowed(Status.CLOSED, Status.ASSESSED)).isTrue();
    Incident i = Samples.of(Samples.everyKind().get(2));
    assertThatThrownBy(() -> Lifecycle.transition(i, Status.ASSESSED, "x", Samples.T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before the previous");
  }
}
