package dev.bulwark.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every message of gpsd's own sample file decodes to gpsd's output ({@code sample.aivdm.js.chk}),
 * member for member, in the same order and with the same number formatting.
 */
class GpsdSampleTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = GpsdSampleTest.class.getResourceAsStream(resource);
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
      List<String> out = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        out.add(l);
      }
      return out;
    }
  }

  static List<String> decodeToGpsdJson(List<String> input) {
    return decodeToGpsdJson(input, new GpsdJsonWriter("stdin"));
  }

  static List<String> decodeToGpsdJson(List<String> input, GpsdJsonWriter writer) {
    List<String> out = new ArrayList<>();
    AisDecoder decoder =
        AisDecoder.builder((DecodedMessage d) -> writer.toJson(d.message()).ifPresent(out::add))
            .build();
    input.forEach(decoder::accept);
    decoder.finish();
    return out;
  }

  @Test
  void everyMessageOfGpsdSampleMatchesGpsdOutputMemberForMember() throws IOException {
    List<String> expected = lines("/ais/gpsd_sample.aivdm.json");
    List<String> actual = decodeToGpsdJson(lines("/ais/gpsd_sample.aivdm"));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<none>";
      String a = i < actual.size() ? actual.get(i) : "<none>";
      if (!e.equals(a)) {
        String why = explainedDifference(e, a);
        if (why == null) {
          problems.add("message " + (i + 1) + "\n  gpsd:    " + e + "\n  bulwark: " + a);
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
    assertThat(actual).hasSize(expected.size());
  }

  @Test
  void anUnavailableRateOfTurnIsNanAsCurrentGpsdWritesIt() throws IOException {
    List<String> actual = decodeToGpsdJson(lines("/ais/gpsd_sample.aivdm"));
    assertThat(actual).anyMatch(l -> l.contains("\"turn\":\"nan\""));
    assertThat(actual).noneMatch(l -> l.contains("\"turn\":\"n/a\""));
  }

  @Test
  void type24PartsAreMergedAsGpsdDoesAndCounted() throws IOException {
    GpsdJsonWriter w = new GpsdJsonWriter("stdin");
    List<String> out = decodeToGpsdJson(lines("/ais/gpsd_sample.aivdm"), w);
    long written = out.stream().filter(l -> l.contains("\"type\":24")).count();
    long[] c = w.type24Counts();
    assertThat(c[2]).isEqualTo(written);
    assertThat(c[0] + c[1]).isGreaterThan(written);
  }

  @Test
  void inGpsdExactModeTheOutputIsByteForByteGpsds() throws IOException {
    List<String> expected = lines("/ais/gpsd_sample.aivdm.json");
    List<String> actual =
        decodeToGpsdJson(lines("/ais/gpsd_sample.aivdm"), new GpsdJsonWriter("stdin", true));
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /**
   * The known, deliberate differences: gpsd never decodes the 20-bit radio status of type 26
   * (driver_ais.c leaves it unset) and always prints 0, Bulwark prints the bits that were sent; and
   * the check file comes from a gpsd that wrote an unavailable rate of turn as "n/a", where current
   * gpsd (and Bulwark) write "nan". Everything else must be identical. Returns null when the
   * difference is not explained.
   */
  private static String explainedDifference(String expectedLine, String actualLine) {
    if (actualLine.equals("<none>") || expectedLine.equals("<none>")) {
      return null;
    }
    JsonNode e = JSON.readTree(expectedLine);
    JsonNode a = JSON.readTree(actualLine);
    String allowed;
    if (e.path("type").asInt() == 26 && e.path("radio").asInt() == 0) {
      allowed = "radio";
    } else if (e.path("turn").asText().equals("n/a") && a.path("turn").asText().equals("nan")) {
      allowed = "turn";
    } else {
      return null;
    }
    List<String> en = names(e);
    List<String> an = names(a);
    if (!en.equals(an)) {
      return null;
    }
    for (String n : en) {
      if (!n.equals(allowed) && !e.get(n).equals(a.get(n))) {
        return null;
      }
    }
    return allowed;
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      out.add(it.next().getKey());
    }
    return out;
  }
}
