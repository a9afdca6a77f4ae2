package dev.bulwark.ais.source;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.AisMessage;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: real messages decoded from literal sentences. */
final class AisDecoderFixtures {
  private AisDecoderFixtures() {}

  static AisMessage anyMessage() {
    List<AisMessage> out = new ArrayList<>();
    AisDecoder.builder(m -> out.add(m.message())).build().accept(SourcesTest.A);
    return out.get(0);
  }
}
