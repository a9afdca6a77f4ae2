package dev.bulwark.incidents.lifecycle;

import dev.bulwark.incidents.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of the lifecycle: one step forward (reported → assessed → attributed →
 * responded → closed), assessed → responded (a response needs no attribution), any open state →
 * closed, and closed → assessed to reopen. The history only grows. Stateless and thread-safe.
 */
public final class Lifecycle {

  private static final Map<Status, Set<Status>> NEXT =
      Map.of(
          Status.REPORTED, EnumSet.of(Status.ASSESSED, Status.CLOSED),
          Status.ASSESSED, EnumSet.of(Status.ATTRIBUTED, Status.RESPONDED, Status.CLOSED),
          Status.ATTRIBUTED, EnumSet.of(Status.RESPONDED, Status.CLOSED),
          Status.RESPONDED, EnumSet.of(Status.CLOSED),
          Status.CLOSED, EnumSet.of(Status.ASSESSED));

  private Lifecycle() {}

  /** Whether an incident in {@code from} may move to {@code to}. */
  public static boolean allowed(Status from, Status to) {
    return NEXT.get(from).contains(to);
  }

  /** The states {@code from} may move to. */
  public static Set<Status> next(Status from) {
    return Set.copyOf(NEXT.get(from));
  }

  /**
   * The incident moved to {@code to}, the step appended to its history.
   *
   * @param i the incident as it stands
   * @param to the new state
   * @param by who moves it
   * @param at when; not before the last step
   * @return the moved incident
   * @throws IllegalStateException when the move is not allowed or goes back in time
   */
  public static Incident transition(Incident i, Status to, String by, Instant at) {
    if (!allowed(i.status(), to)) {
      throw new IllegalStateException(
          "cannot move from "
              + i.status().slug()
              + " to "
              + to.slug()
              + "; allowed: "
              + names(i.status()));
    }
    StatusStep last = i.history().get(i.history().size() - 1);
    if (at.isBefore(last.at())) {
      throw new IllegalStateException("a step cannot be dated before the previous one");
    }
    List<StatusStep> steps = new ArrayList<>(i.history());
    steps.add(new StatusStep(to, by, at));
    return i.withHistory(steps);
  }

  private static List<String> names(Status from) {
    return NEXT.get(from).stream().map(Status::slug).sorted().toList();
  }
}
