package dev.bulwark.node.cyber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Follows a growing log file as {@code tail -F} does: each {@link #poll} returns the complete lines
 * appended since the last one (a line still being written waits for its newline). When the file is
 * rotated (the path now names another file: Suricata's and Zeek's rotation rename it and open a new
 * one) the rest of the old file is read first, then the new one from its start; a file truncated in
 * place is read again from its start. A missing file is waited for. Memory: one chunk of at most
 * {@code maxChunk} bytes plus one partial line (a line longer than the chunk is passed on as it is
 * and rejected by the reader's line bound). Started from a saved {@link FeedPositions.Position} it
 * goes on where that left off: in the same file if the path still names it, else in the rotated
 * file of that key beside it (its rest first, then the new file from its start), else in the new
 * file from its start. Not thread-safe: one per follower thread.
 */
final class FileFollower implements AutoCloseable {
  private final Path path;
  private final int maxChunk;
  private FileChannel channel;
  private Object fileKey;
  private long position;
  private boolean fromStart;
  private byte[] partial = new byte[0];
  private Optional<FeedPositions.Position> resume;

  /**
   * @param path the log file
   * @param fromStart read what the file holds already (else start at its end, as {@code tail -F})
   * @param maxChunk bytes read per poll at most
   */
  FileFollower(Path path, boolean fromStart, int maxChunk) {
    this(path, fromStart, maxChunk, Optional.empty());
  }

  /**
   * @param resume where an earlier follower of this path left off (it wins over {@code fromStart})
   */
  FileFollower(
      Path path, boolean fromStart, int maxChunk, Optional<FeedPositions.Position> resume) {
    this.path = path;
    this.fromStart = fromStart;
    this.maxChunk = maxChunk;
    this.resume = resume;
  }

  /**
   * Where the lines returned so far end: the file's key and the offset after the last complete line
   * (a partial line is read again). Empty before the file was first opened.
   */
  Optional<FeedPositions.Position> position() {
    return channel == null
        ? resume
        : Optional.of(new FeedPositions.Position(keyText(fileKey), position - partial.length));
  }

  /** The complete lines appended since the last poll (possibly none), joined with newlines. */
  String poll() throws IOException {
    if (channel == null && !open()) {
      fromStart = true; // a file that appears later is all new
      return "";
    }
    String lines = read();
    if (!lines.isEmpty()) {
      return lines;
    }
    // nothing new here: has the path moved on to another file, or was this one truncated?
    Object key = keyOf(path);
    if (key != null && !Objects.equals(key, fileKey)) {
      String rest = partial.length > 0 ? new String(partial, StandardCharsets.UTF_8) + "\n" : "";
      partial = new byte[0];
      channel.close();
      channel = null;
      fromStart = true;
      return rest + (open() ? read() : "");
    }
    if (channel.size() < position) {
      position = 0;
      partial = new byte[0];
      return read();
    }
    return "";
  }

  private boolean open() throws IOException {
    if (resume.isPresent()) {
      FeedPositions.Position from = resume.get();
      resume = Optional.empty();
      if (openAt(from)) {
        return true;
      }
      fromStart = true; // the file read before is gone: all of the present one came after it
    }
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return false;
    }
    fileKey = keyOf(path);
    position = fromStart ? 0 : channel.size();
    fromStart = true; // a file that appears later, or the next one after rotation, is read whole
    return true;
  }

  /**
   * Opens the file a saved position names, at its offset: the path itself, or a rotated file beside
   * it with the same key (then {@link #poll} reads its rest and moves on to the path).
   */
  private boolean openAt(FeedPositions.Position from) throws IOException {
    List<Path> candidates = new ArrayList<>();
    candidates.add(path);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && Files.isDirectory(parent)) {
      try (Stream<Path> siblings = Files.list(parent)) {
        siblings.filter(Files::isRegularFile).forEach(candidates::add);
      }
    }
    for (Path p : candidates) {
      Object key = keyOf(p);
      if (key != null && keyText(key).equals(from.fileKey())) {
        FileChannel c = FileChannel.open(p, StandardOpenOption.READ);
        if (c.size() < from.offset()) {
          c.close(); // truncated meanwhile: not the same content any more
          return false;
        }
        channel = c;
        fileKey = key;
        position = from.offset();
        fromStart = true;
        return true;
      }
    }
    return false;
  }

  private static String keyText(Object key) {
    return String.valueOf(key);
  }

  private static Object keyOf(Path p) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.fileKey() != null ? a.fileKey() : a.creationTime();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private String read() throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(maxChunk);
    int n = channel.read(buf, position);
    if (n <= 0) {
      return "";
    }
    position += n;
    byte[] bytes = new byte[partial.length + n];
    System.arraycopy(partial, 0, bytes, 0, partial.length);
    System.arraycopy(buf.array(), 0, bytes, partial.length, n);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end == 0 && bytes.length >= maxChunk) {
      // no newline within a whole chunk: pass it on, the reader rejects it as too long
      partial = new byte[0];
      return new String(bytes, StandardCharsets.UTF_8) + "\n";
    }
    partial = Arrays.copyOfRange(bytes, end, bytes.length);
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * The comment lines at the top of the file being read ({@code #…}, at most {@code maxBytes}):
   * Zeek's TSV header, which a follower resumed in the middle of the file has not seen.
   */
  String leadingCommentLines(int maxBytes) throws IOException {
    if (channel == null) {
      return "";
    }
    ByteBuffer buf = ByteBuffer.allocate(maxBytes);
    int n = channel.read(buf, 0);
    StringBuilder header = new StringBuilder();
    int start = 0;
    for (int i = 0; i < Math.max(n, 0); i++) {
      if (buf.get(i) == '\n') {
        String line = new String(buf.array(), start, i - start, StandardCharsets.UTF_8);
        if (!line.startsWith("#")) {
          break;
        }
        header.append(line).append('\n');
        start = i + 1;
      }
    }
    return header.toString();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
