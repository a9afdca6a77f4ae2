package dev.bulwark.stix;

/**
 * Receives what {@link StixCodec#read} finds, in input order. Called on the reading thread only, so
 * an implementation need not be thread-safe unless it shares state with other threads itself.
 */
public interface StixReadListener {

  /**
   * One well-formed JSON object (not yet validated).
   *
   * @param object the object
   * @param location where it was found, e.g. {@code "objects[17] (line 230)"}
   */
  void object(StixObject object, String location);

  /**
   * An item that is not a JSON object or could not be parsed. After a fatal syntax error this is
   * the last call.
   *
   * @param location where, e.g. {@code "objects[3] (line 40)"} or {@code "line 7"}
   * @param message what is wrong, with line/column or byte offset for syntax errors
   */
  void malformed(String location, String message);
}
