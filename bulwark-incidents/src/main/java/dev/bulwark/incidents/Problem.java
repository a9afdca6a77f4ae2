package dev.bulwark.incidents;

/**
 * One thing wrong with an input: where (a JSON pointer such as {@code /kind_fields/asset_name}, or
 * {@code line 7, column count}) and why. Immutable.
 *
 * @param path where the problem is
 * @param reason what is wrong, in words a user can act on
 */
public record Problem(String path, String reason) {

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
