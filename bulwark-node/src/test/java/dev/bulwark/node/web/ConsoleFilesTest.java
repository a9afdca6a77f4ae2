package dev.bulwark.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the console's files promise, read as files (no browser, no node): every page runs on the
 * shell as ES modules that import only files of the console, nothing is fetched from elsewhere (the
 * only script from outside the directory is Leaflet's, from the webjar on the classpath), data
 * never enters a page as markup, and every page is in the shell's navigation.
 */
class ConsoleFilesTest {
  private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");
  private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]+)\"");
  private static final Pattern STYLESHEET =
      Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");
  private static final Pattern IMPORT =
      Pattern.compile("^import .* from '([^']+)';$", Pattern.MULTILINE);
  private static final Pattern PAGE_HREF = Pattern.compile("href: '([^']+)'");

  @Test
  void everyPageRunsOnTheShellAsModulesThatImportOnlyConsoleFiles() throws IOException {
    for (Path page : files(".html")) {
      String html = read(page);
      List<String> modules = new ArrayList<>();
      Matcher m = SCRIPT.matcher(html);
      while (m.find()) {
        Matcher src = SRC.matcher(m.group(1));
        assertThat(src.find()).as("%s: a script without src (inline)", page).isTrue();
        if (src.group(1).startsWith("/webjars/")) {
          assertThat(webjar(src.group(1))).as("%s: %s", page, src.group(1)).isNotNull();
        } else {
          assertThat(m.group(1)).as("%s: %s", page, src.group(1)).contains("type=\"module\"");
          modules.add(src.group(1));
        }
      }
      assertThat(modules).as(page.toString()).hasSize(1);
      String script = read(page.resolveSibling(modules.get(0)));
      assertThat(script).as(modules.get(0)).contains("from './shell.js'");
      Matcher css = STYLESHEET.matcher(html);
      List<String> sheets = new ArrayList<>();
      while (css.find()) {
        sheets.add(css.group(1));
        if (css.group(1).startsWith("/webjars/")) {
          assertThat(webjar(css.group(1))).as("%s: %s", page, css.group(1)).isNotNull();
        } else {
          assertThat(page.resolveSibling(css.group(1))).as(page.toString()).isRegularFile();
        }
      }
      assertThat(sheets).as(page.toString()).contains("shell.css");
    }
    for (Path script : files(".js")) {
      Matcher m = IMPORT.matcher(read(script));
      while (m.find()) {
        assertThat(m.group(1)).as(script.toString()).startsWith("./");
        assertThat(script.resolveSibling(m.group(1))).as(script.toString()).isRegularFile();
      }
    }
  }

  @Test
  void nothingIsFetchedFromElsewhere() throws IOException {
    for (Path file : files("")) {
      String text = read(file).replace("http://www.w3.org/2000/svg", "");
      assertThat(text).as(file.toString()).doesNotContain("http://").doesNotContain("https://");
      assertThat(text).as(file.toString()).doesNotContainPattern("(src|href)=\"//");
    }
  }

  @Test
  void dataNeverEntersAPageAsMarkup() throws IOException {
    for (Path script : files(".js")) {
      assertThat(read(script))
          .as(script.toString())
          .doesNotContain("innerHTML")
          .doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write");
    }
  }

  @Test
  void everyPageIsInTheShellsNavigation() throws IOException {
    List<String> hrefs = new ArrayList<>();
    Matcher m = PAGE_HREF.matcher(read(console().resolve("shell.js")));
    while (m.find()) {
      hrefs.add(m.group(1).equals("./") ? "index.html" : m.group(1));
    }
    assertThat(hrefs)
        .containsExactlyInAnyOrderElementsOf(
            files(".html").stream().map(p -> p.getFileName().toString()).toList());
  }

  private static URL webjar(String path) {
    return ConsoleFilesTest.class.getResource("/META-INF/resources" + path);
  }

  private static Path console() {
    try {
      return Path.of(ConsoleFilesTest.class.getResource("/static/console/shell.js").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(console())) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
