package dev.bulwark.bench.stix;

import dev.bulwark.bench.store.SyntheticBundle;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The library part of an import, without storage: stream a bundle of 100,000 synthetic objects
 * ({@link SyntheticBundle}, the same as the store benchmark's) through {@link StixCodec#read} and
 * validate each object; and validation alone over the parsed objects. Objects/s = 100,000 / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StixValidateBenchmark {

  private static final int COUNT = 100_000;

  private final StixCodec codec = new StixCodec();
  private final StixValidator validator = new StixValidator();
  private byte[] bundle;
  private List<StixObject> parsed;

  @Setup
  public void setUp() throws IOException {
    bundle = SyntheticBundle.of(COUNT, 42L);
    parsed = new ArrayList<>(COUNT);
    codec.read(new ByteArrayInputStream(bundle), listener(parsed::add));
    if (parsed.size() != COUNT) {
      throw new IllegalStateException("expected " + COUNT + " objects, read " + parsed.size());
    }
    for (StixObject o : parsed) {
      if (!validator.validate(o).valid()) {
        throw new IllegalStateException(
            "synthetic object invalid: " + validator.validate(o).errors());
      }
    }
  }

  /** Read the 100,000-object bundle as a stream and validate every object. */
  @Benchmark
  public long readAndValidate100k() throws IOException {
    long[] valid = {0};
    codec.read(
        new ByteArrayInputStream(bundle),
        listener(
            o -> {
              if (validator.validate(o).valid()) {
                valid[0]++;
              }
            }));
    return valid[0];
  }

  /** Validate 100,000 already parsed objects. */
  @Benchmark
  public void validate100k(Blackhole bh) {
    for (StixObject o : parsed) {
      bh.consume(validator.validate(o));
    }
  }

  private static StixReadListener listener(Consumer<StixObject> sink) {
    return new StixReadListener() {
      @Override
      public void object(StixObject object, String location) {
        sink.accept(object);
      }

      @Override
      public void malformed(String location, String message) {
        throw new IllegalStateException(location + ": " + message);
      }
    };
  }
}
