package dev.bulwark.maritime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.eval.Evaluation;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void scenariosMixedIntoEveryRealCaptureAreAllDetectedInTimeWithoutHighFalseAlarms() {
    Evaluation.Result r = Evaluation.run(GeoJsonInfrastructure.baltic().layer());
    System.out.println(Evaluation.format(r));
    assertThat(r.detections()).hasSize(18);
    assertThat(r.detections()).allMatch(Evaluation.Detection::detectedInTime);
    assertThat(r.drifterReported()).isTrue();
    assertThat(r.realVesselHours()).isGreaterThan(150);
    assertThat(r.passed()).isTrue();
  }
}
