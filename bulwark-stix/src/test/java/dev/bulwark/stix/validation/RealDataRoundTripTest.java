package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every real object (custom x-mitre-* types, extensions, markings) survives write then read
 * unchanged.
 */
class RealDataRoundTripTest {

  @Test
  void everyRealObjectSurvivesWriteThenRead() throws Exception {
    StixCodec codec = new StixCodec();
    StixValidator validator = new StixValidator();
    List<StixObject> all = new ArrayList<>(RealDataValidationTest.read("ics-attack-18.1.json"));
    all.addAll(RealDataValidationTest.read("oasis-examples/threat-reports/poisonivy.json"));
    all.addAll(RealDataValidationTest.read("oasis-examples/threat-reports/apt1.json"));
    for (StixObject o : all) {
      StixObject back = codec.parseObject(codec.write(o));
      assertThat(back).isEqualTo(o);
      assertThat(back.toJson()).isEqualTo(o.toJson());
      assertThat(validator.validate(back)).isEqualTo(validator.validate(o));
    }
    List<StixObject> again = new ArrayList<>();
    codec.read(
        new ByteArrayInputStream(codec.writeBundle(all).getBytes(StandardCharsets.UTF_8)),
        new StixReadListener() {
          @Override
          public void object(StixObject object, String location) {
            again.add(object);
          }

          @Override
          public void malformed(String location, String message) {
            throw new AssertionError(location + ": " + message);
          }
        });
    assertThat(again).containsExactlyElementsOf(all);
  }
}
