package dev.bulwark.node.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md describes the code as it is (issue 15): every class and package it names in backticks
 * or in a diagram exists, unless its line says it is planned; and every module and every node
 * package is named there. Reads the repository from the module's folder (the tests' working
 * directory), so it runs in {@code ./mvnw verify} with no setup.
 */
class DesignDocTest {
  /** Classes of other projects that DESIGN.md names. */
  static final Set<String> EXTERNAL = Set.of("SpringApplication", "PostgreSQL", "GeoJSON");

  static final Pattern BACKTICKED = Pattern.compile("`([^`\\s]+)`");
  static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*");

  /** A name with at least two humps (TcpSource, not Spring or AIS): a class in a diagram. */
  static final Pattern DIAGRAM_CLASS = Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\\b");

  static Path root;
  static List<String> lines;
  static List<Path> sources;

  @BeforeAll
  static void read() throws IOException {
    root = PackageInfoTest.repositoryRoot();
    lines = Files.readAllLines(root.resolve("DESIGN.md"));
    sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : modules.filter(Files::isDirectory).toList()) {
        for (String tree : List.of("src/main/java", "src/test/java")) {
          Path dir = m.resolve(tree);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
              files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
          }
        }
      }
    }
  }

  @Test
  void everyClassAndPackageNamedExists() {
    Set<String> missing = new TreeSet<>();
    boolean inDiagram = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inDiagram = !inDiagram;
        continue;
      }
      if (line.toLowerCase(Locale.ROOT).contains("planned")) {
        continue;
      }
      if (inDiagram) {
        Matcher m = DIAGRAM_CLASS.matcher(line);
        while (m.find()) {
          if (!EXTERNAL.contains(m.group()) && !classExists("", m.group())) {
            missing.add(m.group());
          }
        }
        continue;
      }
      Matcher m = BACKTICKED.matcher(line);
      while (m.find()) {
        String name = m.group(1);
        if (!isNamed(name)) {
          missing.add(name);
        }
      }
    }
    assertThat(missing).as("names in DESIGN.md that are no class or package of the code").isEmpty();
  }

  @Test
  void everyModuleAndNodePackageIsNamed() throws IOException {
    Set<String> named = new TreeSet<>();
    for (String line : lines) {
      Matcher m = BACKTICKED.matcher(line);
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    Set<String> unnamed = new TreeSet<>();
    try (Stream<Path> modules = Files.list(root)) {
      modules
          .filter(m -> Files.exists(m.resolve("pom.xml")))
          .map(m -> m.getFileName().toString())
          .filter(m -> !named.contains(m))
          .forEach(unnamed::add);
    }
    Path node = root.resolve("bulwark-node/src/main/java/dev/bulwark/node");
    try (Stream<Path> files = Files.walk(node)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> node.relativize(f.getParent()).toString().replace('/', '.'))
          .distinct()
          .filter(p -> !p.isEmpty())
          .filter(p -> !named.contains(p) && !named.contains("dev.bulwark.node." + p))
          .forEach(unnamed::add);
    }
    assertThat(unnamed).as("modules and node packages DESIGN.md does not name").isEmpty();
  }

  /** Whether a backticked name is fine: not code-like, or a class or package that exists. */
  private static boolean isNamed(String name) {
    String[] parts = name.split("[./]");
    if (parts.length == 0 || !name.matches("[\\w./]+")) {
      return true; // a command, a path with dashes, an expression: not a class or package name
    }
    if (CLASS_NAME.matcher(parts[0]).matches()) {
      // Class or Class.member
      return EXTERNAL.contains(parts[0]) || classExists("", parts[0]);
    }
    int i = 0;
    while (i < parts.length && parts[i].matches("[a-z][a-z0-9_]*")) {
      i++;
    }
    if (i < parts.length && CLASS_NAME.matcher(parts[i]).matches()) {
      // package.Class or folder/Class: a class whose path ends so
      return classExists(String.join("/", List.of(parts).subList(0, i)), parts[i]);
    }
    if (i == parts.length && name.startsWith("dev.bulwark.")) {
      return packageExists(name);
    }
    return true;
  }

  private static boolean classExists(String folders, String simpleName) {
    String suffix = (folders.isEmpty() ? "" : "/" + folders) + "/" + simpleName + ".java";
    return sources.stream().anyMatch(f -> f.toString().replace('\\', '/').endsWith(suffix));
  }

  private static boolean packageExists(String name) {
    String folder = "/src/main/java/" + name.replace('.', '/');
    try (Stream<Path> modules = Files.list(root)) {
      return modules.anyMatch(m -> Files.isDirectory(Path.of(m + folder)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
