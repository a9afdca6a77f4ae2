package dev.bulwark.node.taxii.client;

import dev.bulwark.node.store.ProvenanceClaim;
import dev.bulwark.node.taxii.client.TaxiiResources.ApiRoot;
import dev.bulwark.node.taxii.client.TaxiiResources.Collection;
import dev.bulwark.node.taxii.client.TaxiiResources.Discovery;
import dev.bulwark.node.taxii.client.TaxiiResources.Envelope;
import dev.bulwark.node.taxii.client.TaxiiResources.Manifest;
import dev.bulwark.node.taxii.client.TaxiiResources.ManifestRecord;
import dev.bulwark.node.taxii.client.TaxiiResources.Status;
import dev.bulwark.node.taxii.client.TaxiiResources.StatusDetail;
import dev.bulwark.node.taxii.client.TaxiiResources.Versions;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 client over {@link java.net.http.HttpClient}: discovery, API roots, collections,
 * objects (one page, or every page by following {@code next}), object, versions, manifest, add
 * (with the status resource) and delete. Used by {@code bulwark taxii} and by federation between
 * nodes. Certificates are verified (PKIX) by the default SSL context unless another is given.
 * Thread-safe.
 */
public final class TaxiiClient {
  public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final StixCodec CODEC = new StixCodec();

  private final HttpClient http;
  private final Optional<String> authorization;
  private final Duration timeout;

  private TaxiiClient(HttpClient http, Optional<String> authorization, Duration timeout) {
    this.http = http;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /** Starts a client configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a client. Not thread-safe. */
  public static final class Builder {
    private Optional<String> authorization = Optional.empty();
    private Optional<SSLContext> ssl = Optional.empty();
    private Duration timeout = Duration.ofSeconds(60);

    public Builder basic(String user, String password) {
      authorization =
          Optional.of(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    public Builder bearer(String token) {
      authorization = Optional.of("Bearer " + token);
      return this;
    }

    /**
     * An SSL context that trusts the server (e.g. a demo node's self-signed certificate) or holds a
     * client certificate.
     */
    public Builder sslContext(SSLContext context) {
      ssl = Optional.of(context);
      return this;
    }

    public Builder timeout(Duration t) {
      timeout = t;
      return this;
    }

    public TaxiiClient build() {
      HttpClient.Builder b =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .version(HttpClient.Version.HTTP_1_1);
      ssl.ifPresent(b::sslContext);
      return new TaxiiClient(b.build(), authorization, timeout);
    }
  }

  /** GET /taxii2/ of the server at {@code server} (e.g. https://node.example:8443). */
  public Discovery discover(URI server) {
    JsonNode d = get(server.resolve("/taxii2/")).body;
    List<String> roots = new ArrayList<>();
    d.path("api_roots").forEach(r -> roots.add(r.asString()));
    return new Discovery(
        d.path("title").asString(""),
        d.path("description").asString(""),
        text(d, "default"),
        roots);
  }

  public ApiRoot apiRoot(URI apiRoot) {
    JsonNode a = get(dir(apiRoot)).body;
    List<String> versions = new ArrayList<>();
    a.path("versions").forEach(v -> versions.add(v.asString()));
    return new ApiRoot(
        a.path("title").asString(""), versions, a.path("max_content_length").asLong(0));
  }

  public List<Collection> collections(URI apiRoot) {
    List<Collection> out = new ArrayList<>();
    get(dir(apiRoot).resolve("collections/"))
        .body
        .path("collections")
        .forEach(c -> out.add(collectionOf(c)));
    return out;
  }

  public Collection collection(URI apiRoot, String collectionId) {
    return collectionOf(get(collectionUri(apiRoot, collectionId)).body);
  }

  /** One page of objects; pass the previous page's next to continue. */
  public Envelope objects(
      URI apiRoot, String collectionId, TaxiiQuery query, Optional<String> next) {
    HttpRequest request = objectsRequest(apiRoot, collectionId, query, next);
    return envelopeOf(request, exchange(request));
  }

  /**
   * {@link #objects} without waiting: the page is fetched and parsed on the HTTP client's threads,
   * so that a caller can fetch the next page while it stores this one. The future fails with the
   * {@link TaxiiClientException} that {@link #objects} would throw.
   */
  public CompletableFuture<Envelope> objectsAsync(
      URI apiRoot, String collectionId, TaxiiQuery query, Optional<String> next) {
    HttpRequest request = objectsRequest(apiRoot, collectionId, query, next);
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (response, error) -> {
              if (error != null) {
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                throw cause instanceof TaxiiClientException t ? t : unreachable(request, cause);
              }
              return envelopeOf(request, response);
            });
  }

  private HttpRequest objectsRequest(
      URI apiRoot, String collectionId, TaxiiQuery query, Optional<String> next) {
    return request(withQuery(collectionUri(apiRoot, collectionId).resolve("objects/"), query, next))
        .GET()
        .build();
  }

  /**
   * Every object matching the query, page by page, following {@code next} (or, when the server
   * sends none, added_after from X-TAXII-Date-Added-Last). Returns how many objects were delivered.
   *
   * @param progress told the running total after each page
   */
  public long forEachObject(
      URI apiRoot,
      String collectionId,
      TaxiiQuery query,
      Consumer<StixObject> sink,
      Consumer<Long> progress) {
    long total = 0;
    Optional<String> next = Optional.empty();
    TaxiiQuery q = query;
    while (true) {
      Envelope page = objects(apiRoot, collectionId, q, next);
      page.objects().forEach(sink);
      total += page.objects().size();
      progress.accept(total);
      if (!page.more() || page.objects().isEmpty() && page.next().isEmpty()) {
        return total;
      }
      if (page.next().isPresent()) {
        next = page.next();
      } else if (page.dateAddedLast().isPresent()) {
        q = q.withAddedAfter(page.dateAddedLast().get());
        next = Optional.empty();
      } else {
        return total;
      }
    }
  }

  public Envelope object(URI apiRoot, String collectionId, String objectId, TaxiiQuery query) {
    HttpRequest request =
        request(withQuery(objectUri(apiRoot, collectionId, objectId), query, Optional.empty()))
            .GET()
            .build();
    return envelopeOf(request, exchange(request));
  }

  public Versions versions(
      URI apiRoot, String collectionId, String objectId, TaxiiQuery query, Optional<String> next) {
    JsonNode v =
        get(withQuery(objectUri(apiRoot, collectionId, objectId).resolve("versions/"), query, next))
            .body;
    List<String> list = new ArrayList<>();
    v.path("versions").forEach(x -> list.add(x.asString()));
    return new Versions(list, v.path("more").asBoolean(false), text(v, "next"));
  }

  public Manifest manifest(
      URI apiRoot, String collectionId, TaxiiQuery query, Optional<String> next) {
    JsonNode m =
        get(withQuery(collectionUri(apiRoot, collectionId).resolve("manifest/"), query, next)).body;
    List<ManifestRecord> records = new ArrayList<>();
    m.path("objects")
        .forEach(
            r ->
                records.add(
                    new ManifestRecord(
                        r.path("id").asString(""), r.path("date_added").asString(""),
                        r.path("version").asString(""), r.path("media_type").asString(""))));
    return new Manifest(records, m.path("more").asBoolean(false), text(m, "next"));
  }

  /** POSTs the objects (JSON objects) in one envelope and returns the status resource. */
  public Status add(URI apiRoot, String collectionId, List<String> objectsJson) {
    return add(apiRoot, collectionId, objectsJson, List.of());
  }

  /**
   * POSTs the objects in one envelope that also says, for a Bulwark peer, where each comes from
   * ({@value ProvenanceClaim#PROPERTY}, one entry per object); a server that does not know the
   * property ignores it (TAXII 2.1 section 7.1). No property when {@code provenance} is empty.
   */
  public Status add(
      URI apiRoot,
      String collectionId,
      List<String> objectsJson,
      List<ProvenanceClaim> provenance) {
    if (!provenance.isEmpty() && provenance.size() != objectsJson.size()) {
      throw new IllegalArgumentException(
          objectsJson.size() + " objects but " + provenance.size() + " provenance entries");
    }
    StringBuilder body = new StringBuilder("{\"objects\":[");
    for (int i = 0; i < objectsJson.size(); i++) {
      body.append(i == 0 ? "" : ",").append(objectsJson.get(i));
    }
    body.append(']');
    if (!provenance.isEmpty()) {
      body.append(",\"").append(ProvenanceClaim.PROPERTY).append("\":[");
      for (int i = 0; i < provenance.size(); i++) {
        body.append(i == 0 ? "" : ",").append(provenance.get(i).toJson());
      }
      body.append(']');
    }
    body.append('}');
    HttpRequest request =
        request(collectionUri(apiRoot, collectionId).resolve("objects/"))
            .header("Content-Type", MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    return statusOf(send(request).body);
  }

  public Status status(URI apiRoot, String statusId) {
    return statusOf(get(dir(apiRoot).resolve("status/" + seg(statusId) + "/")).body);
  }

  /** Deletes an object (all versions, or those of {@code match[version]} in the query). */
  public void delete(URI apiRoot, String collectionId, String objectId, TaxiiQuery query) {
    send(
        request(withQuery(objectUri(apiRoot, collectionId, objectId), query, Optional.empty()))
            .DELETE()
            .build());
  }

  // ---- plumbing ----

  private record Answer(JsonNode body, HttpResponse<String> response) {}

  private Answer get(URI uri) {
    return send(request(uri).GET().build());
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", MEDIA_TYPE)
            .header("User-Agent", "bulwark-taxii-client/1");
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b;
  }

  private Answer send(HttpRequest request) {
    return answer(request, exchange(request));
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaxiiClientException(0, "interrupted: " + request.uri(), e);
    }
  }

  private static TaxiiClientException unreachable(HttpRequest request, Throwable e) {
    return new TaxiiClientException(
        0, request.method() + " " + request.uri() + ": " + reason(e), e);
  }

  /** Why a connection failed, in words (the JDK leaves some of these messages empty). */
  private static String reason(Throwable e) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    return e.getCause() != null && e.getCause() != e ? reason(e.getCause()) : "cannot connect";
  }

  /** Reads the body as JSON; throws TaxiiClientException for an error status. */
  private static Answer answer(HttpRequest request, HttpResponse<String> response) {
    JsonNode body;
    try {
      body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (JacksonException e) {
      body = JSON.createObjectNode();
    }
    if (response.statusCode() >= 400) {
      String detail =
          body.path("title").asString("")
              + (body.has("description") ? ": " + body.path("description").asString("") : "");
      throw new TaxiiClientException(
          response.statusCode(),
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + (detail.isBlank() ? "" : " (" + detail + ")"),
          null);
    }
    return new Answer(body, response);
  }

  /**
   * Reads an envelope in one pass over the text: each object is cut out of the body and parsed once
   * into its own tree (no whole-body tree that would then be copied object by object). An item that
   * is not a well-formed JSON object is counted as malformed and skipped.
   */
  private static Envelope envelopeOf(HttpRequest request, HttpResponse<String> response) {
    if (response.statusCode() >= 400) {
      answer(request, response); // throws with the server's error message
    }
    String body = response.body();
    Members m = new Members();
    if (!body.isBlank()) {
      try (JsonParser p = JSON.createParser(body)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new TaxiiClientException(
              response.statusCode(),
              request.method()
                  + " "
                  + request.uri()
                  + " answered something that is not a TAXII envelope",
              null);
        }
        readMembers(p, body, m);
      } catch (JacksonException e) {
        throw new TaxiiClientException(
            response.statusCode(),
            request.method()
                + " "
                + request.uri()
                + " answered malformed JSON: "
                + e.getOriginalMessage(),
            e);
      }
    }
    List<Optional<ProvenanceClaim>> provenance = new ArrayList<>(m.objects.size());
    Optional<List<ProvenanceClaim>> claimed = ProvenanceClaim.ofProperty(m.claims, m.items);
    for (int position : m.positions) {
      provenance.add(claimed.map(c -> c.get(position)));
    }
    return new Envelope(
        m.objects,
        m.more,
        m.next,
        response.headers().firstValue("X-TAXII-Date-Added-First"),
        response.headers().firstValue("X-TAXII-Date-Added-Last"),
        m.malformed,
        provenance);
  }

  /** The members of an envelope as they are read. Not thread-safe: one per response. */
  private static final class Members {
    final List<StixObject> objects = new ArrayList<>();
    // each object's position among the items of the objects array, to align the provenance claims
    final List<Integer> positions = new ArrayList<>();
    int items;
    int malformed;
    JsonNode claims;
    boolean more;
    Optional<String> next = Optional.empty();
  }

  /** Reads the envelope's members after its opening brace; skips those it does not know. */
  private static void readMembers(JsonParser p, String body, Members m) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("objects".equals(name) && value == JsonToken.START_ARRAY) {
        readObjects(p, body, m);
      } else if (ProvenanceClaim.PROPERTY.equals(name)) {
        m.claims = p.readValueAsTree();
      } else if ("more".equals(name) && value.isBoolean()) {
        m.more = p.getBooleanValue();
      } else if ("next".equals(name)
          && value == JsonToken.VALUE_STRING
          && !p.getString().isEmpty()) {
        m.next = Optional.of(p.getString());
      } else {
        p.skipChildren();
      }
    }
  }

  /** Cuts each object of the objects array out of the body and parses it once. */
  private static void readObjects(JsonParser p, String body, Members m) {
    JsonToken value;
    while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
      int item = m.items++;
      if (value != JsonToken.START_OBJECT) {
        m.malformed++;
        p.skipChildren();
        continue;
      }
      int from = (int) p.currentTokenLocation().getCharOffset();
      p.skipChildren();
      int to = (int) p.currentTokenLocation().getCharOffset() + 1;
      try {
        m.objects.add(CODEC.parseObject(body.substring(from, to)));
        m.positions.add(item);
      } catch (StixParseException e) {
        m.malformed++;
      }
    }
  }

  private static Collection collectionOf(JsonNode c) {
    List<String> media = new ArrayList<>();
    c.path("media_types").forEach(m -> media.add(m.asString()));
    return new Collection(
        c.path("id").asString(""),
        c.path("title").asString(""),
        c.path("description").asString(""),
        text(c, "alias"),
        c.path("can_read").asBoolean(false),
        c.path("can_write").asBoolean(false),
        media);
  }

  private static Status statusOf(JsonNode s) {
    return new Status(
        s.path("id").asString(""),
        s.path("status").asString(""),
        s.path("total_count").asLong(0),
        s.path("success_count").asLong(0),
        s.path("failure_count").asLong(0),
        s.path("pending_count").asLong(0),
        details(s.path("successes")),
        details(s.path("failures")));
  }

  private static List<StatusDetail> details(JsonNode list) {
    List<StatusDetail> out = new ArrayList<>();
    list.forEach(
        d ->
            out.add(
                new StatusDetail(
                    d.path("id").asString(""),
                    d.path("version").asString(""),
                    d.path("message").asString(""))));
    return out;
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isString() && !v.asString().isEmpty()
        ? Optional.of(v.asString())
        : Optional.empty();
  }

  private static URI dir(URI u) {
    String s = u.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  private static URI collectionUri(URI apiRoot, String collectionId) {
    return dir(apiRoot).resolve("collections/" + seg(collectionId) + "/");
  }

  private static URI objectUri(URI apiRoot, String collectionId, String objectId) {
    return collectionUri(apiRoot, collectionId).resolve("objects/" + seg(objectId) + "/");
  }

  private static URI withQuery(URI uri, TaxiiQuery q, Optional<String> next) {
    String qs = q.toQueryString(next);
    return qs.isEmpty() ? uri : URI.create(uri + "?" + qs);
  }

  private static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
