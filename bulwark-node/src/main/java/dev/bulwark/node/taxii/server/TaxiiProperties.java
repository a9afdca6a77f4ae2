package dev.bulwark.node.taxii.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The TAXII server's configuration, under {@code bulwark.taxii.*}: the discovery resource, the API
 * roots, and the collections with their grants. Collections the store holds but that are not
 * configured here appear in the default API root with the default grants. Immutable.
 *
 * @param apiRoots API root name (its URL path segment) to its title and description
 * @param collections collection id (the store's) to its settings
 * @param maxContentLength largest POST body accepted, in bytes (413 above)
 * @param defaultPageSize objects per page when the client gives no limit
 * @param maxPageSize the largest page the server returns, whatever the limit asked
 * @param cursorSecret secret from which the key that encrypts next tokens is derived; empty = a
 *     random key kept in BULWARK_HOME/taxii-cursor.key (owner-only)
 * @param nodeOwned collections (store ids, comma-separated) owned by the node: only the node itself
 *     and peers write to them, see {@link dev.bulwark.node.security.CollectionGrants}; out of the
 *     box {@value #NODE_OWNED_DEFAULT}
 * @param maxObjectsPerEnvelope most objects one POST may carry (413 above, found while the body is
 *     read); federation pushes pages of 5,000, so keep it at least that
 * @param maxObjectBytes largest single object of a POST, in bytes of JSON (413 above)
 * @param postMemoryBudget heap, in bytes, that the envelopes being received at once may take
 *     together (estimated from their length); a POST waits for its share or is answered 503. 0 = a
 *     quarter of the JVM's maximum heap
 */
@ConfigurationProperties(prefix = "bulwark.taxii")
public record TaxiiProperties(
    String title,
    String description,
    String contact,
    String defaultApiRoot,
    Map<String, ApiRoot> apiRoots,
    Map<String, Collection> collections,
    long maxContentLength,
    int defaultPageSize,
    int maxPageSize,
    String cursorSecret,
    String nodeOwned,
    int maxObjectsPerEnvelope,
    long maxObjectBytes,
    long postMemoryBudget) {

  /** The collections the node publishes into: maritime alerts and published support reports. */
  public static final String NODE_OWNED_DEFAULT =
      "maritime-alerts,support-reports,force-declarations";

  public TaxiiProperties {
    title = title == null ? "Bulwark TAXII 2.1" : title;
    description = description == null ? "" : description;
    contact = contact == null ? "" : contact;
    defaultApiRoot =
        defaultApiRoot == null || defaultApiRoot.isBlank() ? "bulwark" : defaultApiRoot;
    apiRoots = apiRoots == null ? new LinkedHashMap<>() : new LinkedHashMap<>(apiRoots);
    if (!apiRoots.containsKey(defaultApiRoot)) {
      apiRoots.put(defaultApiRoot, new ApiRoot("Bulwark", "Intelligence exchange of this node"));
    }
    apiRoots = Map.copyOf(apiRoots);
    collections = collections == null ? Map.of() : Map.copyOf(collections);
    maxContentLength = maxContentLength <= 0 ? 100L * 1024 * 1024 : maxContentLength;
    defaultPageSize = defaultPageSize <= 0 ? 1000 : defaultPageSize;
    maxPageSize = maxPageSize <= 0 ? 10_000 : maxPageSize;
    cursorSecret = cursorSecret == null ? "" : cursorSecret;
    nodeOwned = nodeOwned == null ? NODE_OWNED_DEFAULT : nodeOwned;
    maxObjectsPerEnvelope = maxObjectsPerEnvelope <= 0 ? 10_000 : maxObjectsPerEnvelope;
    maxObjectBytes = maxObjectBytes <= 0 ? 10L * 1024 * 1024 : maxObjectBytes;
    postMemoryBudget =
        postMemoryBudget <= 0 ? Runtime.getRuntime().maxMemory() / 4 : postMemoryBudget;
  }

  /** The store ids of the node-owned collections. */
  public Set<String> nodeOwnedCollections() {
    return Arrays.stream(nodeOwned.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** One API root. */
  public record ApiRoot(String title, String description) {
    public ApiRoot {
      title = title == null ? "" : title;
      description = description == null ? "" : description;
    }
  }

  /**
   * One configured collection.
   *
   * @param read grants to read, e.g. {@code reader,contributor,peer@NATO}; empty = the defaults
   * @param write grants to write, e.g. {@code contributor@EST}; empty = the defaults
   * @param defaultNations who besides the origin nation may read unmarked objects (store default)
   */
  public record Collection(
      String title,
      String description,
      String apiRoot,
      String read,
      String write,
      String defaultNations) {
    public Collection {
      title = title == null ? "" : title;
      description = description == null ? "" : description;
      apiRoot = apiRoot == null ? "" : apiRoot;
      read = read == null ? "" : read;
      write = write == null ? "" : write;
      defaultNations = defaultNations == null ? "" : defaultNations;
    }
  }
}
