package dev.bulwark.incidents.response;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a response log. Immutable; lists copied.
 *
 * @param subjectRefs the incidents or campaigns it answers (at least one)
 * @param option what was (to be) done
 * @param decidedBy who decided it (a person or body, e.g. {@code FIN Ministry for Foreign Affairs})
 * @param decidedAt when
 * @param coordinatedWith allies it was coordinated with (ISO 3166 alpha-3)
 * @param status where it stands
 * @param outcomeText what came of it, in words (may be empty)
 * @param markings its markings
 */
public record Response(
    List<String> subjectRefs,
    ResponseOption option,
    String decidedBy,
    Instant decidedAt,
    List<String> coordinatedWith,
    ResponseStatus status,
    String outcomeText,
    List<String> markings) {

  /** Requires every part. */
  public Response {
    subjectRefs = List.copyOf(subjectRefs);
    coordinatedWith = List.copyOf(coordinatedWith);
    markings = List.copyOf(markings);
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcomeText, "outcomeText");
    if (subjectRefs.isEmpty()) {
      throw new IllegalArgumentException("a response answers at least one incident or campaign");
    }
  }
}
