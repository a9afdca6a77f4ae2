package dev.bulwark.node.taxii.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The limits a TAXII POST body is read under (finding 7 of issue 14): the count of objects, the
 * size of one object and the exponent of numbers are checked while the body streams in, and the
 * heap budget is shared by whole reservations.
 */
class EnvelopeLimitsTest {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** An envelope of {@code count} tiny objects, generated as it is read, counting what was read. */
  static final class TinyObjects extends InputStream {
    private final long count;
    private long next;
    private byte[] pending = "{\"objects\":[".getBytes(StandardCharsets.US_ASCII);
    private int at;
    long read;

    TinyObjects(long count) {
      this.count = count;
    }

    @Override
    public int read() {
      if (at == pending.length) {
        if (next > count) {
          return -1;
        }
        pending =
            (next == count
                    ? "]}"
                    : (next > 0 ? "," : "")
                        + "{\"type\":\"x-tiny\",\"id\":\"x-tiny--"
                        + next
                        + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        at = 0;
        next++;
      }
      read++;
      return pending[at++];
    }
  }

  private static ArrayNode read(String body, int maxObjects, long maxObjectBytes) {
    return new EnvelopeReader(JSON, maxObjects, maxObjectBytes)
        .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void finding7_anEnvelopeOfAMillionObjectsIsRefusedOnceTheLimitIsPassedWithoutReadingTheRest() {
    TinyObjects body = new TinyObjects(1_000_000);
    assertThatThrownBy(() -> new EnvelopeReader(JSON, 10_000, 1 << 20).read(body))
        .isInstanceOfSatisfying(
            TaxiiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage())
                  .contains("more than 10000 objects", "max-objects-per-envelope");
            });
    // 10,001 objects of about 40 bytes, and the parser's read-ahead: not the 40 MB of the whole
    // body
    assertThat(body.read).isLessThan(1_000_000);
  }

  @Test
  void anEnvelopeAtTheLimitIsReadWhole() {
    assertThat(new EnvelopeReader(JSON, 5_000, 1 << 20).read(new TinyObjects(5_000)))
        .hasSize(5_000);
  }

  @Test
  void anObjectLargerThanTheLimitIsRefusedWithItsIndex() {
    String big = "{\"type\":\"note\",\"content\":\"" + "x".repeat(2000) + "\"}";
    assertThatThrownBy(() -> read("{\"objects\":[{\"type\":\"a\"}," + big + "]}", 10, 1000))
        .isInstanceOfSatisfying(
            TaxiiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage()).contains("objects[1]", "max-object-bytes");
            });
  }

  @Test
  void finding7_aNumberWithAnAbsurdExponentIsRefusedNamingWhereItIs() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                read(
                    "{\"objects\":[{\"type\":\"a\"},{\"type\":\"b\",\"x_n\":[1,1e99999999]}]}",
                    10,
                    1000))
        .isInstanceOfSatisfying(
            TaxiiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("objects[1].x_n[1]", "1E+99999999");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThatThrownBy(() -> read("{\"objects\":[{\"x_n\":1e-1001}]}", 10, 1000))
        .isInstanceOf(TaxiiException.class);
  }

  @Test
  void numbersStayAsWrittenAndOtherMembersAreSkipped() {
    ArrayNode a =
        read(
            "{\"more\":false,\"next\":{\"a\":[1]},\"objects\":[{\"x_n\":1.50,\"x_e\":1e300},7]}",
            10,
            1000);
    assertThat(JSON.writeValueAsString(a)).isEqualTo("[{\"x_n\":1.50,\"x_e\":1E+300},7]");
    assertThat(read("{}", 10, 1000)).isEmpty();
    assertThat(read("{\"objects\":null}", 10, 1000)).isEmpty();
  }

  @Test
  void aBodyThatIsNotAnEnvelopeIsA400() {
    for (String body :
        new String[] {"[]", "{\"objects\":{}}", "{\"objects\":[],\"objects\":[]}", "3"}) {
      assertThatThrownBy(() -> read(body, 10, 1000))
          .as(body)
          .isInstanceOfSatisfying(TaxiiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  @Test
  void theBudgetIsTakenInWholeReservationsAndGivenBack() {
    EnvelopeBudget budget = new EnvelopeBudget(100 << 20);
    Optional<EnvelopeBudget.Reservation> first = budget.reserve(60 << 20, Duration.ZERO);
    assertThat(first).isPresent();
    // the second does not fit: it gets nothing rather than a part
    assertThat(budget.reserve(60 << 20, Duration.ofMillis(50))).isEmpty();
    assertThat(budget.availableBytes()).isEqualTo(40 << 20);
    first.get().shrinkTo(10 << 20);
    try (EnvelopeBudget.Reservation second =
        budget.reserve(60 << 20, Duration.ZERO).orElseThrow()) {
      assertThat(budget.availableBytes()).isEqualTo(30 << 20);
    }
    first.get().close();
    first.get().close();
    assertThat(budget.availableBytes()).isEqualTo(100 << 20);
    assertThatThrownBy(() -> budget.reserve(101 << 20, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TaxiiProperties properties(long budget) {
    return new TaxiiProperties(
        null, null, null, null, null, null, 0, 0, 0, null, null, 100, 0, budget);
  }

  /**
   * A POST with the body, its length declared (as MockHttpServletRequest does) or not (as when
   * chunked).
   */
  private static MockHttpServletRequest post(String body, boolean declareLength) {
    MockHttpServletRequest r =
        declareLength
            ? new MockHttpServletRequest("POST", "/")
            : new MockHttpServletRequest("POST", "/") {
              @Override
              public long getContentLengthLong() {
                return -1;
              }
            };
    r.setContent(body.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  @Test
  void aPostThatFindsTheBudgetTakenWaitsAndIsThenAnswered503WithNothingHeld() throws Exception {
    EnvelopeBudget budget = new EnvelopeBudget(64 << 20);
    EnvelopeIntake intake =
        new EnvelopeIntake(
            properties(64 << 20), JSON, budget, Duration.ofMillis(200), Duration.ofSeconds(30));
    MockHttpServletRequest request = post("{\"objects\":[{\"type\":\"a\"}]}", true);
    try (EnvelopeBudget.Reservation others =
        budget.reserve(budget.capacityBytes(), Duration.ZERO).orElseThrow()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> intake.receive(request))
          .isInstanceOf(EnvelopeIntake.Busy.class)
          .hasMessageContaining("send it again in 5 seconds");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
    }
    try (EnvelopeIntake.Received r =
        intake.receive(post("{\"objects\":[{\"type\":\"a\"}]}", true))) {
      assertThat(r.objects()).hasSize(1);
      // shrunk to what one small object takes, not the estimate for 100 objects
      assertThat(budget.availableBytes()).isGreaterThan(budget.capacityBytes() - 8 * 1024);
    }
    assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
  }

  @Test
  void aBodyRefusedPartWayGivesItsShareBackAndIsReadToItsEnd() throws Exception {
    EnvelopeBudget budget = new EnvelopeBudget(64 << 20);
    EnvelopeIntake intake =
        new EnvelopeIntake(
            properties(64 << 20), JSON, budget, Duration.ofMillis(200), Duration.ofSeconds(30));
    StringBuilder body = new StringBuilder("{\"objects\":[");
    for (int i = 0; i < 5_000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"type\":\"a\",\"n\":").append(i).append('}');
    }
    for (boolean declared : new boolean[] {true, false}) {
      MockHttpServletRequest request = post(body.append("]}").toString(), declared);
      assertThatThrownBy(() -> intake.receive(request))
          .isInstanceOfSatisfying(
              TaxiiException.class,
              e -> assertThat(e.getMessage()).contains("more than 100 objects"));
      assertThat(request.getInputStream().read()).isEqualTo(-1);
      assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
      body.setLength(body.length() - 2);
    }
  }

  @Test
  void aBodySentTooSlowlyIsRefused408AndGivesItsShareBack() throws Exception {
    EnvelopeBudget budget = new EnvelopeBudget(64 << 20);
    EnvelopeIntake intake =
        new EnvelopeIntake(
            properties(64 << 20), JSON, budget, Duration.ZERO, Duration.ofMillis(300));
    byte[] body =
        "{\"objects\":[{\"type\":\"a\"},{\"type\":\"b\"}]}".getBytes(StandardCharsets.UTF_8);
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/") {
          @Override
          public ServletInputStream getInputStream() {
            return new ServletInputStream() {
              private int at;

              @Override
              public int read() throws IOException {
                if (at == body.length) {
                  return -1;
                }
                try {
                  Thread.sleep(50); // a byte every 50 ms
                } catch (InterruptedException e) {
                  throw new InterruptedIOException();
                }
                return body[at++];
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                // as a socket does: what has arrived, here one byte
                int c = read();
                if (c < 0) {
                  return -1;
                }
                b[off] = (byte) c;
                return 1;
              }

              @Override
              public boolean isFinished() {
                return at == body.length;
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setReadListener(ReadListener listener) {}
            };
          }
        };
    request.setContent(body);
    long start = System.nanoTime();
    assertThatThrownBy(() -> intake.receive(request))
        .isInstanceOfSatisfying(
            TaxiiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(408);
              assertThat(e.getMessage()).contains("slower");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
  }

  @Test
  void theAdvertisedMaxContentLengthIsOneTheBudgetCanTakeWhole() {
    long capacity = 256L << 20;
    long largest = EnvelopeIntake.largestFitting(capacity, 10_000);
    assertThat(EnvelopeIntake.estimate(largest, 10_000)).isLessThanOrEqualTo(capacity);
    assertThat(EnvelopeIntake.estimate(largest + 1, 10_000)).isGreaterThan(capacity);
    // a 98 MB body would need far more than a quarter of a 1 GB heap: the node no longer offers it
    assertThat(largest).isLessThan(98L << 20);
  }
}
