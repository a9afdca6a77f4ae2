package dev.bulwark.incidents.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class CrossingCsvPropertiesTest {

  @Property
  void anyTextIsAcceptedWholeOrRejectedWholeWithLines(@ForAll @StringLength(max = 300) String text)
      throws IOException {
    CrossingCsv.Result r =
        CrossingCsv.read(new StringReader("date,crossing_point,nationality_group,count\n" + text));
    if (r.ok()) {
      assertThat(r.problems()).isEmpty();
    } else {
      assertThat(r.counts()).isEmpty();
      assertThat(r.problems()).allMatch(p -> p.path().startsWith("line "));
    }
  }
}
