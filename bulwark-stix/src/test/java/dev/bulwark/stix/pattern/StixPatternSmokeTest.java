package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StixPatternSmokeTest {

  private static final String BUNDLE =
      """
      {"type":"bundle","id":"bundle--1","objects":[
       {"type":"observed-data","id":"observed-data--1","number_observed":1,
        "first_observed":"2014-04-19T06:51:26Z","last_observed":"2014-04-19T06:51:26Z",
        "object_refs":["test--1"],"spec_version":"2.1"},
       {"type":"test","id":"test--1","int":5,"float":12.658,"bool":true,"string":"hello",
        "ip":"11.22.33.44","cidr":"11.22.33.44/20"}]}
      """;

  @Test
  void basics() {
    List<Observation> obs = Observations.parse(BUNDLE);
    assertThat(StixPattern.compile("[test:int = 5]").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:int != 'world']").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:int > h'010203']").matches(obs)).isFalse();
    assertThat(StixPattern.compile("[test:int NOT < 3]").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:string LIKE 'he%']").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:string MATCHES 'l+']").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:ip ISSUBSET '11.22.0.0/16']").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:int IN (-4, 5, 6.6)]").matches(obs)).isTrue();
    assertThat(StixPattern.compile("[test:int = 5] AND [test:int = 5]").matches(obs)).isFalse();
    assertThat(StixPattern.compile("[test:int = 5] REPEATS 1 TIMES").matches(obs)).isTrue();
    assertThatThrownBy(
            () -> StixPattern.compile("[test:string = t'2014-04-19T06:51:26Z']").matches(obs))
        .isInstanceOf(PatternEvaluationException.class);
    assertThatThrownBy(() -> StixPattern.compile("[test:int IN (1, 'a')]"))
        .isInstanceOf(PatternException.class);
    assertThatThrownBy(() -> StixPattern.compile("[test:int = 5] WITHIN 0 SECONDS"))
        .isInstanceOf(PatternException.class);
  }
}
