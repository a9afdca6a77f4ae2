package dev.bulwark.cyber.sensor.tree;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ObservationBuilder;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import dev.bulwark.stix.StixTimestamps;
import java.util.Locale;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one Suricata EVE JSON event to an {@link Observation}: the 5-tuple to a {@code
 * network-traffic} with {@code ipv4-addr}/{@code ipv6-addr} ends, and per event type the {@code
 * domain-name}, {@code url}, {@code http-request-ext}, {@code x509-certificate} and {@code file}
 * objects; {@code docs/cyber-sensors.md} lists every field. Event types without observables of
 * their own ({@code ssh}, {@code smb}, {@code anomaly}...) still yield their network-traffic;
 * {@code stats} and events without addresses are rejected as {@link RejectCause#NO_OBSERVABLE}.
 * Stateless and thread-safe.
 */
public final class TreeEveMapper {

  /** Maps an event; throws {@link Rejected} with the cause when the line cannot be used. */
  public Observation map(JsonNode e) throws Rejected {
    if (!e.isObject()) {
      throw new Rejected(RejectCause.NOT_JSON, "line: not a JSON object");
    }
    String type = TreeFields.text(e, "event_type");
    if (type == null) {
      throw new Rejected(RejectCause.UNSUPPORTED_TYPE, "event_type: missing");
    }
    long ts = TreeFields.requiredTime(e, "timestamp");
    if ("stats".equals(type)) {
      throw new Rejected(RejectCause.NO_OBSERVABLE, "event_type: stats has no observable");
    }
    ObservationBuilder b = new ObservationBuilder();
    ObjectNode traffic = traffic(e, b);
    long last = ts;
    switch (type) {
      case "flow", "netflow" -> last = flow(e, traffic, ts);
      case "dns" -> dns(e.get("dns"), b, traffic);
      case "http" -> http(e, b, traffic);
      case "tls" -> tls(e.get("tls"), b, traffic);
      case "fileinfo" -> fileinfo(e, b, traffic);
      case "alert" -> alert(e, b, traffic);
      default -> {
        // ssh, smb, anomaly, ...: the addresses and ports are the observables
      }
    }
    if (b.isEmpty()) {
      throw new Rejected(RejectCause.NO_OBSERVABLE, "event: no address, name or hash");
    }
    return b.build("eve:" + type, ts, last);
  }

  /** The network-traffic of the event's 5-tuple, added to the builder; null without addresses. */
  private static ObjectNode traffic(JsonNode e, ObservationBuilder b) throws Rejected {
    String src = TreeFields.text(e, "src_ip");
    String dst = TreeFields.text(e, "dest_ip");
    if (src == null && dst == null) {
      return null;
    }
    ObjectNode t = b.sco("network-traffic");
    if (src != null) {
      t.put("src_ref", b.address("src_ip", src));
    }
    if (dst != null) {
      t.put("dst_ref", b.address("dest_ip", dst));
    }
    TreeFields.port(e, "src_port", t, "src_port");
    TreeFields.port(e, "dest_port", t, "dst_port");
    ArrayNode protocols = t.putArray("protocols");
    String proto = TreeFields.text(e, "proto");
    protocols.add(proto == null ? "ip" : proto.toLowerCase(Locale.ROOT));
    String app = TreeFields.text(e, "app_proto");
    if (app != null && !"failed".equals(app)) {
      protocols.add(app.toLowerCase(Locale.ROOT));
    }
    b.add(t);
    return t;
  }

  private static long flow(JsonNode e, ObjectNode t, long ts) throws Rejected {
    JsonNode f = e.get("flow");
    if (f == null || !f.isObject() || t == null) {
      return ts;
    }
    OptionalLong start = TreeFields.time(f, "start");
    OptionalLong end = TreeFields.time(f, "end");
    if (start.isPresent()) {
      t.put("start", StixTimestamps.formatMicros(start.getAsLong()));
    }
    if (end.isPresent()) {
      t.put("end", StixTimestamps.formatMicros(end.getAsLong()));
    }
    TreeFields.count(f, "bytes_toserver", t, "src_byte_count");
    TreeFields.count(f, "bytes_toclient", t, "dst_byte_count");
    TreeFields.count(f, "pkts_toserver", t, "src_packets");
    TreeFields.count(f, "pkts_toclient", t, "dst_packets");
    return Math.max(ts, end.orElse(ts));
  }

  /**
   * DNS in all three EVE layouts: one record per event (Suricata 2/3: {@code type}, {@code rrname},
   * {@code rrtype}, {@code rdata}), and version 2's {@code answers} list or {@code grouped} map.
   */
  private static void dns(JsonNode d, ObservationBuilder b, ObjectNode t) {
    if (d == null || !d.isObject()) {
      return;
    }
    String rrname = TreeFields.text(d, "rrname");
    String queried = rrname == null ? null : b.domain(rrname);
    if (rrname != null && "answer".equals(TreeFields.text(d, "type"))) {
      resolve(b, queried, TreeFields.text(d, "rrtype"), TreeFields.text(d, "rdata"));
    }
    JsonNode queries = d.get("queries");
    if (queries != null && queries.isArray()) {
      for (JsonNode q : queries) {
        String name = TreeFields.text(q, "rrname");
        if (name != null) {
          queried = queried == null ? b.domain(name) : queried;
          b.domain(name);
        }
      }
    }
    JsonNode answers = d.get("answers");
    if (answers != null && answers.isArray()) {
      for (JsonNode a : answers) {
        String name = TreeFields.text(a, "rrname");
        String owner = name == null ? queried : b.domain(name);
        if (a.has("rdata")) {
          resolve(b, owner, TreeFields.text(a, "rrtype"), TreeFields.text(a, "rdata"));
        } else {
          // DNS v3 / LLMNR: the record type is the key of its data ("a": "192.0.2.1")
          resolve(b, owner, "A", TreeFields.text(a, "a"));
          resolve(b, owner, "AAAA", TreeFields.text(a, "aaaa"));
          resolve(b, owner, "CNAME", TreeFields.text(a, "cname"));
        }
      }
    }
    JsonNode grouped = d.get("grouped");
    if (grouped != null && grouped.isObject() && queried != null) {
      for (String rrtype : grouped.propertyNames()) {
        for (JsonNode v : grouped.get(rrtype)) {
          resolve(b, queried, rrtype, v.isString() ? v.asString() : null);
        }
      }
    }
    if (t != null && !t.get("protocols").toString().contains("\"dns\"")) {
      ((ArrayNode) t.get("protocols")).add("dns");
    }
  }

  /** A/AAAA answers become resolves_to_refs of the name; CNAME a domain-name it resolves to. */
  static void resolve(ObservationBuilder b, String owner, String rrtype, String rdata) {
    if (owner == null || rrtype == null || rdata == null) {
      return;
    }
    String target =
        switch (rrtype) {
          case "A", "AAAA" -> b.addressIfAny(rdata).orElse(null);
          case "CNAME" -> b.domain(rdata);
          default -> null;
        };
    if (target == null) {
      return;
    }
    ObjectNode d = b.get(owner);
    ArrayNode refs =
        d.has("resolves_to_refs")
            ? (ArrayNode) d.get("resolves_to_refs")
            : d.putArray("resolves_to_refs");
    for (JsonNode r : refs) {
      if (r.asString().equals(target)) {
        return;
      }
    }
    refs.add(target);
  }

  /** EVE's http object: domain-name of the host, url, and the request as http-request-ext. */
  static void http(JsonNode e, ObservationBuilder b, ObjectNode t) {
    JsonNode h = e.get("http");
    if (h == null || !h.isObject()) {
      return;
    }
    String host = TreeFields.text(h, "hostname");
    String path = TreeFields.text(h, "url");
    if (host != null) {
      b.domain(host);
    }
    // The server's port: the lower of the two (a fileinfo event runs server to client).
    JsonNode sp = e.get("src_port");
    JsonNode dp = e.get("dest_port");
    int p =
        Math.min(
            sp != null && sp.isIntegralNumber() ? sp.asInt() : 65_536,
            dp != null && dp.isIntegralNumber() ? dp.asInt() : 65_536);
    p = p > 65_535 ? 80 : p;
    if (host != null && path != null) {
      ObjectNode url = b.sco("url");
      url.put("value", TreeUrls.of("http", host, p, path));
      b.add(url);
    }
    if (t == null) {
      return;
    }
    ObjectNode ext = t.putObject("extensions").putObject("http-request-ext");
    String method = TreeFields.text(h, "http_method");
    ext.put("request_method", method == null ? "get" : method.toLowerCase(Locale.ROOT));
    ext.put("request_value", path == null ? "/" : path);
    String version = TreeFields.text(h, "protocol");
    if (version != null) {
      ext.put("request_version", version.toLowerCase(Locale.ROOT));
    }
    ObjectNode headers = ext.putObject("request_header");
    putIf(headers, "Host", host);
    putIf(headers, "User-Agent", TreeFields.text(h, "http_user_agent"));
    putIf(headers, "Referer", TreeFields.text(h, "http_refer"));
    if (headers.isEmpty()) {
      ext.remove("request_header");
    }
  }

  /** EVE's tls object: the SNI as domain-name, the server certificate, JA3/JA3S on the traffic. */
  private static void tls(JsonNode tls, ObservationBuilder b, ObjectNode t) throws Rejected {
    if (tls == null || !tls.isObject()) {
      return;
    }
    String sni = TreeFields.text(tls, "sni");
    if (sni != null) {
      b.domain(sni);
    }
    ObjectNode cert = b.sco("x509-certificate");
    putIf(cert, "subject", TreeFields.text(tls, "subject"));
    putIf(cert, "issuer", TreeFields.text(tls, "issuerdn"));
    putIf(cert, "serial_number", TreeFields.text(tls, "serial"));
    String fp = TreeFields.text(tls, "fingerprint");
    if (fp != null) {
      cert.putObject("hashes").put("SHA-1", fp.replace(":", "").toLowerCase(Locale.ROOT));
    }
    OptionalLong nb = TreeFields.time(tls, "notbefore");
    OptionalLong na = TreeFields.time(tls, "notafter");
    if (nb.isPresent()) {
      cert.put("validity_not_before", StixTimestamps.formatMicros(nb.getAsLong()));
    }
    if (na.isPresent()) {
      cert.put("validity_not_after", StixTimestamps.formatMicros(na.getAsLong()));
    }
    if (cert.size() > 1) {
      b.add(cert);
    }
    if (t != null) {
      putIf(t, "x_tls_version", TreeFields.text(tls, "version"));
      JsonNode ja3 = tls.get("ja3");
      JsonNode ja3s = tls.get("ja3s");
      putIf(t, "x_ja3", ja3 == null ? null : TreeFields.text(ja3, "hash"));
      putIf(t, "x_ja3s", ja3s == null ? null : TreeFields.text(ja3s, "hash"));
    }
  }

  /** EVE's fileinfo: the file with its name, hashes and size, plus the carrying HTTP request. */
  private static void fileinfo(JsonNode e, ObservationBuilder b, ObjectNode t) throws Rejected {
    JsonNode f = e.get("fileinfo");
    if (f != null && f.isObject()) {
      ObjectNode file = b.sco("file");
      String name = TreeFields.text(f, "filename");
      if (name != null) {
        int slash = name.lastIndexOf('/');
        file.put(
            "name", slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name);
      }
      ObjectNode hashes = file.putObject("hashes");
      putIf(hashes, "MD5", lower(TreeFields.text(f, "md5")));
      putIf(hashes, "SHA-1", lower(TreeFields.text(f, "sha1")));
      putIf(hashes, "SHA-256", lower(TreeFields.text(f, "sha256")));
      if (hashes.isEmpty()) {
        file.remove("hashes");
      }
      TreeFields.count(f, "size", file, "size");
      if (file.size() > 1) {
        b.add(file);
      }
    }
    http(e, b, t);
  }

  /** An alert: its signature on the traffic, and whatever protocol section it carries. */
  private static void alert(JsonNode e, ObservationBuilder b, ObjectNode t) throws Rejected {
    JsonNode a = e.get("alert");
    if (t != null && a != null && a.isObject()) {
      ObjectNode x = t.putObject("x_suricata_alert");
      putIf(x, "signature", TreeFields.text(a, "signature"));
      putIf(x, "category", TreeFields.text(a, "category"));
      JsonNode sid = a.get("signature_id");
      if (sid != null && sid.isIntegralNumber()) {
        x.put("signature_id", sid.asLong());
      }
      JsonNode sev = a.get("severity");
      if (sev != null && sev.isIntegralNumber()) {
        x.put("severity", sev.asInt());
      }
    }
    http(e, b, t);
    dns(e.get("dns"), b, null);
    tls(e.get("tls"), b, t);
  }

  static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
