package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bulwark cyber worker}: its help, its required options, and the node settings it starts
 * with (the worker itself runs against a real broker in {@code CyberWorkerKafkaTest}).
 */
class CyberWorkerCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void helpWorks() {
    assertThat(BulwarkMain.execute("cyber", "worker", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--kafka")
        .contains("--topic")
        .contains("--group")
        .contains("--format");
  }

  @Test
  void kafkaAndTopicAreRequired() {
    assertThat(BulwarkMain.execute("cyber", "worker", "--topic", "t")).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kafka");
  }

  @Test
  void theNodeStartsWithTheWorkerConfigured() {
    assertThat(CyberWorkerCommand.nodeArgs("k:9092", "events", "g", "zeek", 100))
        .contains(
            "--bulwark.cyber.worker.kafka=k:9092",
            "--bulwark.cyber.worker.topic=events",
            "--bulwark.cyber.worker.group=g",
            "--bulwark.cyber.worker.format=zeek",
            "--bulwark.cyber.worker.max-poll-records=100");
  }
}
