package dev.bulwark.node.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module's main code says what it is for in a {@code package-info.java}
 * (issue 15), read from the source tree: the tests run in the module's folder, the repository root
 * is its parent.
 */
class PackageInfoTest {

  static Path repositoryRoot() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("pom.xml")).as("the repository root above the module").exists();
    assertThat(root.resolve("bulwark-node")).isDirectory();
    return root;
  }

  @Test
  void everyMainPackageHasAPackageInfo() throws IOException {
    List<Path> sourceRoots;
    try (Stream<Path> modules = Files.list(repositoryRoot())) {
      sourceRoots =
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
    }
    assertThat(sourceRoots).hasSizeGreaterThanOrEqualTo(6);
    List<String> missing;
    try (Stream<Path> files =
        sourceRoots.stream()
            .flatMap(
                r -> {
                  try {
                    return Files.walk(r);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })) {
      missing =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(Path::getParent)
              .distinct()
              .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
              .map(dir -> repositoryRoot().relativize(dir).toString())
              .sorted()
              .toList();
    }
    assertThat(missing)
        .as("packages without a package-info.java saying what they are for")
        .isEmpty();
  }
}
