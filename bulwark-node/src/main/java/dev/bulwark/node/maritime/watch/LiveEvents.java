package dev.bulwark.node.maritime.watch;

import dev.bulwark.node.store.StoredObject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event stream of the console: alert changes and, every couple of seconds, the
 * vessels and source status. Events are queued (bounded; when full the oldest is dropped and
 * counted) and sent by one thread, so neither the engine nor the ledger ever waits for a slow
 * browser; a client whose send fails is dropped. Each subscriber has a predicate that decides, per
 * alert event, whether it may see that alert (the access policy on the header of the alert's
 * incident); status events (traffic counters, alert counts) go to admin subscribers only.
 * Thread-safe.
 */
public final class LiveEvents implements AutoCloseable {
  /** Who may receive an event. */
  enum Audience {
    /** Every subscriber: live vessels. */
    EVERYONE,
    /** Subscribers whose predicate admits the alert's incident. */
    READERS_OF_ALERT,
    /** Admin subscribers: the watch's status. */
    ADMINS
  }

  /**
   * One event: its SSE name, JSON data, who may receive it and, for an alert, its incident's
   * header.
   */
  record Event(String name, String json, Audience audience, StoredObject alertIncident) {}

  /** A connected client. */
  record Subscriber(SseEmitter emitter, Predicate<StoredObject> mayRead, boolean admin) {
    boolean receives(Event e) {
      return switch (e.audience()) {
        case EVERYONE -> true;
        case READERS_OF_ALERT -> mayRead.test(e.alertIncident());
        case ADMINS -> admin;
      };
    }
  }

  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ArrayBlockingQueue<Event> queue = new ArrayBlockingQueue<>(1024);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;
  private final Thread thread;

  public LiveEvents() {
    thread = new Thread(this::loop, "maritime-events");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Registers a client; the emitter never times out on its own.
   *
   * @param mayRead whether the client may read a stored object (decides each alert event)
   * @param admin whether the client receives the watch's status
   */
  public SseEmitter subscribe(Predicate<StoredObject> mayRead, boolean admin) {
    SseEmitter emitter = new SseEmitter(0L);
    Subscriber s = new Subscriber(emitter, mayRead, admin);
    subscribers.add(s);
    emitter.onCompletion(() -> subscribers.remove(s));
    emitter.onTimeout(() -> subscribers.remove(s));
    emitter.onError(e -> subscribers.remove(s));
    try {
      emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      subscribers.remove(s);
    }
    return emitter;
  }

  /**
   * Queues an alert event (seen only by subscribers allowed to read the incident's latest version).
   */
  public void alert(String json, StoredObject incident) {
    enqueue(new Event("alert", json, Audience.READERS_OF_ALERT, incident));
  }

  /** Queues an event for every subscriber. */
  public void broadcast(String name, String json) {
    enqueue(new Event(name, json, Audience.EVERYONE, null));
  }

  /** Queues an event for admin subscribers only. */
  public void toAdmins(String name, String json) {
    enqueue(new Event(name, json, Audience.ADMINS, null));
  }

  private void enqueue(Event e) {
    if (subscribers.isEmpty()) {
      return;
    }
    while (!queue.offer(e)) {
      if (queue.poll() != null) {
        dropped.incrementAndGet();
      }
    }
  }

  public int subscribers() {
    return subscribers.size();
  }

  public long sent() {
    return sent.get();
  }

  public long dropped() {
    return dropped.get();
  }

  private void loop() {
    while (running) {
      Event e;
      try {
        e = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ex) {
        return;
      }
      if (e == null) {
        continue;
      }
      for (Subscriber s : List.copyOf(subscribers)) {
        if (!s.receives(e)) {
          continue;
        }
        try {
          s.emitter()
              .send(SseEmitter.event().name(e.name()).data(e.json(), MediaType.APPLICATION_JSON));
          sent.incrementAndGet();
        } catch (IOException | RuntimeException ex) {
          subscribers.remove(s);
          try {
            s.emitter().completeWithError(ex);
          } catch (RuntimeException ignored) {
            // already gone
          }
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    // The emitters are not completed here: completing dispatches the request again after its
    // credentials are gone; the server closes the connections as it stops.
    subscribers.clear();
  }
}
