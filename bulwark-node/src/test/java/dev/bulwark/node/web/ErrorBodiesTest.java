package dev.bulwark.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.TempDirs;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every endpoint the node maps (TAXII, {@code /api/*}, {@code /bulwark/*}, {@code /public/*}),
 * asked with bad input: ids that do not exist, query parameters that are not what they should be, a
 * body that is not JSON, and no credentials. The error rules of issue 19: a 4xx (never a 5xx), a
 * body that says what is wrong in words, and nothing a person should not see (a stack trace, a Java
 * or library class, a Jackson feature, an internal package). Walks what Spring maps, so a new
 * endpoint is covered the day it is added.
 */
class ErrorBodiesTest {
  /** What no error body may contain. */
  private static final Pattern INTERNAL =
      Pattern.compile(
          "Exception|\\tat |\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|org\\.springframework"
              + "|tools\\.jackson|com\\.fasterxml|org\\.h2|org\\.postgresql|dev\\.bulwark"
              + "|ReadFeature|DeserializationFeature|REDACTED|\\[Source:|SQL|Whitelabel");

  static ConfigurableApplicationContext node;
  static String base;
  static String token;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    Path home = TempDirs.create("bulwark-error-bodies-test-");
    node = ConsoleBrowser.startNode(home, "--bulwark.nation=EST");
    base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    token =
        node.getBean(PrincipalStore.class)
            .add(
                "all-roles",
                "EST",
                EnumSet.of(Role.READER, Role.CONTRIBUTOR, Role.ADMIN, Role.PEER),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** One request the walk makes: method, path with query, body (or null), content type. */
  record Probe(String method, String path, String body, String contentType, boolean stream) {}

  @Test
  void everyEndpointAnswersBadInputInWordsWithoutInternals() throws Exception {
    List<Probe> probes = probes();
    assertThat(probes).hasSizeGreaterThan(60);
    List<String> failures = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    StringBuilder report = new StringBuilder();
    for (Probe p : probes) {
      for (boolean signedIn : new boolean[] {true, false}) {
        if (signedIn && p.stream()) {
          continue; // an event stream that opens stays open: only its refusal is an error body
        }
        HttpResponse<String> r;
        try {
          r = send(p, signedIn);
        } catch (ExecutionException | TimeoutException e) {
          failures.add(p.method() + " " + p.path() + ": no answer within 20 s");
          continue;
        }
        String what = p.method() + " " + p.path() + (signedIn ? "" : " (no credentials)");
        seen.add(p.method() + " " + p.path().replaceAll("\\?.*", ""));
        report.append(what).append(" -> ").append(r.statusCode()).append(' ');
        report.append(clip(r.body()).replace('\n', ' ')).append('\n');
        String problem = problem(r);
        if (problem != null) {
          failures.add(what + " -> " + r.statusCode() + " " + problem + ": " + clip(r.body()));
        }
      }
    }
    // every answer, for a person to read (target/error-bodies.txt)
    Files.writeString(Path.of("target", "error-bodies.txt"), report);
    assertThat(failures)
        .as("%d requests over %d endpoints", probes.size() * 2, seen.size())
        .isEmpty();
  }

  /** What is wrong with this answer to bad input, or null. */
  static String problem(HttpResponse<String> r) {
    int status = r.statusCode();
    String body = r.body() == null ? "" : r.body();
    if (status >= 500) {
      return "a server error for bad input";
    }
    if (status < 400) {
      return null; // the endpoint took the input (an empty search, an optional parameter ignored)
    }
    if (INTERNAL.matcher(body).find()) {
      return "internal names in the body";
    }
    if (body.isBlank()) {
      return "an empty body";
    }
    if (body.contains("\"timestamp\"") && body.contains("\"path\"")) {
      return "Spring's default body: the status alone, not what is wrong";
    }
    return null;
  }

  static String clip(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  HttpResponse<String> send(Probe p, boolean signedIn)
      throws InterruptedException, ExecutionException, TimeoutException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + p.path())).timeout(Duration.ofSeconds(30));
    if (signedIn) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Accept", p.contentType().startsWith("application/taxii") ? p.contentType() : "*/*");
    if (p.body() != null) {
      b.header("Content-Type", p.contentType());
      b.method(p.method(), HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8));
    } else {
      b.method(p.method(), HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .get(20, TimeUnit.SECONDS);
  }

  /** Every mapped endpoint with bad input: unknown ids, wrong query values, a broken body. */
  static List<Probe> probes() {
    Map<RequestMappingInfo, HandlerMethod> handlers =
        node.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
            .getHandlerMethods();
    List<Probe> probes = new ArrayList<>();
    handlers.forEach(
        (info, handler) -> {
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          for (String pattern : info.getPatternValues()) {
            if (pattern.startsWith("/error")) {
              continue;
            }
            // unknown everything; then the real TAXII root and collection with bad query values
            String unknown = pattern.replaceAll("\\{\\*?[^}]*}", "no-such--thing");
            String known =
                pattern
                    .replace("{root}", "bulwark")
                    .replace("/collections/{id}", "/collections/intel")
                    .replaceAll("\\{\\*?[^}]*}", "no-such--thing");
            for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
              probes.add(probe(m.name(), unknown, handler, info, false));
              probes.add(probe(m.name(), known, handler, info, true));
            }
          }
        });
    return probes;
  }

  /** The request for one endpoint: with bad query values, and (if it takes one) a broken body. */
  static Probe probe(
      String method, String path, HandlerMethod handler, RequestMappingInfo info, boolean query) {
    StringBuilder q = new StringBuilder();
    boolean takesBody = false;
    for (MethodParameter parameter : handler.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      takesBody |= parameter.hasParameterAnnotation(RequestBody.class);
      if (query && param != null) {
        String name = param.name().isEmpty() ? param.value() : param.name();
        if (!name.isEmpty()) {
          q.append(q.isEmpty() ? '?' : '&')
              .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append("=not%20a%20valid%20value%21");
        }
      }
    }
    boolean taxii = handler.getBeanType().getPackageName().endsWith(".taxii.server");
    if (query && taxii) {
      // TAXII's filters and paging (section 3.4), read from the query string as a whole
      q.append(q.isEmpty() ? '?' : '&')
          .append("limit=many&added_after=yesterday&next=nonsense&match%5Bversion%5D=sometimes");
    }
    boolean sendsBody = Set.of("POST", "PUT", "PATCH").contains(method);
    String type =
        info.getConsumesCondition().getConsumableMediaTypes().stream()
            .findFirst()
            .map(Object::toString)
            .orElse(taxii ? "application/taxii+json;version=2.1" : "application/json");
    return new Probe(
        method,
        path + q,
        sendsBody || takesBody ? "{\"objects\": [ not json" : null,
        type,
        SseEmitter.class.isAssignableFrom(handler.getMethod().getReturnType()));
  }
}
