package dev.bulwark.node.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Entry points of the console ({@code /console} to its page) and the OpenAPI 3 description of the
 * node's maritime API at {@code /api/openapi.json} (written by hand and shipped in this package's
 * resources; a test checks it names every mapped maritime path). Stateless; thread-safe.
 */
@Controller
class ConsoleController {
  private static final String OPENAPI = load("openapi.json");

  /**
   * {@code /console} redirects to {@code /console/}: the page's scripts and stylesheets are
   * relative links, which resolve against the folder only when the address ends in a slash.
   */
  @GetMapping("/console")
  String consoleFolder() {
    return "redirect:/console/";
  }

  @GetMapping("/console/")
  String console() {
    return "forward:/console/index.html";
  }

  @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> openApi() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OPENAPI);
  }

  private static String load(String name) {
    try (InputStream in = ConsoleController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
