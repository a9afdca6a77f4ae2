package dev.bulwark.node.federation;

import dev.bulwark.node.audit.Anchor;
import dev.bulwark.node.audit.AnchorJson;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AnchorStore.Direction;
import dev.bulwark.node.audit.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this node's audit chain head to every peer, periodically: a {@code POST} of the anchor
 * (record number and link) to the peer's {@value #PATH}, authenticated with the credentials the
 * peer issued to this node, as federation logs in. Each anchor a peer accepted is recorded here as
 * sent; the peer records it as received ({@link AnchorController}), and can later hand its anchors
 * to an auditor who checks this node's chain against them ({@code bulwark audit verify --anchors}).
 * A head that has not moved since it was last sent to a peer is not sent again. Thread-safe.
 */
public final class AnchorExchange implements AutoCloseable {
  /** Where a node receives anchors, relative to its host (a peer's API root names the host). */
  public static final String PATH = "/bulwark/federation/anchors";

  private static final Logger log = LoggerFactory.getLogger(AnchorExchange.class);

  private final PeerStore peers;
  private final AuditLog audit;
  private final AnchorStore anchors;
  private final String nation;
  private final Duration interval;
  private final ScheduledExecutorService scheduler;

  /** Per peer name: the peer as last seen, its HTTP client, the head last sent. */
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  private record Link(Peer peer, HttpClient http, Anchor lastSent) {}

  AnchorExchange(
      PeerStore peers, AuditLog audit, AnchorStore anchors, String nation, Duration interval) {
    this.peers = peers;
    this.audit = audit;
    this.anchors = anchors;
    this.nation = nation;
    this.interval = interval;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bulwark-audit-anchors");
              t.setDaemon(true);
              return t;
            });
  }

  void start() {
    scheduler.scheduleWithFixedDelay(
        this::sendAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends the current head to every peer that does not have it yet; one peer's failure skips only
   * it.
   */
  void sendAll() {
    try {
      AuditLog.Head head = audit.head();
      Anchor anchor = new Anchor(head.seq(), head.link(), FederationService.nowMicros());
      for (Peer peer : peers.list()) {
        Link link = links.get(peer.name());
        if (link == null || !link.peer().equals(peer)) {
          link = new Link(peer, client(peer), null);
        }
        if (link.lastSent() != null
            && link.lastSent().seq() == anchor.seq()
            && link.lastSent().link().equals(anchor.link())) {
          continue;
        }
        try {
          send(link, anchor);
          anchors.record(
              new AnchorStore.Exchanged(
                  Direction.SENT,
                  peer.name(),
                  peer.nation(),
                  anchor,
                  FederationService.nowMicros()));
          link = new Link(peer, link.http(), anchor);
        } catch (Exception e) {
          log.warn(
              "cannot send the audit anchor #{} to {}: {}", anchor.seq(), peer.name(), describe(e));
        } finally {
          links.put(peer.name(), link);
        }
      }
      links.keySet().retainAll(peers.list().stream().map(Peer::name).toList());
    } catch (RuntimeException e) {
      log.warn("cannot send audit anchors: {}", e.getMessage());
    }
  }

  private void send(Link link, Anchor anchor) throws Exception {
    Peer peer = link.peer();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(peer.apiRoot().resolve(URI.create(PATH)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization(peer))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AnchorJson.message(anchor, nation), StandardCharsets.UTF_8));
    HttpResponse<String> response =
        link.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
    }
  }

  private static String authorization(Peer peer) {
    if (peer.authUser().isEmpty()) {
      return "Bearer " + peer.authSecret();
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (peer.authUser() + ":" + peer.authSecret()).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpClient client(Peer peer) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1);
    if (!peer.trustStore().isEmpty()) {
      b.sslContext(PeerClients.trusting(Path.of(peer.trustStore()), peer.trustPassword()));
    }
    return b.build();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
