package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.misp.MispPeer;
import dev.bulwark.node.misp.MispPeerStore;
import dev.bulwark.node.store.NodeSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@code bulwark peer add NAME --type misp-feed|misp-rest ...}: a MISP source pulled into one
 * collection (the one {@code --pull} names), recorded in the audit log without its secret. Not
 * thread-safe.
 */
final class MispPeerAdd {
  private MispPeerAdd() {}

  static int add(
      String name,
      String type,
      URI url,
      String nation,
      String token,
      List<String> pull,
      List<String> push,
      String org,
      Duration every,
      List<String> trustOrigins,
      NodeSettings settings) {
    MispPeer.Type t;
    Set<String> origins = new TreeSet<>();
    try {
      t = MispPeer.Type.parse(type);
      nation = Nations.check(nation);
      for (String o : trustOrigins) {
        origins.add(Nations.check(o.trim()));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark peer add: " + e.getMessage());
      return 2;
    }
    String own = settings.nation().toUpperCase(Locale.ROOT);
    if (nation.equals(own) || origins.contains(own)) {
      // our own nation's events never come from a peer: import them with misp import
      System.err.println(
          "bulwark peer add: a MISP peer is never trusted for this node's own nation "
              + own
              + " (import that MISP's events with bulwark misp import)");
      return 2;
    }
    if (pull.size() != 1 || !push.isEmpty()) {
      System.err.println("bulwark peer add: a MISP peer takes one --pull COLLECTION and no --push");
      return 2;
    }
    String scheme = String.valueOf(url.getScheme());
    boolean folder = scheme.equals("file");
    if (!(scheme.equals("http") || scheme.equals("https") || (folder && t == MispPeer.Type.FEED))) {
      System.err.println(
          "bulwark peer add: --url must be http(s)://... (or file:/folder for a misp-feed)");
      return 2;
    }
    if (folder && !Files.isRegularFile(Path.of(url).resolve("manifest.json"))) {
      System.err.println("bulwark peer add: no manifest.json in " + url);
      return 2;
    }
    if (t == MispPeer.Type.REST && token.isEmpty()) {
      System.err.println("bulwark peer add: a misp-rest peer needs --token (the automation key)");
      return 2;
    }
    try (NodeStores stores = new NodeStores(settings)) {
      if (new PeerStore(stores.dataSource).find(name).isPresent()) {
        System.err.println("bulwark peer add: " + name + " is a TAXII peer; choose another name");
        return 2;
      }
      MispPeer peer = new MispPeer(name, t, nation, url, token, pull.get(0), org, every, origins);
      new MispPeerStore(stores.dataSource).put(peer);
      stores.record("peer.add", pull.get(0), AuditEntry.Decision.ALLOW, List.of(), peer.toString());
      System.out.printf(
          "peer %s (%s) %s at %s: pull into %s, every %s, events of %s%n",
          name,
          nation,
          t.label(),
          peer.url(),
          peer.collection(),
          every,
          String.join(",", peer.trustedOrigins()));
      return 0;
    }
  }

  /** Prints the MISP peers (no secrets); returns how many. */
  static int list(DataSource ds) {
    List<MispPeer> peers = new MispPeerStore(ds).list();
    for (MispPeer p : peers) {
      System.out.printf(
          "%-20s %-4s %s %s pull=[%s]%s every=%s origins=%s%n",
          p.name(),
          p.nation(),
          p.type().label(),
          p.url(),
          p.collection(),
          p.orgFilter().isEmpty() ? "" : " org=" + p.orgFilter(),
          p.interval(),
          String.join(",", p.trustedOrigins()));
    }
    return peers.size();
  }
}
