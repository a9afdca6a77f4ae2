package dev.bulwark.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A 200 MB bundle is read as a stream: the input is generated on the fly (never held in memory) and
 * the listener keeps only counts. The module's tests run with a 192 MB heap (see the pom), so this
 * passes only if the reader does not buffer the bundle.
 */
class LargeInputTest {

  private static final long SIZE = 200L * 1024 * 1024;

  @Test
  void streamsA200MegabyteBundle() throws IOException {
    GeneratedBundle in = new GeneratedBundle(SIZE);
    long[] counts = new long[2];
    new StixCodec()
        .read(
            in,
            new StixReadListener() {
              @Override
              public void object(StixObject object, String location) {
                counts[0]++;
              }

              @Override
              public void malformed(String location, String message) {
                counts[1]++;
              }
            });
    assertThat(counts[1]).isZero();
    assertThat(counts[0]).isEqualTo(in.objects);
    assertThat(in.produced).isGreaterThanOrEqualTo(SIZE);
  }

  /**
   * {"type":"bundle","objects":[ {...}, {...}, ... ]} of at least the given size, produced lazily.
   */
  static final class GeneratedBundle extends InputStream {
    private final long target;
    private byte[] chunk =
        "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"objects\":[\n"
            .getBytes(StandardCharsets.US_ASCII);
    private int pos;
    long produced;
    long objects;
    private boolean done;
    private final String padding = "x".repeat(16_000);

    GeneratedBundle(long target) {
      this.target = target;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == chunk.length && !next()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      produced += n;
      return n;
    }

    private boolean next() {
      if (done) {
        return false;
      }
      if (produced >= target) {
        chunk = "\n]}\n".getBytes(StandardCharsets.US_ASCII);
        done = true;
      } else {
        String sep = objects == 0 ? "" : ",\n";
        chunk =
            (sep
                    + "{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"note--0c7b5b88-8ff7-4a4d-aa9d-"
                    + String.format("%012x", objects)
                    + "\",\"created\":\"2016-05-12T08:17:27.000Z\","
                    + "\"modified\":\"2016-05-12T08:17:27.000Z\",\"content\":\""
                    + padding
                    + "\","
                    + "\"object_refs\":[\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"]}")
                .getBytes(StandardCharsets.US_ASCII);
        objects++;
      }
      pos = 0;
      return true;
    }
  }
}
