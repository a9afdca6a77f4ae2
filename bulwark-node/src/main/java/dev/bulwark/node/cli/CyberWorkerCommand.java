package dev.bulwark.node.cli;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.store.NodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code bulwark cyber worker --kafka HOST:PORT --topic TOPIC}: the node's matcher as a Kafka
 * consumer (its HTTP on a free port unless --server.port says). Starts the node's storage and
 * security with BULWARK_HOME's configuration (share the node's PostgreSQL to run several workers
 * beside the node) and runs the cyber worker until stopped. Not thread-safe.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Match sensor events from a Kafka topic against the indicators each sensor's nation may read,"
          + " and write sightings to the node's store (as POST /api/cyber/events does).",
      "Records: key = the sensor principal's name, value = one event line (EVE, Zeek or STIX);"
          + " a 'format' header overrides --format. Offsets are committed after the sightings"
          + " are stored; a redelivered event is never counted twice.",
      "Run several with the same --group to share the topic's partitions."
    },
    footer = "Spring properties pass through, e.g. --spring.datasource.url=jdbc:postgresql://...")
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
      description = "Events per batch, which bounds memory (default: ${DEFAULT-VALUE}).")
  int maxPollRecords;

  @Unmatched List<String> springArgs = new ArrayList<>();

  /** The node's arguments for a worker process. */
  static List<String> nodeArgs(
      String kafka, String topic, String group, String format, int maxPollRecords) {
    return List.of(
        "--server.port=0",
        "--bulwark.cyber.worker.kafka=" + kafka,
        "--bulwark.cyber.worker.topic=" + topic,
        "--bulwark.cyber.worker.group=" + group,
        "--bulwark.cyber.worker.format=" + format,
        "--bulwark.cyber.worker.max-poll-records=" + maxPollRecords,
        "--bulwark.maritime.enabled=false");
  }

  @Override
  public Integer call() throws InterruptedException {
    List<String> args = new ArrayList<>();
    if (springArgs.stream().noneMatch(a -> a.startsWith("--bulwark.home="))) {
      args.add("--bulwark.home=" + NodeSettings.load().home().toAbsolutePath().normalize());
    }
    args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
    args.addAll(nodeArgs(kafka, topic, group, format, maxPollRecords));
    args.addAll(springArgs);
    NodeRunner.runUntilClosed(BulwarkNodeApplication.start(args.toArray(String[]::new)));
    return 0;
  }
}
