package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Round trips and fuzzing of the codec. */
class CodecPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final StixCodec codec = new StixCodec();
  private final StixValidator validator = new StixValidator();

  @Property(tries = 300)
  void anyValidObjectSurvivesWriteThenReadUnchanged(@ForAll("validObjects") ObjectNode json)
      throws Exception {
    StixObject o = StixObject.of(json);
    assertThat(validator.validate(o).errors()).as(o.toJson()).isEmpty();

    String written = codec.write(o);
    StixObject back = codec.parseObject(written);
    assertThat(back).isEqualTo(o);
    assertThat(codec.write(back)).isEqualTo(written);
    assertThat(back.toJson()).isEqualTo(Json.write(json));
    assertThat(validator.validate(back)).isEqualTo(validator.validate(o));

    List<StixObject> streamed =
        readAll(codec.writeBundle(List.of(o, o)).getBytes(StandardCharsets.UTF_8)).objects;
    assertThat(streamed).containsExactly(o, o);
  }

  @Property(tries = 300)
  void truncatedBundlesYieldAPrefixOfTheObjectsAndOneError(
      @ForAll("validObjects") ObjectNode a,
      @ForAll("validObjects") ObjectNode b,
      @ForAll @IntRange(min = 0, max = 100_000) int cutAt)
      throws IOException {
    List<StixObject> all = List.of(StixObject.of(a), StixObject.of(b));
    byte[] bytes = codec.writeBundle(all).getBytes(StandardCharsets.UTF_8);
    int cut = cutAt % bytes.length;
    byte[] truncated = Arrays.copyOf(bytes, cut);
    StixCodecTest.Recorder r = readAll(truncated);
    assertThat(all.subList(0, r.objects.size())).isEqualTo(r.objects);
    assertThat(r.problems).hasSize(1);
    assertThat(r.events.get(r.events.size() - 1)).isEqualTo("malformed");
  }

  @Property(tries = 500)
  void arbitraryBytesNeverEscapeAsExceptions(@ForAll byte[] bytes) throws Exception {
    StixCodecTest.Recorder r = readAll(bytes);
    assertThat(r.objects.size() + r.problems.size()).isGreaterThanOrEqualTo(0);
    for (StixObject o : r.objects) {
      assertThat(codec.parseObject(o.toJson())).isEqualTo(o);
    }
  }

  @Property(tries = 300)
  void arbitraryTextNeverEscapesAsExceptions(@ForAll("jsonish") String text) throws IOException {
    StixCodecTest.Recorder r = readAll(text.getBytes(StandardCharsets.UTF_8));
    if (r.problems.isEmpty() && !text.isBlank()) {
      assertThat(r.objects).isNotNull();
    }
    try {
      codec.parseObject(text);
    } catch (StixParseException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private StixCodecTest.Recorder readAll(byte[] bytes) throws IOException {
    StixCodecTest.Recorder r = new StixCodecTest.Recorder();
    codec.read(new ByteArrayInputStream(bytes), r);
    return r;
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("{}[]\",:0123456789.eE-+ \ntrufalsn\\abcxyz_é")
        .ofMaxLength(80);
  }

  // ---- generators of valid STIX objects ----------------------------------------------------

  @Provide
  Arbitrary<ObjectNode> validObjects() {
    return Arbitraries.oneOf(campaigns(), ipv4s(), customObjects());
  }

  private Arbitrary<String> uuids4() {
    return Arbitraries.longs()
        .tuple2()
        .map(
            t ->
                new UUID(
                        (t.get1() & ~0xF000L) | 0x4000L,
                        (t.get2() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    .toString());
  }

  private Arbitrary<String> timestamps() {
    return Combinators.combine(
            Arbitraries.integers().between(1970, 2100),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28),
            Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59),
            Arbitraries.integers().between(0, 59),
            Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(9))
        .as(
            (y, mo, d, h, mi, s, frac) ->
                String.format("%04d-%02d-%02dT%02d:%02d:%02d.%sZ", y, mo, d, h, mi, s, frac));
  }

  private Arbitrary<String> anyText() {
    return Arbitraries.strings()
        .all()
        .ofMaxLength(40)
        .filter(
            s -> s.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp) && cp < 0x10000));
  }

  private Arbitrary<JsonNode> jsonValues(int depth) {
    List<Arbitrary<? extends JsonNode>> leaves =
        List.of(
            anyText().map(NODES::stringNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(30))
                .map(NODES::numberNode),
            Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e6"), new BigDecimal("1e6"))
                .ofScale(3)
                .map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return Arbitraries.oneOf(leaves).map(n -> (JsonNode) n);
    }
    Arbitrary<JsonNode> arrays =
        jsonValues(depth - 1)
            .list()
            .ofMaxSize(3)
            .map(
                l -> {
                  ArrayNode a = NODES.arrayNode();
                  l.forEach(a::add);
                  return a;
                });
    Arbitrary<JsonNode> objects =
        Combinators.combine(
                customNames().list().ofMaxSize(3), jsonValues(depth - 1).list().ofSize(3))
            .as(
                (names, values) -> {
                  ObjectNode o = NODES.objectNode();
                  for (int i = 0; i < names.size(); i++) {
                    o.set(names.get(i), values.get(i));
                  }
                  return (JsonNode) o;
                });
    List<Arbitrary<? extends JsonNode>> all = new ArrayList<>(leaves);
    all.add(arrays);
    all.add(objects);
    return Arbitraries.oneOf(all).map(n -> (JsonNode) n);
  }

  private Arbitrary<String> customNames() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
        .ofMinLength(1)
        .ofMaxLength(12)
        .map(s -> "x_" + s)
        .filter(
            s ->
                !s.endsWith("_ref")
                    && !s.endsWith("_refs")
                    && !s.endsWith("_hex")
                    && !s.endsWith("_bin"));
  }

  private Arbitrary<ObjectNode> withCustomProperties(Arbitrary<ObjectNode> base) {
    return Combinators.combine(
            base, customNames().list().ofMaxSize(4), jsonValues(2).list().ofSize(4))
        .as(
            (o, names, values) -> {
              for (int i = 0; i < names.size(); i++) {
                o.set(names.get(i), values.get(i));
              }
              return o;
            });
  }

  private Arbitrary<ObjectNode> campaigns() {
    Arbitrary<ObjectNode> base =
        Combinators.combine(
                uuids4(),
                timestamps(),
                anyText().filter(s -> !s.isEmpty()),
                Arbitraries.integers().between(0, 100))
            .as(
                (uuid, ts, name, confidence) -> {
                  ObjectNode o = NODES.objectNode();
                  o.put("type", "campaign");
                  o.put("spec_version", "2.1");
                  o.put("id", "campaign--" + uuid);
                  o.put("created", ts);
                  o.put("modified", ts);
                  o.put("name", name);
                  o.put("confidence", confidence);
                  o.putArray("labels").add(name);
                  return o;
                });
    return withCustomProperties(base);
  }

  private Arbitrary<ObjectNode> ipv4s() {
    Arbitrary<ObjectNode> base =
        Arbitraries.integers()
            .between(0, 255)
            .list()
            .ofSize(4)
            .map(
                parts -> {
                  String value =
                      parts.get(0) + "." + parts.get(1) + "." + parts.get(2) + "." + parts.get(3);
                  ObjectNode o = NODES.objectNode();
                  o.put("type", "ipv4-addr");
                  o.put("spec_version", "2.1");
                  o.put("value", value);
                  StixObject probe = StixObject.of(o);
                  o.put("id", new StixValidator().deterministicId(probe).orElseThrow());
                  return o;
                });
    return withCustomProperties(base);
  }

  private Arbitrary<ObjectNode> customObjects() {
    Arbitrary<ObjectNode> base =
        Combinators.combine(
                uuids4(),
                timestamps(),
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz")
                    .ofMinLength(3)
                    .ofMaxLength(10))
            .as(
                (uuid, ts, suffix) -> {
                  ObjectNode o = NODES.objectNode();
                  o.put("type", "x-" + suffix);
                  o.put("spec_version", "2.1");
                  o.put("id", "x-" + suffix + "--" + uuid);
                  o.put("created", ts);
                  o.put("modified", ts);
                  return o;
                });
    return withCustomProperties(base);
  }
}
