package dev.bulwark.incidents.stix;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.lifecycle.Lifecycle;
import dev.bulwark.incidents.lifecycle.Status;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixVersions;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lifecycle step taken on the STIX form: read the latest version, move it, write the next
 * version. The caller stores the result beside the previous versions (nothing is deleted).
 * Stateless and thread-safe.
 */
public final class IncidentVersions {

  private IncidentVersions() {}

  /**
   * The next version of {@code current} with its status moved to {@code to}.
   *
   * @param current the latest version held
   * @param to the new status
   * @param by who moves it
   * @param at when
   * @return the new version
   * @throws IllegalStateException when the move is not allowed
   * @throws dev.bulwark.incidents.IncidentException when {@code current} is no register incident
   */
  public static StixObject transition(StixObject current, Status to, String by, Instant at) {
    Incident moved = Lifecycle.transition(IncidentStix.fromStix(current), to, by, at);
    return IncidentStix.nextVersion(current, moved, at);
  }

  /**
   * The next version of {@code current} listing a measured response: {@code {"task_ref": taskId}}
   * appended to the incident-core {@code tasks} (unchanged when already listed).
   *
   * @param current the latest version held
   * @param taskId the response's task id
   * @param at when
   * @return the new version, or {@code current} when the task is already listed
   */
  public static StixObject withTask(StixObject current, String taskId, Instant at) {
    if (!taskId.startsWith("task--")) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
    ObjectNode json = current.json();
    ObjectNode core =
        json.withObjectProperty("extensions").withObjectProperty(BulwarkExtensions.INCIDENT_CORE);
    JsonNode held = core.get("tasks");
    ArrayNode tasks = held instanceof ArrayNode a ? a : core.putArray("tasks");
    for (JsonNode t : tasks) {
      if (taskId.equals(t.path("task_ref").asString(""))) {
        return current;
      }
    }
    tasks.addObject().put("task_ref", taskId);
    return StixVersions.newVersion(current, StixObject.of(json), at.toEpochMilli());
  }
}
