package dev.bulwark.node.cyber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where each followed sensor log was read up to, kept in the node's home ({@code
 * <home>/cyber-feeds/}, one small file per log path) so that a node restart goes on from there
 * instead of from the log's end (which lost what was written while the node was down) or its start
 * (which counted it twice). A position is saved after the chunk before it has been matched and its
 * sightings stored, written to a new file, forced to disk and moved over the old one, so a crash
 * leaves the old position or the new one, never a torn one; the chunk in flight at a crash is read
 * again (at-least-once for that one chunk). Thread-safe (one file per path; each path has one
 * follower thread).
 */
final class FeedPositions {
  /** Where a log was read up to: the file (its key: device and inode) and the byte offset. */
  record Position(String fileKey, long offset) {}

  private final Path dir;

  FeedPositions(Path dir) {
    this.dir = dir;
  }

  /** The positions of a node whose home is {@code home}. */
  static FeedPositions in(Path home) {
    return new FeedPositions(home.resolve("cyber-feeds"));
  }

  /** The saved position of the log at {@code logPath}, if any (an unreadable one is none). */
  Optional<Position> load(String logPath) throws IOException {
    String text;
    try {
      text = Files.readString(fileOf(logPath), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int tab = text.lastIndexOf('\t');
    if (tab < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Position(text.substring(0, tab), Long.parseLong(text.substring(tab + 1).trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Saves the position of the log at {@code logPath}, durably. */
  void save(String logPath, Position p) throws IOException {
    Files.createDirectories(dir);
    Path target = fileOf(logPath);
    Path next = target.resolveSibling(target.getFileName() + ".next");
    byte[] bytes = (p.fileKey() + "\t" + p.offset() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel c =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      c.write(ByteBuffer.wrap(bytes));
      c.force(true);
    }
    Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Path fileOf(String logPath) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(logPath.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".position");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
