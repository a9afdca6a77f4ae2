package dev.bulwark.misp.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a feed's files come from: a folder here, an HTTP client in the node. Implementations say
 * their own thread-safety; {@link #directory} is thread-safe.
 */
public interface FeedSource {

  /**
   * Opens one file of the feed.
   *
   * @param relativePath {@code manifest.json}, {@code hashes.csv} or {@code <uuid>.json}
   * @return the content (the caller closes it)
   * @throws IOException when it cannot be read
   */
  InputStream open(String relativePath) throws IOException;

  /**
   * A feed in a folder.
   *
   * @param dir the folder
   * @return the source
   */
  static FeedSource directory(Path dir) {
    return relativePath -> {
      if (relativePath.contains("/")
          || relativePath.contains("\\")
          || relativePath.contains("..")) {
        throw new IOException("not a feed file name: " + relativePath);
      }
      return Files.newInputStream(dir.resolve(relativePath));
    };
  }
}
