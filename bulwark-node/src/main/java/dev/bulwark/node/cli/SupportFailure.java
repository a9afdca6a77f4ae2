package dev.bulwark.node.cli;

/**
 * Ends a support command with a message and an exit code (1 invalid input, 2 unreadable or usage).
 */
final class SupportFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int exitCode;

  SupportFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }
}
