package dev.bulwark.incidents;

import java.util.List;

/**
 * An input that is not a valid incident (or attribution, response, ...), with every problem found
 * (not only the first), each with its path and reason. Immutable.
 */
public final class IncidentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * @param problems what is wrong; at least one
   */
  public IncidentException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid" : problems.get(0) + more(problems));
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public IncidentException(String path, String reason) {
    this(List.of(new Problem(path, reason)));
  }

  /** Every problem found, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String more(List<Problem> problems) {
    return problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
  }
}
