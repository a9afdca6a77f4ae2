package dev.bulwark.stix.pattern;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One observed-data with its cyber-observable objects, as a pattern sees it: the time it covers
 * ({@code first_observed}..{@code last_observed}, epoch microseconds), how many times it was seen
 * ({@code number_observed}) and its objects by id (the SCOs its {@code object_refs} name, or the
 * keys of the deprecated embedded {@code objects}); references ({@code _ref}, {@code _refs})
 * resolve only among these objects. Immutable once built (the JSON trees must not be changed by the
 * caller afterwards); safe to share between threads.
 */
public final class Observation {

  private final String id;
  private final long firstMicros;
  private final long lastMicros;
  private final int numberObserved;
  private final Map<String, JsonNode> objects;
  private final JsonNode[] objectArray;
  private final String[] typeArray;

  /** Each type's hash (0 for none): patterns compare these before touching the strings. */
  private final int[] typeHashArray;

  /**
   * An observation.
   *
   * @param id the observed-data id (any label; used in results and messages)
   * @param firstMicros first_observed, epoch microseconds
   * @param lastMicros last_observed, epoch microseconds (not before first)
   * @param numberObserved number_observed, at least 1
   * @param objects the cyber-observable objects by id, each a JSON object with a {@code type}
   * @throws PatternEvaluationException when the numbers or times are out of range
   */
  public Observation(
      String id,
      long firstMicros,
      long lastMicros,
      int numberObserved,
      Map<String, JsonNode> objects) {
    if (numberObserved < 1) {
      throw new PatternEvaluationException(
          "observed-data " + id + ": number_observed must be at least 1, not " + numberObserved);
    }
    if (lastMicros < firstMicros) {
      throw new PatternEvaluationException(
          "observed-data " + id + ": last_observed is before first_observed");
    }
    this.id = id;
    this.firstMicros = firstMicros;
    this.lastMicros = lastMicros;
    this.numberObserved = numberObserved;
    this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    this.objectArray = this.objects.values().toArray(new JsonNode[0]);
    this.typeArray = new String[objectArray.length];
    this.typeHashArray = new int[objectArray.length];
    for (int i = 0; i < objectArray.length; i++) {
      JsonNode t = objectArray[i].get("type");
      typeArray[i] = t != null && t.isString() ? t.stringValue() : null;
      typeHashArray[i] = typeArray[i] == null ? 0 : typeArray[i].hashCode();
    }
  }

  /** The objects in order, for the evaluator's loops (not to be modified). */
  JsonNode[] objectArray() {
    return objectArray;
  }

  /** Each object's type (null when it has none), parallel to {@link #objectArray()}. */
  String[] typeArray() {
    return typeArray;
  }

  /** {@code typeArray()[i].hashCode()} (0 for none), parallel to {@link #objectArray()}. */
  int[] typeHashArray() {
    return typeHashArray;
  }

  /**
   * A single sighting of a single object at one instant: what a sensor event becomes.
   *
   * @param id a label for the observation
   * @param micros when, epoch microseconds
   * @param objects the objects by id
   * @return the observation, number_observed 1
   */
  public static Observation at(String id, long micros, Map<String, JsonNode> objects) {
    return new Observation(id, micros, micros, 1, objects);
  }

  /**
   * The observed-data id.
   *
   * @return the id or label
   */
  public String id() {
    return id;
  }

  /**
   * Start of the observed time.
   *
   * @return first_observed, epoch microseconds
   */
  public long firstMicros() {
    return firstMicros;
  }

  /**
   * End of the observed time.
   *
   * @return last_observed, epoch microseconds
   */
  public long lastMicros() {
    return lastMicros;
  }

  /**
   * How many times.
   *
   * @return number_observed
   */
  public int numberObserved() {
    return numberObserved;
  }

  /**
   * The objects.
   *
   * @return the objects by id, unmodifiable, in their order
   */
  public Map<String, JsonNode> objects() {
    return objects;
  }
}
