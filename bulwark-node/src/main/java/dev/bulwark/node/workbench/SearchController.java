package dev.bulwark.node.workbench;

import static dev.bulwark.node.workbench.WorkbenchJson.JSON;

import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.SearchQuery;
import dev.bulwark.node.store.SearchQuery.Hit;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.server.IntelAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workbench's search API under {@code /api/intel} (described in {@code /api/openapi.json}):
 * {@code search} (the contract {@code {"objects", "more", "next"}}), {@code facets} and {@code
 * suggest}. Everything answered is what the reader may read; counts are of that only. Thread-safe.
 */
@RestController
@RequestMapping("/api/intel")
class SearchController {
  /** Facets count at most this many readable matches. */
  static final int FACET_CAP = 1000;

  private final IntelSearch search;
  private final IntelAccess access;
  private final AccessPolicy policy;
  private final SearchTokens tokens = new SearchTokens();

  SearchController(IntelSearch search, IntelAccess access, AccessPolicy policy) {
    this.search = search;
    this.access = access;
    this.policy = policy;
  }

  @GetMapping("/search")
  ResponseEntity<String> search(HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    SearchParams params;
    try {
      params = SearchParams.of(parameters(request));
    } catch (SearchParams.Bad e) {
      return WorkbenchJson.invalid(e.where, e.getMessage());
    }
    SearchQuery q = params.query();
    String next = Optional.ofNullable(request.getParameter("next")).orElse("");
    if (!next.isEmpty()) {
      Optional<Hit> after = tokens.open(next, p.name(), params.fingerprint());
      if (after.isEmpty()) {
        return WorkbenchJson.error(
            400,
            "bad_token",
            "The next token is not one this node gave for this search (changed, for another"
                + " search, or from before a restart): search again from the first page.",
            "next");
      }
      q = q.continuingAfter(after.get());
    }
    IntelSearch.Page page = search.page(p, q, params.limit());
    ObjectNode out = JSON.createObjectNode();
    ArrayNode objects = out.putArray("objects");
    List<Optional<String>> jsons = access.jsonForEach(p, page.objects());
    for (int i = 0; i < jsons.size(); i++) {
      StoredObject o = page.objects().get(i);
      jsons.get(i).ifPresent(json -> objects.add(IntelViews.summary(o, json, policy)));
    }
    out.put("more", page.more());
    out.put(
        "next", page.next().map(h -> tokens.seal(h, p.name(), params.fingerprint())).orElse(""));
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/facets")
  ResponseEntity<String> facets(HttpServletRequest request) {
    NodePrincipal p = WorkbenchJson.principal();
    SearchParams params;
    try {
      params = SearchParams.of(parameters(request));
    } catch (SearchParams.Bad e) {
      return WorkbenchJson.invalid(e.where, e.getMessage());
    }
    IntelSearch.Page page = search.page(p, params.query(), FACET_CAP);
    TreeMap<String, Integer> types = new TreeMap<>();
    TreeMap<String, Integer> origins = new TreeMap<>();
    TreeMap<String, Integer> markings = new TreeMap<>();
    for (StoredObject o : page.objects()) {
      types.merge(o.type(), 1, Integer::sum);
      origins.merge(o.originNation(), 1, Integer::sum);
      for (String ref : o.markingRefs()) {
        markings.merge(
            IntelViews.markingWords(ref, policy.resolve(ref, o.originNation())), 1, Integer::sum);
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("types", JSON.valueToTree(types));
    out.set("origins", JSON.valueToTree(origins));
    out.set("markings", JSON.valueToTree(markings));
    out.put("counted", page.objects().size());
    out.put("capped", page.more());
    return WorkbenchJson.ok(out);
  }

  @GetMapping("/suggest")
  ResponseEntity<String> suggest(
      @RequestParam(defaultValue = "") String prefix,
      @RequestParam(defaultValue = "10") int limit) {
    NodePrincipal p = WorkbenchJson.principal();
    if (prefix.isBlank() || prefix.length() > 100) {
      return WorkbenchJson.invalid("prefix", "give 1 to 100 characters");
    }
    if (limit < 1 || limit > 50) {
      return WorkbenchJson.invalid("limit", "must be from 1 to 50");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("suggestions");
    for (StoredObject o : search.suggest(p, prefix.toLowerCase(Locale.ROOT).trim(), limit)) {
      access
          .jsonFor(p, o)
          .ifPresent(
              json -> {
                ObjectNode s = IntelViews.summary(o, json, policy);
                list.addObject()
                    .put("id", o.objectId())
                    .put("type", o.type())
                    .put("name", s.path("name").asString());
              });
    }
    return WorkbenchJson.ok(out);
  }

  static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> out = new HashMap<>();
    request.getParameterMap().forEach((k, v) -> out.put(k, Arrays.asList(v)));
    return out;
  }
}
