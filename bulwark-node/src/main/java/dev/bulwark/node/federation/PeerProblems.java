package dev.bulwark.node.federation;

import dev.bulwark.node.taxii.client.TaxiiClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Says in plain words why an exchange with a peer failed and what the administrator runs to fix it
 * ("FIN's certificate is not trusted: run `bulwark peer trust fin --cert fin.pem` ..."), instead of
 * a library's exception. {@link #unreachable} tells the failures that concern the peer as a whole
 * (nothing reaches it) from those of one collection. Stateless; thread-safe.
 */
public final class PeerProblems {
  private PeerProblems() {}

  /** The sentence that explains {@code e}, met while exchanging with {@code peer}. */
  public static String explain(Peer peer, Throwable e) {
    String who = peer.nation();
    String certFile = peer.name() + ".pem";
    String text = chainText(e);
    if (has(e, SSLHandshakeException.class) || text.contains("certification path")) {
      if (text.contains("no subject alternative") || text.contains("no name matching")) {
        return who
            + "'s certificate does not name the host "
            + peer.apiRoot().getHost()
            + ": use the host name its certificate was made for in --url (its admin sets"
            + " bulwark.tls.hostname), or ask for a certificate for this name";
      }
      if (text.contains("is not the pinned")) {
        return who
            + "'s certificate is not the one pinned for "
            + peer.name()
            + ": if its admin renewed it, run `bulwark peer trust "
            + peer.name()
            + " --cert "
            + certFile
            + "` with the new one (its admin: `bulwark tls export-cert --out "
            + certFile
            + "`)";
      }
      return who
          + "'s certificate is not trusted: run `bulwark peer trust "
          + peer.name()
          + " --cert "
          + certFile
          + "` with the certificate its admin exports (`bulwark tls export-cert --out "
          + certFile
          + "`)";
    }
    if (has(e, SSLException.class)) {
      return "cannot speak HTTPS with "
          + who
          + " at "
          + peer.apiRoot()
          + " (does it serve HTTPS on that port? for a node on plain HTTP use http://)";
    }
    if (has(e, ConnectException.class)) {
      return "cannot reach "
          + who
          + " at "
          + peer.apiRoot()
          + ": connection refused (is its node running, and is the port right?)";
    }
    if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
      return "cannot find the host " + peer.apiRoot().getHost() + " of " + who + " (check --url)";
    }
    if (has(e, HttpTimeoutException.class)) {
      return who + " did not answer in time at " + peer.apiRoot();
    }
    if (e instanceof TaxiiClientException t) {
      switch (t.status()) {
        case 401 -> {
          return who
              + " refused this node's token: ask its admin for a new one (`bulwark principal add"
              + " ... --roles peer` there) and run `bulwark peer add "
              + peer.name()
              + " ... --token NEW`";
        }
        case 403 -> {
          return who + " does not let this node do that: " + PullTask.describe(e);
        }
        case 404 -> {
          return who
              + " has no such API root or collection (check --url, which ends in /bulwark/, and"
              + " the collection names): "
              + PullTask.describe(e);
        }
        default -> {
          // below: the client's own message, which names the request and the answer
        }
      }
    }
    return PullTask.describe(e);
  }

  /** Whether nothing can reach the peer at all (so every collection fails the same way). */
  public static boolean unreachable(Throwable e) {
    return has(e, SSLException.class)
        || has(e, ConnectException.class)
        || has(e, UnknownHostException.class)
        || has(e, UnresolvedAddressException.class)
        || has(e, HttpTimeoutException.class)
        || (e instanceof TaxiiClientException t && (t.status() == 0 || t.status() == 401));
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String chainText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append(' ').append(t.getMessage());
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
