package dev.bulwark.cyber.match;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.stix.pattern.IndexMatch;
import dev.bulwark.stix.pattern.LiveIndex;
import dev.bulwark.stix.pattern.StreamMatcher;
import java.util.function.Consumer;

/**
 * The {@link IndicatorMatcher} over {@code bulwark-stix}'s patterning engine: a {@link
 * StreamMatcher} on a {@link LiveIndex} (reloadable while matching goes on), so single- and
 * multi-observation patterns (AND, FOLLOWEDBY, REPEATS, WITHIN across events) both match; state is
 * bounded per pattern. Not thread-safe: one per sensor stream, all sharing one {@link LiveIndex}.
 */
public final class PatternIndicatorMatcher implements IndicatorMatcher {
  /** How many observations a multi-observation pattern keeps waiting per stream. */
  public static final int PENDING_PER_PATTERN = 64;

  private final StreamMatcher stream;
  private long sequence;

  /** A matcher for one stream over the shared index. */
  public PatternIndicatorMatcher(LiveIndex index) {
    this.stream = new StreamMatcher(index, PENDING_PER_PATTERN);
  }

  @Override
  public void match(Observation o, Consumer<String> hit) {
    String label = o.observedDataId().orElseGet(() -> o.source() + "#" + sequence);
    sequence++;
    for (IndexMatch m :
        stream.accept(
            PatternObservations.of(
                label, o.firstMicros(), o.lastMicros(), o.count(), o.objects()))) {
      hit.accept(m.indicatorId());
    }
  }
}
