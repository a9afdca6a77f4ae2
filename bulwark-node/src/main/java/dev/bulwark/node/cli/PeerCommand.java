package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.federation.Peer;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.misp.MispPeerStore;
import dev.bulwark.node.store.NodeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark peer add|list|remove}: the allied nodes this node exchanges with. Adding,
 * replacing and removing a peer is recorded in the audit log. Not thread-safe.
 */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    description = "Add, list or remove the allied nodes this node exchanges intelligence with.",
    subcommands = {
      PeerCommand.Add.class,
      PeerTrustCommand.class,
      PeerCommand.ListPeers.class,
      PeerCommand.Remove.class
    })
final class PeerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static HikariDataSource open() {
    return StoreNotice.open(NodeSettings.load(), 1);
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add a peer (or replace the one with that name). Takes effect on a running node within seconds.")
  static final class Add implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "A name for the peer, e.g. fin-ncsc.")
    String name;

    @Option(
        names = "--url",
        required = true,
        paramLabel = "URL",
        description = "The peer's TAXII API root, e.g. https://fin.example:8443/bulwark/")
    URI url;

    @Option(
        names = "--nation",
        required = true,
        paramLabel = "ISO3",
        description = "The peer's nation (ISO 3166-1 alpha-3, e.g. FIN).")
    String nation;

    @Option(
        names = "--user",
        defaultValue = "",
        paramLabel = "NAME",
        description = "User name for HTTP Basic at the peer (default: bearer token).")
    String user;

    @Option(
        names = "--type",
        defaultValue = "taxii",
        paramLabel = "TYPE",
        description =
            "taxii (a Bulwark or TAXII 2.1 node, default), misp-feed (a MISP feed: URL or file: folder"
                + " with manifest.json) or misp-rest (a MISP instance's REST API).")
    String type;

    @Option(
        names = "--org",
        defaultValue = "",
        paramLabel = "ORG",
        description = "misp-rest: only events of this creator organisation (filtered by the MISP).")
    String org;

    @Option(
        names = "--trust-origins",
        split = ",",
        paramLabel = "ISO3",
        description =
            "misp-feed/misp-rest: the nations this MISP peer is trusted to bring events of (an event"
                + " counts for its creator organisation's nation; default: only --nation). Never"
                + " this node's own nation.")
    List<String> trustOrigins = new ArrayList<>();

    @Option(
        names = "--token",
        defaultValue = "",
        paramLabel = "SECRET",
        interactive = false,
        description =
            "The token the peer's admin issued to this node (bulwark principal add ... --roles peer"
                + " there); for misp-rest the MISP automation key. Needed but for a misp-feed folder.")
    String token;

    @Option(
        names = "--trust-store",
        defaultValue = "",
        paramLabel = "FILE",
        description = "PKCS#12 trust store with the peer's certificate (default: the JDK's trust).")
    String trustStore;

    @Option(names = "--trust-password", defaultValue = "", paramLabel = "PASSWORD")
    String trustPassword;

    @ArgGroup(exclusive = true)
    PeerTrustCommand.Pin pin;

    @Option(
        names = "--pull",
        split = ",",
        paramLabel = "COLLECTION",
        description = "Collections to pull from the peer.")
    List<String> pull = new ArrayList<>();

    @Option(
        names = "--push",
        split = ",",
        paramLabel = "COLLECTION",
        description = "Collections to push to the peer.")
    List<String> push = new ArrayList<>();

    @Option(
        names = "--every",
        defaultValue = "PT1S",
        paramLabel = "DURATION",
        description = "How often to exchange, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration every;

    /** A MISP peer ({@code --type misp-feed|misp-rest}). */
    private int addMisp() {
      return MispPeerAdd.add(
          name,
          type,
          url,
          nation,
          token,
          pull,
          push,
          org,
          every,
          trustOrigins,
          NodeSettings.load());
    }

    @Override
    public Integer call() {
      if (!type.equals("taxii")) {
        return addMisp();
      }
      if (token.isEmpty()) {
        System.err.println(
            "bulwark peer add: give --token (the token the peer issued to this node)");
        return 2;
      }
      if (pull.isEmpty() && push.isEmpty()) {
        System.err.println("bulwark: give --pull and/or --push collections");
        return 2;
      }
      if (!url.getScheme().equals("https") && !url.getScheme().equals("http")) {
        System.err.println("bulwark: --url must be http(s)://...");
        return 2;
      }
      String pinned;
      try {
        nation = Nations.check(nation);
        pinned = pin == null ? "" : pin.pinned();
      } catch (IllegalArgumentException e) {
        System.err.println("bulwark peer add: " + e.getMessage());
        return 2;
      }
      try (NodeStores stores = new NodeStores()) {
        Peer peer =
            new Peer(
                name,
                nation,
                url,
                user,
                token,
                trustStore,
                trustPassword,
                pull,
                push,
                every,
                pinned);
        PeerStore peers = new PeerStore(stores.dataSource);
        boolean replaced = peers.list().stream().anyMatch(p -> p.name().equals(peer.name()));
        peers.put(peer);
        // the token stays out of the record, as out of logs
        stores.record(
            replaced ? "peer.replace" : "peer.add",
            "",
            AuditEntry.Decision.ALLOW,
            List.of(),
            peer.name()
                + " "
                + peer.nation()
                + " "
                + peer.apiRoot()
                + " pull="
                + peer.pull()
                + " push="
                + peer.push()
                + " every="
                + every
                + " auth="
                + (peer.authUser().isEmpty() ? "bearer" : "basic:" + peer.authUser())
                + (peer.trustStore().isEmpty() ? "" : " trust-store=" + peer.trustStore())
                + PeerTrustCommand.pinText(peer));
        System.out.printf(
            "peer %s (%s) at %s: pull %s, push %s, every %s%s%n",
            peer.name(),
            peer.nation(),
            peer.apiRoot(),
            peer.pull(),
            peer.push(),
            every,
            PeerTrustCommand.pinText(peer));
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the peers (secrets are not shown).")
  static final class ListPeers implements Callable<Integer> {
    @Override
    public Integer call() {
      try (HikariDataSource ds = open()) {
        List<Peer> peers = new PeerStore(ds).list();
        boolean none = peers.isEmpty() && MispPeerAdd.list(ds) == 0;
        if (none) {
          System.out.println("no peers");
        }
        for (Peer p : peers) {
          System.out.printf(
              "%-20s %-4s %s pull=%s push=%s every=%s auth=%s%s%n",
              p.name(),
              p.nation(),
              p.apiRoot(),
              p.pull(),
              p.push(),
              p.interval(),
              p.authUser().isEmpty() ? "bearer" : "basic:" + p.authUser(),
              PeerTrustCommand.pinText(p));
        }
        return 0;
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a peer and its cursors.")
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (NodeStores stores = new NodeStores()) {
        if (new PeerStore(stores.dataSource).remove(name)
            || new MispPeerStore(stores.dataSource).remove(name)) {
          stores.record("peer.remove", "", AuditEntry.Decision.ALLOW, List.of(), name);
          System.out.println("removed peer " + name);
          return 0;
        }
        System.err.println("bulwark: no peer " + name);
        return 1;
      }
    }
  }
}
