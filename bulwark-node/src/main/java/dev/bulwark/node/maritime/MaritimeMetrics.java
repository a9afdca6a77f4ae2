package dev.bulwark.node.maritime;

import dev.bulwark.node.maritime.ingest.AisSource;
import dev.bulwark.node.maritime.ingest.ObservationQueue;
import dev.bulwark.node.maritime.ingest.SourceStatus;
import dev.bulwark.node.maritime.watch.LiveEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The watch's Prometheus metrics (through Micrometer): per source ({@code source} tag) lines,
 * messages and errors as counters, connected and messages per second as gauges; the queue's depth
 * and drops, the engine's vessels and processed observations, alerts published. Registration only;
 * thread-safe.
 */
final class MaritimeMetrics {
  private final MeterRegistry registry;

  MaritimeMetrics(MeterRegistry registry, MaritimeWatch watch) {
    this.registry = registry;
    ObservationQueue q = watch.queue();
    Gauge.builder("bulwark.maritime.queue.size", q, ObservationQueue::size).register(registry);
    FunctionCounter.builder("bulwark.maritime.queue.dropped", q, ObservationQueue::dropped)
        .register(registry);
    FunctionCounter.builder("bulwark.maritime.queue.waits", q, ObservationQueue::waits)
        .register(registry);
    // through the watch: a watch that resumes after losing the node lease has a new engine
    FunctionCounter.builder(
            "bulwark.maritime.engine.observations", watch, w -> w.engine().processed())
        .register(registry);
    Gauge.builder(
            "bulwark.maritime.engine.vessels", watch, w -> w.engine().snapshot().stats().vessels())
        .register(registry);
    FunctionCounter.builder(
            "bulwark.maritime.alerts.published", watch, w -> w.publisher().published())
        .register(registry);
    FunctionCounter.builder(
            "bulwark.maritime.alerts.publish.failures", watch, w -> w.publisher().failed())
        .register(registry);
    Gauge.builder("bulwark.maritime.console.clients", watch.events(), LiveEvents::subscribers)
        .register(registry);
    watch.onSourceAdded(this::register);
  }

  void register(AisSource source) {
    SourceStatus s = source.status();
    String n = s.name();
    FunctionCounter.builder("bulwark.maritime.source.lines", s, SourceStatus::lines)
        .tag("source", n)
        .tag("type", s.type())
        .register(registry);
    FunctionCounter.builder("bulwark.maritime.source.messages", s, SourceStatus::messages)
        .tag("source", n)
        .tag("type", s.type())
        .register(registry);
    FunctionCounter.builder("bulwark.maritime.source.errors", s, SourceStatus::errors)
        .tag("source", n)
        .tag("type", s.type())
        .register(registry);
    Gauge.builder("bulwark.maritime.source.connected", s, x -> x.connected() ? 1 : 0)
        .tag("source", n)
        .tag("type", s.type())
        .register(registry);
    Gauge.builder("bulwark.maritime.source.messages.rate", s, SourceStatus::messagesPerSecond)
        .tag("source", n)
        .tag("type", s.type())
        .baseUnit("messages/s")
        .register(registry);
  }
}
