package dev.bulwark.node.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the workbench's controllers is described in the node's OpenAPI document, with
 * its method, so that scripts can do what the pages do.
 */
class WorkbenchOpenApiTest {
  static final List<Class<?>> CONTROLLERS =
      List.of(
          SearchController.class,
          ObjectController.class,
          AuthoringController.class,
          BundleController.class,
          ReaderController.class,
          AdminController.class,
          PeerAdminController.class);

  @Test
  void everyWorkbenchEndpointIsInTheOpenApiDocumentWithItsMethod() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/dev/bulwark/node/web/openapi.json")) {
      doc = JsonMapper.builder().build().readTree(in);
    }
    List<String> endpoints = new ArrayList<>();
    for (Class<?> c : CONTROLLERS) {
      String base = c.getAnnotation(RequestMapping.class).value()[0];
      for (Method m : c.getDeclaredMethods()) {
        GetMapping get = m.getAnnotation(GetMapping.class);
        PostMapping post = m.getAnnotation(PostMapping.class);
        if (get != null) {
          endpoints.add("get " + base + (get.value().length == 0 ? "" : get.value()[0]));
        }
        if (post != null) {
          endpoints.add("post " + base + (post.value().length == 0 ? "" : post.value()[0]));
        }
      }
    }
    assertThat(endpoints).hasSizeGreaterThan(20);
    for (String e : endpoints) {
      String[] parts = e.split(" ");
      assertThat(doc.path("paths").path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT)))
          .as(e)
          .isTrue();
    }
  }
}
