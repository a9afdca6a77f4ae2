package dev.bulwark.node.support;

import dev.bulwark.support.input.InputRejected;
import java.util.List;

/**
 * A request the support API refuses, with the HTTP status and, for bad input, every offending place
 * (a CSV line, an entry of a JSON array, a parameter) and why. Nothing of the request was stored.
 * Immutable.
 */
public final class SupportError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One offending place: "line 7", "contributions[2].amount", "parameter year". */
  public record Detail(String where, String reason) {}

  private final int status;
  private final transient List<Detail> details;

  public SupportError(int status, String message, List<Detail> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public SupportError(int status, String message) {
    this(status, message, List.of());
  }

  /** 400 naming one parameter or field. */
  public static SupportError badParameter(String name, String reason) {
    return new SupportError(400, name + ": " + reason, List.of(new Detail(name, reason)));
  }

  /** The library's refusal of input: 403 for another nation's entries, else 400. */
  public static SupportError of(InputRejected e) {
    return new SupportError(
        e.kind() == InputRejected.Kind.NOT_YOURS ? 403 : 400,
        e.getMessage(),
        e.problems().stream().map(p -> new Detail(p.where(), p.reason())).toList());
  }

  public int status() {
    return status;
  }

  public List<Detail> details() {
    return details;
  }
}
