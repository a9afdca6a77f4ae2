package dev.bulwark.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.AisMessage;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

/** Whatever the payload, every decoded message becomes one well-formed gpsd JSON object. */
class GpsdJsonWriterPropertiesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int[][] APPLICATIONS = {
    {1, 11}, {1, 12}, {1, 14}, {1, 15}, {1, 16}, {1, 18}, {1, 29}, {1, 30}, {1, 31}, {1, 32},
    {200, 10}, {200, 55}, {235, 10}, {250, 10}, {366, 56},
  };

  @Property(tries = 3000)
  void everyDecodableMessageWritesValidJson(
      @ForAll @IntRange(min = 1, max = 27) int type,
      @ForAll @IntRange(min = 38, max = 1060) int bits,
      @ForAll long seed) {
    Random random = new Random(seed);
    boolean[] b = new boolean[bits];
    for (int i = 0; i < bits; i++) {
      b[i] = random.nextBoolean();
    }
    put(b, 0, 6, type);
    if (type == 6 || type == 8) {
      int[] app = APPLICATIONS[random.nextInt(APPLICATIONS.length)];
      int at = type == 6 ? 72 : 40;
      if (bits >= at + 16) {
        put(b, at, 10, app[0]);
        put(b, at + 10, 6, app[1]);
      }
    }
    int chars = (bits + 5) / 6;
    StringBuilder armored = new StringBuilder();
    for (int c = 0; c < chars; c++) {
      int v = 0;
      for (int k = 0; k < 6; k++) {
        int i = c * 6 + k;
        v = (v << 1) | (i < bits && b[i] ? 1 : 0);
      }
      armored.append((char) (v < 40 ? v + 48 : v + 56));
    }
    Optional<AisMessage> m = AisDecoder.decodePayload(armored, chars * 6 - bits);
    GpsdJsonWriter writer = new GpsdJsonWriter("stdin");
    m.flatMap(writer::toJson)
        .ifPresent(
            json -> {
              var node = JSON.readTree(json);
              assertThat(node.path("class").asString()).isEqualTo("AIS");
              assertThat(node.path("type").asInt()).isEqualTo(type);
            });
  }

  private static void put(boolean[] b, int start, int len, int value) {
    for (int i = 0; i < len && start + i < b.length; i++) {
      b[start + i] = ((value >>> (len - 1 - i)) & 1) != 0;
    }
  }
}
