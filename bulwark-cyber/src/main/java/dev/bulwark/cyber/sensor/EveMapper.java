package dev.bulwark.cyber.sensor;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ObservationBuilder;
import dev.bulwark.cyber.observe.RejectCause;
import dev.bulwark.cyber.observe.Rejected;
import dev.bulwark.cyber.observe.Times;
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
final class EveMapper {
  private static final FieldShape SHAPE = new FieldShape();
  private static final int EVENT_TYPE = SHAPE.value("event_type");
  private static final int TIMESTAMP = SHAPE.value("timestamp");
  private static final int SRC_IP = SHAPE.value("src_ip");
  private static final int DEST_IP = SHAPE.value("dest_ip");
  private static final int SRC_PORT = SHAPE.value("src_port");
  private static final int DEST_PORT = SHAPE.value("dest_port");
  private static final int PROTO = SHAPE.value("proto");
  private static final int APP_PROTO = SHAPE.value("app_proto");
  private static final FieldShape FLOW_SHAPE = SHAPE.object("flow");
  private static final int FLOW = SHAPE.slotOf("flow");
  private static final int FLOW_START = FLOW_SHAPE.value("start");
  private static final int FLOW_END = FLOW_SHAPE.value("end");
  private static final int BYTES_TOSERVER = FLOW_SHAPE.value("bytes_toserver");
  private static final int BYTES_TOCLIENT = FLOW_SHAPE.value("bytes_toclient");
  private static final int PKTS_TOSERVER = FLOW_SHAPE.value("pkts_toserver");
  private static final int PKTS_TOCLIENT = FLOW_SHAPE.value("pkts_toclient");
  private static final FieldShape DNS_SHAPE = SHAPE.object("dns");
  private static final int DNS = SHAPE.slotOf("dns");
  private static final int DNS_TYPE = DNS_SHAPE.value("type");
  private static final int DNS_RRNAME = DNS_SHAPE.value("rrname");
  private static final int DNS_RRTYPE = DNS_SHAPE.value("rrtype");
  private static final int DNS_RDATA = DNS_SHAPE.value("rdata");
  private static final int DNS_QUERIES = DNS_SHAPE.tree("queries");
  private static final int DNS_ANSWERS = DNS_SHAPE.tree("answers");
  private static final int DNS_GROUPED = DNS_SHAPE.tree("grouped");
  private static final FieldShape HTTP_SHAPE = SHAPE.object("http");
  private static final int HTTP = SHAPE.slotOf("http");
  private static final int HTTP_HOSTNAME = HTTP_SHAPE.value("hostname");
  private static final int HTTP_URL = HTTP_SHAPE.value("url");
  private static final int HTTP_METHOD = HTTP_SHAPE.value("http_method");
  private static final int HTTP_PROTOCOL = HTTP_SHAPE.value("protocol");
  private static final int HTTP_USER_AGENT = HTTP_SHAPE.value("http_user_agent");
  private static final int HTTP_REFER = HTTP_SHAPE.value("http_refer");
  private static final FieldShape TLS_SHAPE = SHAPE.object("tls");
  private static final int TLS = SHAPE.slotOf("tls");
  private static final int TLS_SNI = TLS_SHAPE.value("sni");
  private static final int TLS_SUBJECT = TLS_SHAPE.value("subject");
  private static final int TLS_ISSUERDN = TLS_SHAPE.value("issuerdn");
  private static final int TLS_SERIAL = TLS_SHAPE.value("serial");
  private static final int TLS_FINGERPRINT = TLS_SHAPE.value("fingerprint");
  private static final int TLS_NOTBEFORE = TLS_SHAPE.value("notbefore");
  private static final int TLS_NOTAFTER = TLS_SHAPE.value("notafter");
  private static final int TLS_VERSION = TLS_SHAPE.value("version");
  private static final int JA3_HASH = TLS_SHAPE.object("ja3").value("hash");
  private static final int JA3S_HASH = TLS_SHAPE.object("ja3s").value("hash");
  private static final FieldShape FILEINFO_SHAPE = SHAPE.object("fileinfo");
  private static final int FILEINFO = SHAPE.slotOf("fileinfo");
  private static final int FILE_NAME = FILEINFO_SHAPE.value("filename");
  private static final int FILE_MD5 = FILEINFO_SHAPE.value("md5");
  private static final int FILE_SHA1 = FILEINFO_SHAPE.value("sha1");
  private static final int FILE_SHA256 = FILEINFO_SHAPE.value("sha256");
  private static final int FILE_SIZE = FILEINFO_SHAPE.value("size");
  private static final FieldShape ALERT_SHAPE = SHAPE.object("alert");
  private static final int ALERT = SHAPE.slotOf("alert");
  private static final int ALERT_SIGNATURE = ALERT_SHAPE.value("signature");
  private static final int ALERT_CATEGORY = ALERT_SHAPE.value("category");
  private static final int ALERT_SIGNATURE_ID = ALERT_SHAPE.value("signature_id");
  private static final int ALERT_SEVERITY = ALERT_SHAPE.value("severity");

  static {
    SHAPE.done();
  }

  /** The fields an EVE event is read for (all others are skipped unread). */
  static FieldShape shape() {
    return SHAPE;
  }

  /** Maps an event read into {@link #shape()}; throws {@link Rejected} when it cannot be used. */
  Observation map(FieldValues e) throws Rejected {
    String type = e.text(EVENT_TYPE);
    if (type == null) {
      throw new Rejected(RejectCause.UNSUPPORTED_TYPE, "event_type: missing");
    }
    long ts = e.requiredTime(TIMESTAMP, "timestamp");
    if ("stats".equals(type)) {
      throw new Rejected(RejectCause.NO_OBSERVABLE, "event_type: stats has no observable");
    }
    ObservationBuilder b = new ObservationBuilder();
    ObjectNode traffic = traffic(e, b);
    long last = ts;
    switch (type) {
      case "flow", "netflow" -> last = flow(e, traffic, ts);
      case "dns" -> dns(e, b, traffic);
      case "http" -> http(e, b, traffic);
      case "tls" -> tls(e, b, traffic);
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
  private static ObjectNode traffic(FieldValues e, ObservationBuilder b) throws Rejected {
    String src = e.text(SRC_IP);
    String dst = e.text(DEST_IP);
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
    e.port(SRC_PORT, "src_port", t, "src_port");
    e.port(DEST_PORT, "dest_port", t, "dst_port");
    ArrayNode protocols = t.putArray("protocols");
    String proto = e.text(PROTO);
    protocols.add(proto == null ? "ip" : proto.toLowerCase(Locale.ROOT));
    String app = e.text(APP_PROTO);
    if (app != null && !"failed".equals(app)) {
      protocols.add(app.toLowerCase(Locale.ROOT));
    }
    b.add(t);
    return t;
  }

  private static long flow(FieldValues e, ObjectNode t, long ts) throws Rejected {
    if (!e.isObject(FLOW) || t == null) {
      return ts;
    }
    OptionalLong start = e.time(FLOW_START, "start");
    OptionalLong end = e.time(FLOW_END, "end");
    if (start.isPresent()) {
      t.put("start", Times.formatMicros(start.getAsLong()));
    }
    if (end.isPresent()) {
      t.put("end", Times.formatMicros(end.getAsLong()));
    }
    e.count(BYTES_TOSERVER, "bytes_toserver", t, "src_byte_count");
    e.count(BYTES_TOCLIENT, "bytes_toclient", t, "dst_byte_count");
    e.count(PKTS_TOSERVER, "pkts_toserver", t, "src_packets");
    e.count(PKTS_TOCLIENT, "pkts_toclient", t, "dst_packets");
    return Math.max(ts, end.orElse(ts));
  }

  /**
   * DNS in all three EVE layouts: one record per event (Suricata 2/3: {@code type}, {@code rrname},
   * {@code rrtype}, {@code rdata}), and version 2's {@code answers} list or {@code grouped} map.
   */
  private static void dns(FieldValues d, ObservationBuilder b, ObjectNode t) {
    if (!d.isObject(DNS)) {
      return;
    }
    String rrname = d.text(DNS_RRNAME);
    String queried = rrname == null ? null : b.domain(rrname);
    if (rrname != null && "answer".equals(d.text(DNS_TYPE))) {
      resolve(b, queried, d.text(DNS_RRTYPE), d.text(DNS_RDATA));
    }
    JsonNode queries = d.node(DNS_QUERIES);
    if (queries != null && queries.isArray()) {
      for (JsonNode q : queries) {
        String name = Fields.text(q, "rrname");
        if (name != null) {
          queried = queried == null ? b.domain(name) : queried;
          b.domain(name);
        }
      }
    }
    JsonNode answers = d.node(DNS_ANSWERS);
    if (answers != null && answers.isArray()) {
      for (JsonNode a : answers) {
        String name = Fields.text(a, "rrname");
        String owner = name == null ? queried : b.domain(name);
        if (a.has("rdata")) {
          resolve(b, owner, Fields.text(a, "rrtype"), Fields.text(a, "rdata"));
        } else {
          // DNS v3 / LLMNR: the record type is the key of its data ("a": "192.0.2.1")
          resolve(b, owner, "A", Fields.text(a, "a"));
          resolve(b, owner, "AAAA", Fields.text(a, "aaaa"));
          resolve(b, owner, "CNAME", Fields.text(a, "cname"));
        }
      }
    }
    JsonNode grouped = d.node(DNS_GROUPED);
    if (grouped != null && grouped.isObject() && queried != null) {
      for (String rrtype : grouped.propertyNames()) {
        for (JsonNode v : grouped.get(rrtype)) {
          resolve(b, queried, rrtype, v.isString() ? v.asString() : null);
        }
      }
    }
    if (t != null && !hasDns((ArrayNode) t.get("protocols"))) {
      ((ArrayNode) t.get("protocols")).add("dns");
    }
  }

  /**
   * Whether the protocols name dns — as the tree read tested it, by {@code "dns"} in the list's
   * JSON text, which an entry ending in a quote and {@code dns} also gives.
   */
  private static boolean hasDns(ArrayNode protocols) {
    for (JsonNode p : protocols) {
      String s = p.asString();
      if ("dns".equals(s) || s.endsWith("\"dns")) {
        return true;
      }
    }
    return false;
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
  static void http(FieldValues e, ObservationBuilder b, ObjectNode t) throws Rejected {
    if (!e.isObject(HTTP)) {
      return;
    }
    String host = e.text(HTTP_HOSTNAME);
    String path = e.text(HTTP_URL);
    if (host != null) {
      b.domain(host);
    }
    // The server's port: the lower of the two (a fileinfo event runs server to client).
    int p = Math.min(serverPort(e, SRC_PORT, "src_port"), serverPort(e, DEST_PORT, "dest_port"));
    p = p > 65_535 ? 80 : p;
    if (host != null && path != null) {
      ObjectNode url = b.sco("url");
      url.put("value", Urls.of("http", host, p, path));
      b.add(url);
    }
    if (t == null) {
      return;
    }
    ObjectNode ext = t.putObject("extensions").putObject("http-request-ext");
    String method = e.text(HTTP_METHOD);
    ext.put("request_method", method == null ? "get" : method.toLowerCase(Locale.ROOT));
    ext.put("request_value", path == null ? "/" : path);
    String version = e.text(HTTP_PROTOCOL);
    if (version != null) {
      ext.put("request_version", version.toLowerCase(Locale.ROOT));
    }
    ObjectNode headers = ext.putObject("request_header");
    putIf(headers, "Host", host);
    putIf(headers, "User-Agent", e.text(HTTP_USER_AGENT));
    putIf(headers, "Referer", e.text(HTTP_REFER));
    if (headers.isEmpty()) {
      ext.remove("request_header");
    }
  }

  /** EVE's tls object: the SNI as domain-name, the server certificate, JA3/JA3S on the traffic. */
  private static void tls(FieldValues tls, ObservationBuilder b, ObjectNode t) throws Rejected {
    if (!tls.isObject(TLS)) {
      return;
    }
    String sni = tls.text(TLS_SNI);
    if (sni != null) {
      b.domain(sni);
    }
    ObjectNode cert = b.sco("x509-certificate");
    putIf(cert, "subject", tls.text(TLS_SUBJECT));
    putIf(cert, "issuer", tls.text(TLS_ISSUERDN));
    putIf(cert, "serial_number", tls.text(TLS_SERIAL));
    String fp = tls.text(TLS_FINGERPRINT);
    if (fp != null) {
      cert.putObject("hashes").put("SHA-1", fp.replace(":", "").toLowerCase(Locale.ROOT));
    }
    OptionalLong nb = tls.time(TLS_NOTBEFORE, "notbefore");
    OptionalLong na = tls.time(TLS_NOTAFTER, "notafter");
    if (nb.isPresent()) {
      cert.put("validity_not_before", Times.formatMicros(nb.getAsLong()));
    }
    if (na.isPresent()) {
      cert.put("validity_not_after", Times.formatMicros(na.getAsLong()));
    }
    if (cert.size() > 1) {
      b.add(cert);
    }
    if (t != null) {
      putIf(t, "x_tls_version", tls.text(TLS_VERSION));
      putIf(t, "x_ja3", tls.text(JA3_HASH));
      putIf(t, "x_ja3s", tls.text(JA3S_HASH));
    }
  }

  /** EVE's fileinfo: the file with its name, hashes and size, plus the carrying HTTP request. */
  private static void fileinfo(FieldValues e, ObservationBuilder b, ObjectNode t) throws Rejected {
    if (e.isObject(FILEINFO)) {
      ObjectNode file = b.sco("file");
      String name = e.text(FILE_NAME);
      if (name != null) {
        int slash = name.lastIndexOf('/');
        file.put(
            "name", slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name);
      }
      ObjectNode hashes = file.putObject("hashes");
      putIf(hashes, "MD5", lower(e.text(FILE_MD5)));
      putIf(hashes, "SHA-1", lower(e.text(FILE_SHA1)));
      putIf(hashes, "SHA-256", lower(e.text(FILE_SHA256)));
      if (hashes.isEmpty()) {
        file.remove("hashes");
      }
      e.count(FILE_SIZE, "size", file, "size");
      if (file.size() > 1) {
        b.add(file);
      }
    }
    http(e, b, t);
  }

  /** An alert: its signature on the traffic, and whatever protocol section it carries. */
  private static void alert(FieldValues e, ObservationBuilder b, ObjectNode t) throws Rejected {
    if (t != null && e.isObject(ALERT)) {
      ObjectNode x = t.putObject("x_suricata_alert");
      putIf(x, "signature", e.text(ALERT_SIGNATURE));
      putIf(x, "category", e.text(ALERT_CATEGORY));
      if (e.isIntegral(ALERT_SIGNATURE_ID)) {
        x.put("signature_id", whole(e.longValue(ALERT_SIGNATURE_ID), "signature_id"));
      }
      if (e.isIntegral(ALERT_SEVERITY)) {
        x.put("severity", (int) whole(e.intValue(ALERT_SEVERITY), "severity"));
      }
    }
    http(e, b, t);
    dns(e, b, null);
    tls(e, b, t);
  }

  /** A port of the event as the tree read it: 65,536 when not a whole number. */
  private static int serverPort(FieldValues e, int slot, String name) throws Rejected {
    return e.isIntegral(slot) ? (int) whole(e.intValue(slot), name) : 65_536;
  }

  /** A whole number that must fit (the tree read threw here: now a rejection). */
  static long whole(OptionalLong v, String name) throws Rejected {
    if (v.isEmpty()) {
      throw new Rejected(RejectCause.BAD_NUMBER, name + ": out of range");
    }
    return v.getAsLong();
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
