package dev.bulwark.node.misp;

import dev.bulwark.misp.feed.FeedSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the node reaches a MISP peer: a feed over HTTP(S) (a bearer token when one is configured) or
 * in a folder ({@code file:} URL), and a MISP REST API with its automation key in the {@code
 * Authorization} header as MISP's OpenAPI document specifies. Thread-safe.
 */
final class MispHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** The peer's feed: its folder for a {@code file:} URL, else HTTP(S) GETs under the URL. */
  FeedSource feed(MispPeer peer) {
    if ("file".equals(peer.url().getScheme())) {
      return FeedSource.directory(Path.of(peer.url()));
    }
    return relativePath -> {
      // a manifest names files by uuid: nothing may lead outside the feed's folder on its server
      if (!relativePath.matches("[A-Za-z0-9._-]+") || relativePath.contains("..")) {
        throw new IOException("not a feed file name: " + relativePath);
      }
      return get(peer, peer.url().resolve(relativePath), "Bearer " + peer.secret());
    };
  }

  /** GET with the peer's credentials; a 404 is a missing file, any other failure an IOException. */
  InputStream get(MispPeer peer, URI uri, String authorization) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
    if (!peer.secret().isEmpty()) {
      b.header("Authorization", authorization);
    }
    return send(b.build(), uri);
  }

  /** POST of a JSON body to a MISP REST endpoint, with the automation key. */
  InputStream post(MispPeer peer, String path, String json) throws IOException {
    URI uri = peer.url().resolve(path);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (!peer.secret().isEmpty()) {
      b.header("Authorization", peer.secret());
    }
    return send(b.build(), uri);
  }

  private InputStream send(HttpRequest request, URI uri) throws IOException {
    HttpResponse<InputStream> r;
    try {
      r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (r.statusCode() == 404) {
      r.body().close();
      throw new NoSuchFileException(uri.toString());
    }
    if (r.statusCode() != 200) {
      r.body().close();
      throw new IOException(uri + " answered HTTP " + r.statusCode());
    }
    return r.body();
  }
}
