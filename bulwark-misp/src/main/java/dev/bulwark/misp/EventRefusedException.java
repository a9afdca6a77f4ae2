package dev.bulwark.misp;

/**
 * Thrown by an {@link EventSink} that refuses a whole event (for instance a node that does not
 * trust the MISP it pulls from for the nation the event's creator organisation belongs to). {@link
 * MispImport} counts the event, its attributes and objects as rejected and lists it among the
 * rejections with its MISP event uuid; nothing of it is stored, and the import goes on with the
 * next event. Immutable.
 */
public final class EventRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String eventUuid;
  private final String path;

  /**
   * @param eventUuid the refused MISP event
   * @param path where in the event the reason lies (a JSON path such as {@code Event.Orgc})
   * @param reason why it is refused
   */
  public EventRefusedException(String eventUuid, String path, String reason) {
    super(reason, null, false, false);
    this.eventUuid = eventUuid;
    this.path = path;
  }

  /** The refused MISP event's uuid. */
  public String eventUuid() {
    return eventUuid;
  }

  /** Where in the event the reason lies. */
  public String path() {
    return path;
  }

  /** The refusal as a rejection of the import: source is the event uuid. */
  public Rejection rejection() {
    return new Rejection(eventUuid, path, getMessage());
  }
}
