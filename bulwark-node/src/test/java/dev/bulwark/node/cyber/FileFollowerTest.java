package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileFollower} on real files: growth, a line written in two parts, rotation by rename with
 * lines still unread in the old file, truncation in place, a file that appears late, and (jqwik)
 * lines written in arbitrary pieces come out whole, once each, in order.
 */
class FileFollowerTest {
  @TempDir Path dir;

  static void append(Path p, String text) throws IOException {
    Files.writeString(
        p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static List<String> lines(String chunk) {
    return chunk.isEmpty() ? List.of() : List.of(chunk.split("\n"));
  }

  @Test
  void followsGrowthAndWaitsForTheEndOfALine() throws IOException {
    Path log = dir.resolve("eve.json");
    append(log, "old\n");
    try (FileFollower f = new FileFollower(log, false, 1 << 16)) {
      assertThat(f.poll()).isEmpty(); // as tail -F: what was there before is not read
      append(log, "a\nb\nhalf");
      assertThat(lines(f.poll())).containsExactly("a", "b");
      assertThat(f.poll()).isEmpty();
      append(log, "-line\n");
      assertThat(lines(f.poll())).containsExactly("half-line");
    }
  }

  @Test
  void readsTheRestOfARotatedFileThenTheNewOne() throws IOException {
    Path log = dir.resolve("conn.log");
    append(log, "1\n");
    try (FileFollower f = new FileFollower(log, true, 1 << 16)) {
      assertThat(lines(f.poll())).containsExactly("1");
      append(log, "2\n3\n");
      // Zeek/Suricata rotation: rename, then a new file at the same path
      Files.move(log, dir.resolve("conn.log.1"));
      append(log, "4\n");
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        seen.addAll(lines(f.poll()));
      }
      assertThat(seen).containsExactly("2", "3", "4");
      append(log, "5\n");
      assertThat(lines(f.poll())).containsExactly("5");
    }
  }

  @Test
  void readsATruncatedFileFromItsStartAndWaitsForAMissingOne() throws IOException {
    Path log = dir.resolve("late.json");
    try (FileFollower f = new FileFollower(log, false, 1 << 16)) {
      assertThat(f.poll()).isEmpty();
      append(log, "first\n");
      assertThat(lines(f.poll())).containsExactly("first");
      append(log, "second line that is long\n");
      assertThat(lines(f.poll())).containsExactly("second line that is long");
      Files.writeString(log, "new\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      assertThat(lines(f.poll())).containsExactly("new");
    }
  }

  @Test
  void aLineLongerThanAChunkIsPassedOnForTheReaderToReject() throws IOException {
    Path log = dir.resolve("long.json");
    try (FileFollower f = new FileFollower(log, true, 16)) {
      append(log, "x".repeat(40) + "\nok\n");
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        seen.addAll(lines(f.poll()));
      }
      assertThat(seen).contains("ok");
      assertThat(String.join("", seen)).contains("x".repeat(16));
    }
  }

  @Property(tries = 60)
  void linesWrittenInPiecesComeOutWholeOnceAndInOrder(
      @ForAll @Size(min = 1, max = 30) List<@StringLength(min = 1, max = 40) String> raw,
      @ForAll @IntRange(min = 1, max = 17) int piece)
      throws IOException {
    List<String> want = raw.stream().map(s -> s.replaceAll("[\\r\\n]", "_")).toList();
    Path log = Files.createTempFile("bulwark-follow-", ".json");
    try (FileFollower f = new FileFollower(log, true, 1 << 12)) {
      String all = String.join("\n", want) + "\n";
      List<String> got = new ArrayList<>();
      for (int i = 0; i < all.length(); i += piece) {
        append(log, all.substring(i, Math.min(all.length(), i + piece)));
        got.addAll(lines(f.poll()));
      }
      for (int i = 0; i < 3; i++) {
        got.addAll(lines(f.poll()));
      }
      assertThat(got).containsExactlyElementsOf(want);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
