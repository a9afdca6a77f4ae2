package dev.bulwark.node.misp;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.security.NodeAuthentication;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.taxii.server.CollectionAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collections served as MISP feeds (issue 21), so that an ally's unmodified MISP adds Bulwark as a
 * feed: {@code GET /misp/feeds/{collection}/manifest.json}, {@code .../{uuid}.json} and {@code
 * .../hashes.csv}, authenticated like TAXII (a token or certificate; MISP sends the feed's
 * "headers" setting, e.g. {@code Authorization: Bearer ...}). Each holds exactly what the caller's
 * nation may read ({@link MispFeeds} over the read gate). A collection the caller may not read and
 * an event it may read nothing of both answer 404 with the same body as one that does not exist.
 *
 * <p>A built feed is kept for its reader (nation, identity, peer or not) until the collection
 * changes, so that a MISP fetching the manifest and then each event builds it once. Thread-safe.
 */
@RestController
class MispFeedController {
  private static final int CACHED_FEEDS = 32;
  private static final String MISSING = "{\"message\":\"No such feed or event.\"}";

  private final CollectionAccess collections;
  private final AccessPolicy policy;
  private final ObjectStore store;
  private final MispFeeds feeds;
  private final AuditLog audit;
  private final Map<String, MispFeeds.Feed> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MispFeeds.Feed> eldest) {
          return size() > CACHED_FEEDS;
        }
      };

  MispFeedController(
      CollectionAccess collections,
      AccessPolicy policy,
      ObjectStore store,
      MispFeeds feeds,
      AuditLog audit) {
    this.collections = collections;
    this.policy = policy;
    this.store = store;
    this.feeds = feeds;
    this.audit = audit;
  }

  @GetMapping("/misp/feeds/{collection}/manifest.json")
  ResponseEntity<String> manifest(@PathVariable("collection") String collection) {
    return feed(collection, "manifest")
        .map(f -> json(f.manifest()))
        .orElseGet(MispFeedController::missing);
  }

  @GetMapping("/misp/feeds/{collection}/hashes.csv")
  ResponseEntity<String> hashes(@PathVariable("collection") String collection) {
    return feed(collection, "hashes")
        .map(f -> ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(f.hashes()))
        .orElseGet(MispFeedController::missing);
  }

  @GetMapping("/misp/feeds/{collection}/{file:.+}")
  ResponseEntity<String> event(
      @PathVariable("collection") String collection, @PathVariable("file") String file) {
    if (!file.endsWith(".json")) {
      return missing();
    }
    String uuid = file.substring(0, file.length() - ".json".length());
    return feed(collection, "event " + uuid)
        .map(f -> f.events().get(uuid))
        .map(MispFeedController::json)
        .orElseGet(MispFeedController::missing);
  }

  /** The caller's feed of the collection; empty when it may not read the collection. */
  private Optional<MispFeeds.Feed> feed(String collection, String what) {
    NodePrincipal p = NodeAuthentication.current().orElseThrow();
    Optional<CollectionInfo> c = collections.readable(collection, p);
    if (c.isEmpty()) {
      audit.append(
          new AuditEntry(
              p.name(), p.nation(), "misp.feed", collection, Decision.DENY, List.of(), what));
      return Optional.empty();
    }
    CollectionInfo info = c.get();
    String key =
        info.id()
            + '\n'
            + p.nation()
            + '\n'
            + p.identityId().orElse("")
            + '\n'
            + p.has(Role.PEER)
            + '\n'
            + store.lastAddedMicros(info.id());
    MispFeeds.Feed f;
    synchronized (cache) {
      f = cache.get(key);
    }
    if (f == null) {
      f = feeds.build(info, p.reader(), policy.readFilter(p, info));
      synchronized (cache) {
        cache.put(key, f);
      }
    }
    audit.append(
        new AuditEntry(
            p.name(),
            p.nation(),
            "misp.feed",
            info.id(),
            Decision.ALLOW,
            List.of(),
            what + " (" + f.events().size() + " event(s) readable)"));
    return Optional.of(f);
  }

  private static ResponseEntity<String> json(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static ResponseEntity<String> missing() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(MISSING);
  }
}
