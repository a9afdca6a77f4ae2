package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.cyber.CyberWorkerProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bulwark cyber worker}: its help, its required options, and the settings its options become
 * (the worker itself runs against a real broker in {@code CyberWorkerKafkaTest}).
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
  void theOptionsBecomeTheWorkersSettings() {
    CyberWorkerCommand c = new CyberWorkerCommand();
    new CommandLine(c)
        .parseArgs(
            "--kafka",
            "k:9092",
            "--topic",
            "events",
            "--group",
            "g",
            "--format",
            "zeek",
            "--max-poll-records",
            "100",
            "--instance",
            "w2");
    CyberWorkerProperties s = c.settings();
    assertThat(s.kafka()).isEqualTo("k:9092");
    assertThat(s.topic()).isEqualTo("events");
    assertThat(s.group()).isEqualTo("g");
    assertThat(s.format()).isEqualTo("zeek");
    assertThat(s.maxPollRecords()).isEqualTo(100);
    assertThat(s.transactionalId()).isEqualTo("g-events-w2");
  }
}
