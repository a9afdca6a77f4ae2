package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StixCodecTest {

  private static final String IPV4 =
      "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\","
          + "\"id\":\"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\",\"value\":\"198.51.100.3\"}";
  private static final String MUTEX =
      "{\"type\":\"mutex\",\"spec_version\":\"2.1\","
          + "\"id\":\"mutex--f93fe911-e545-5239-b9b0-597840d0c871\",\"name\":\"__CLEANSWEEP__\"}";

  private final StixCodec codec = new StixCodec();

  /** Everything a read reported, in order. */
  static final class Recorder implements StixReadListener {
    final List<StixObject> objects = new ArrayList<>();
    final List<String> locations = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void object(StixObject object, String location) {
      objects.add(object);
      locations.add(location);
      events.add("object");
    }

    @Override
    public void malformed(String location, String message) {
      problems.add(location + ": " + message);
      events.add("malformed");
    }
  }

  private Recorder read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private Recorder read(byte[] bytes) throws IOException {
    Recorder r = new Recorder();
    codec.read(new ByteArrayInputStream(bytes), r);
    return r;
  }

  @Test
  void parsesOneObjectAndKeepsUnknownContentExactly() throws StixParseException {
    String json =
        "{\"type\":\"x-acme-widget\",\"id\":\"x-acme-widget--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
            + "\"x_score\":1.50,\"x_big\":123456789012345678901234567890,\"x_exp\":1.0E-7,\"x_null\":null,"
            + "\"x_text\":\"quote \\\" backslash \\\\ newline \\n unicode \u00e9\u4e2d\uD83D\uDE00\","
            + "\"extensions\":{\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\":"
            + "{\"extension_type\":\"new-sdo\",\"nested\":[1,{\"a\":[]},{}]}}}";
    StixObject o = codec.parseObject(json);
    assertThat(o.type()).isEqualTo("x-acme-widget");
    assertThat(codec.write(o)).isEqualTo(json);
    assertThat(codec.parseObject(codec.write(o))).isEqualTo(o);
  }

  @Test
  void exposesCommonPropertiesAsWritten() throws StixParseException {
    StixObject o =
        codec.parseObject(
            "{\"type\":\"campaign\",\"id\":\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                + "\"spec_version\":\"2.1\",\"created\":\"2016-04-06T20:03:00.000Z\",\"modified\":\"2016-04-06T20:03:00.0001Z\","
                + "\"created_by_ref\":\"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff\","
                + "\"object_marking_refs\":[\"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da\"],\"name\":\"n\"}");
    assertThat(o.id()).isEqualTo("campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
    assertThat(o.specVersion()).contains("2.1");
    assertThat(o.created()).contains("2016-04-06T20:03:00.000Z");
    assertThat(o.modified()).contains("2016-04-06T20:03:00.0001Z");
    assertThat(o.createdByRef()).contains("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff");
    assertThat(o.objectMarkingRefs())
        .containsExactly("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
  }

  @Test
  void missingPropertiesReadAsEmpty() throws StixParseException {
    StixObject o = codec.parseObject("{\"type\":5}");
    assertThat(o.id()).isEmpty();
    assertThat(o.type()).isEmpty();
    assertThat(o.created()).isEmpty();
    assertThat(o.objectMarkingRefs()).isEmpty();
  }

  @Test
  void jsonIsADefensiveCopy() throws StixParseException {
    StixObject o = codec.parseObject(IPV4);
    o.json().put("value", "10.0.0.1");
    assertThat(o.toJson()).isEqualTo(IPV4);
  }

  @Test
  void equalityIsByContentNotPropertyOrder() throws StixParseException {
    StixObject a = codec.parseObject("{\"type\":\"mutex\",\"name\":\"m\"}");
    StixObject b = codec.parseObject("{\"name\":\"m\",\"type\":\"mutex\"}");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toJson()).isNotEqualTo(b.toJson());
  }

  @Test
  void parseObjectSaysWhatAndWhere() {
    assertThatThrownBy(() -> codec.parseObject("[1,2]"))
        .isInstanceOf(StixParseException.class)
        .hasMessageContaining("expected a JSON object")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> codec.parseObject("{\"type\":\"mutex\",\n\"name\":"))
        .isInstanceOf(StixParseException.class)
        .hasMessageContaining("invalid JSON at line 2");
    assertThatThrownBy(() -> codec.parseObject("{} {}"))
        .hasMessageContaining("unexpected content after the object");
    assertThatThrownBy(() -> codec.parseObject("")).hasMessageContaining("empty input");
    assertThatThrownBy(() -> codec.parseObject("{\"a\":1,\"a\":2}")).hasMessageContaining("a");
  }

  @Test
  void streamsABundleWithLocations() throws IOException {
    Recorder r =
        read(
            "{\n\"type\": \"bundle\",\n\"id\": \"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\n\"objects\": [\n"
                + IPV4
                + ",\n"
                + MUTEX
                + "\n]\n}\n");
    assertThat(r.problems).isEmpty();
    assertThat(r.objects).extracting(StixObject::type).containsExactly("ipv4-addr", "mutex");
    assertThat(r.locations).containsExactly("objects[0] (line 5)", "objects[1] (line 6)");
  }

  @Test
  void aBundleWhoseObjectsComeBeforeItsTypeIsStillABundle() throws IOException {
    Recorder r =
        read(
            "{\"objects\":["
                + IPV4
                + ","
                + MUTEX
                + "],\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"type\":\"bundle\"}");
    assertThat(r.problems).isEmpty();
    assertThat(r.objects).hasSize(2);
  }

  @Test
  void badItemsAmongGoodOnesAreReportedAndReadingGoesOn() throws IOException {
    Recorder r =
        read(
            "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"objects\":[\n"
                + IPV4
                + ",\n\"not an object\",\n42,\n[1,2],\n{\"type\":\"mutex\",\"name\":\"a\",\"name\":\"b\"},\n"
                + MUTEX
                + "\n]}");
    assertThat(r.objects).extracting(StixObject::type).containsExactly("ipv4-addr", "mutex");
    assertThat(r.problems).hasSize(4);
    assertThat(r.problems.get(0))
        .startsWith("objects[1] (line 3)")
        .contains("expected a JSON object but found a string");
    assertThat(r.problems.get(1)).startsWith("objects[2] (line 4)").contains("a number");
    assertThat(r.problems.get(2)).startsWith("objects[3] (line 5)").contains("an array");
    assertThat(r.problems.get(3)).startsWith("objects[4] (line 6)").contains("name");
    assertThat(r.locations).containsExactly("objects[0] (line 2)", "objects[5] (line 7)");
  }

  @Test
  void truncatedJsonKeepsWhatCameBeforeAndStopsWithLineAndColumn() throws IOException {
    Recorder r =
        read(
            "{\"type\":\"bundle\",\"objects\":[\n"
                + IPV4
                + ",\n"
                + MUTEX
                + ",\n{\"type\":\"mutex\",\"na");
    assertThat(r.objects).hasSize(2);
    assertThat(r.events).containsExactly("object", "object", "malformed");
    assertThat(r.problems.get(0))
        .startsWith("objects[2] (line 4)")
        .contains("line 4, column")
        .contains("reading stopped");
  }

  @Test
  void bytesThatAreNotUtf8StopReadingWithTheirByteOffset() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        ("{\"type\":\"bundle\",\"objects\":[" + IPV4 + ",{\"type\":\"mutex\",\"name\":\"")
            .getBytes(StandardCharsets.UTF_8));
    int offset = bytes.size();
    bytes.write(0xC3);
    bytes.write(0x28); // invalid continuation byte
    bytes.writeBytes(("\"}," + MUTEX + "]}").getBytes(StandardCharsets.UTF_8));
    Recorder r = read(bytes.toByteArray());
    assertThat(r.objects).extracting(StixObject::type).containsExactly("ipv4-addr");
    assertThat(r.problems)
        .singleElement()
        .asString()
        .contains("UTF-8")
        .contains("byte ")
        .contains("objects[1]");
    assertThat(offset).isPositive();
  }

  @Test
  void readsAnArrayOfObjects() throws IOException {
    Recorder r = read("[\n" + IPV4 + ",\n" + MUTEX + "\n]");
    assertThat(r.objects).hasSize(2);
    assertThat(r.locations).containsExactly("[0] (line 2)", "[1] (line 3)");
  }

  @Test
  void bundlesInsideArraysOrBundlesAreContainersNotObjects() throws IOException {
    Recorder r = read("[{\"type\":\"bundle\",\"objects\":[" + IPV4 + "]},\n" + MUTEX + "]");
    assertThat(r.objects).extracting(StixObject::type).containsExactly("ipv4-addr", "mutex");
    assertThat(r.locations).containsExactly("[0] (line 1) objects[0]", "[1] (line 2)");
    Recorder nested =
        read(
            "{\"type\":\"bundle\",\"objects\":[{\"type\":\"bundle\",\"objects\":["
                + MUTEX
                + "]}]}");
    assertThat(nested.objects).extracting(StixObject::type).containsExactly("mutex");
  }

  @Test
  void aBundleWhoseObjectsAreNotAListIsReported() throws IOException {
    Recorder r =
        read(
            "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"objects\":\"none\"}");
    assertThat(r.objects).isEmpty();
    assertThat(r.problems)
        .singleElement()
        .asString()
        .contains("\"objects\" must be an array of objects");
  }

  @Test
  void wrongTypesInsideObjectsAreForTheValidatorNotTheReader() throws IOException {
    Recorder r = read("{\"type\":\"bundle\",\"objects\":[{\"type\":42,\"id\":[],\"created\":{}}]}");
    assertThat(r.problems).isEmpty();
    assertThat(r.objects)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.type()).isEmpty();
              assertThat(new StixValidator().validate(o).valid()).isFalse();
            });
  }

  @Test
  void readsJsonLinesAndResumesAfterABadLine() throws IOException {
    Recorder r =
        read(IPV4 + "\n{\"type\":\"mutex\",\"name\":\n\n\"just a string\"\r\n" + MUTEX + "\n");
    assertThat(r.objects).extracting(StixObject::type).containsExactly("ipv4-addr", "mutex");
    assertThat(r.locations).containsExactly("line 1", "line 5");
    assertThat(r.problems).hasSize(2);
    assertThat(r.problems.get(0)).startsWith("line 2: invalid JSON");
    assertThat(r.problems.get(1)).startsWith("line 4: expected a JSON object but found a string");
  }

  @Test
  void jsonLinesMayStartWithBlankLinesAndRejectTrailingJunk() throws IOException {
    Recorder r = read("\n\n" + IPV4 + "\n" + MUTEX + " junk\n" + MUTEX + "\n");
    assertThat(r.locations).containsExactly("line 3", "line 5");
    assertThat(r.problems).singleElement().asString().startsWith("line 4: invalid JSON");
  }

  @Test
  void aLineThatIsNotUtf8IsReportedAndTheNextLinesAreRead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((IPV4 + "\n{\"type\":\"mutex\",\"name\":\"").getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.writeBytes(("\"}\n" + MUTEX + "\n").getBytes(StandardCharsets.UTF_8));
    Recorder r = read(bytes.toByteArray());
    assertThat(r.locations).containsExactly("line 1", "line 3");
    assertThat(r.problems)
        .singleElement()
        .asString()
        .startsWith("line 2: invalid JSON")
        .contains("UTF-8");
  }

  @Test
  void overlongLinesAreSkippedNotHeld() throws IOException {
    Recorder r = new Recorder();
    String longLine = "{\"type\":\"note\",\"content\":\"" + "x".repeat(500) + "\"}";
    new StixCodec(200)
        .read(
            new ByteArrayInputStream(
                (IPV4 + "\n" + longLine + "\n" + MUTEX).getBytes(StandardCharsets.UTF_8)),
            r);
    assertThat(r.locations).containsExactly("line 1", "line 3");
    assertThat(r.problems)
        .singleElement()
        .asString()
        .isEqualTo("line 2: line longer than 200 bytes; skipped");
  }

  @Test
  void jsonLinesMayHoldBundles() throws IOException {
    Recorder r = read(IPV4 + "\n{\"type\":\"bundle\",\"objects\":[" + MUTEX + "," + IPV4 + "]}\n");
    assertThat(r.objects).hasSize(3);
    assertThat(r.locations).containsExactly("line 1", "line 2 objects[0]", "line 2 objects[1]");
  }

  @Test
  void readsOnePrettyPrintedObject() throws IOException {
    Recorder r = read("{\n  \"type\": \"mutex\",\n  \"name\": \"m\"\n}\n");
    assertThat(r.objects).singleElement().extracting(StixObject::type).isEqualTo("mutex");
    assertThat(r.locations).containsExactly("object (line 1)");
  }

  @Test
  void reportsEmptyAndScalarInput() throws IOException {
    assertThat(read("  \n").problems).singleElement().asString().contains("empty input");
    assertThat(read("\"text\"").problems).singleElement().asString().contains("found a string");
  }

  @Test
  void writesABundleThatReadsBackUnchanged() throws Exception {
    List<StixObject> objects = List.of(codec.parseObject(IPV4), codec.parseObject(MUTEX));
    String bundle = codec.writeBundle(objects);
    assertThat(bundle).startsWith("{\"type\":\"bundle\",\"id\":\"bundle--");
    assertThat(read(bundle).objects).containsExactlyElementsOf(objects);
    assertThat(codec.writeBundle(objects)).isNotEqualTo(bundle); // a new bundle id each time
  }

  @Test
  void doesNotCloseTheCallersStream() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(IPV4.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    codec.read(in, new Recorder());
    assertThat(closed[0]).isFalse();
  }

  @Test
  void passesOnFailuresOfTheStreamItself() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk gone");
          }
        };
    assertThatThrownBy(() -> codec.read(failing, new Recorder()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disk gone");
  }
}
