package dev.bulwark.support.input;

import java.util.List;

/**
 * Input that the support checks refuse, naming every offending place (a CSV line, an entry of a
 * JSON array, a field) and why; nothing of it may be stored. The {@link Kind} tells a caller how to
 * answer: the node maps {@link Kind#INVALID} to 400 and {@link Kind#NOT_YOURS} to 403. Immutable.
 */
public final class InputRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the input is refused. */
  public enum Kind {
    /** Malformed, out of range or inconsistent input. */
    INVALID,
    /** Entries of another nation than the one the principal may enter for. */
    NOT_YOURS
  }

  /** One offending place: "line 7", "contributions[2].amount", "amount". */
  public record Problem(String where, String reason) {}

  private final Kind kind;
  private final transient List<Problem> problems;

  public InputRejected(Kind kind, String message, List<Problem> problems) {
    super(message);
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** Invalid input naming one field or parameter. */
  public static InputRejected badField(String name, String reason) {
    return new InputRejected(
        Kind.INVALID, name + ": " + reason, List.of(new Problem(name, reason)));
  }

  public Kind kind() {
    return kind;
  }

  public List<Problem> problems() {
    return problems;
  }
}
