package dev.bulwark.node.cli;

import dev.bulwark.node.cyber.CyberWorker;
import dev.bulwark.node.cyber.CyberWorkerProperties;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark cyber worker --kafka HOST:PORT --topic TOPIC}: the matcher as a Kafka consumer
 * that needs only Kafka, never the node's database: it reads the sensors and each sensor nation's
 * indicators from the compacted topics the node publishes, and writes sighting deltas to {@code
 * TOPIC.sightings} in transactions that the node consumes ({@code bulwark.cyber.kafka.*} on the
 * node). Runs until stopped (SIGTERM finishes the batch in hand). Not thread-safe.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Match sensor events from a Kafka topic against the indicators each sensor's nation may read"
          + " (the compacted topics TOPIC.sensors and TOPIC.indicators.<ISO3> the node publishes),"
          + " and write sighting deltas to TOPIC.sightings, which the node stores.",
      "Records: key = the sensor principal's name, value = one event line (EVE, Zeek or STIX);"
          + " a 'format' header overrides --format. Exactly-once: each batch's deltas and its"
          + " offsets commit in one Kafka transaction.",
      "Run several with the same --group (and a distinct --instance each) to share the topic's"
          + " partitions."
    })
final class CyberWorkerCommand implements Callable<Integer> {
  @Option(
      names = "--kafka",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Bootstrap servers.")
  String kafka;

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "TOPIC",
      description = "The events topic.")
  String topic;

  @Option(
      names = "--group",
      defaultValue = "bulwark-cyber-worker",
      description = "The consumer group (default: ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--format",
      defaultValue = "eve",
      description =
          "eve, zeek or stix, when a record has no format header (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--max-poll-records",
      defaultValue = "500",
      description =
          "Events per batch (one transaction), which bounds memory (default: ${DEFAULT-VALUE}).")
  int maxPollRecords;

  @Option(
      names = "--instance",
      defaultValue = "0",
      description =
          "This worker's name within the group, unique per worker and the same after a restart"
              + " (its transactional id; default: ${DEFAULT-VALUE}).")
  String instance;

  @Option(
      names = "--window",
      defaultValue = "PT1H",
      description =
          "The sighting window, as the node's bulwark.cyber.window (default: ${DEFAULT-VALUE}).")
  Duration window;

  /** The worker's settings from the options. */
  CyberWorkerProperties settings() {
    return new CyberWorkerProperties(
        kafka, topic, group, format, maxPollRecords, null, null, null, instance);
  }

  @Override
  public Integer call() throws InterruptedException {
    CyberWorker worker = new CyberWorker(settings(), window, CyberWorker.Faults.NONE);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    worker.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    stopped.countDown();
                  }
                }));
    worker.start();
    while (worker.alive()) {
      Thread.sleep(500);
    }
    System.err.println("cyber worker: " + CyberWorker.describe(worker.stats()));
    return worker.stats().failure().isPresent() ? 1 : 0;
  }
}
