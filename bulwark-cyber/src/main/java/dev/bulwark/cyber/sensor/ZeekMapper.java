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
 * Maps one Zeek log record (conn, dns, http, ssl, files, x509) to an {@link Observation}. The
 * record is a flat JSON object with Zeek's dotted field names ({@code id.orig_h}), as Zeek's JSON
 * writer prints it and as {@link ZeekTsvHeader} makes it from a TSV row. The log is named by {@code
 * _path} (JSON writer with {@code LogAscii::use_json}, json-streaming-logs), else by the caller's
 * hint (the TSV {@code #path} header), else recognised by its fields. {@code docs/cyber-sensors.md}
 * lists every field. Stateless and thread-safe.
 */
final class ZeekMapper {
  private static final FieldShape SHAPE = new FieldShape();
  private static final int PATH = SHAPE.value("_path");
  private static final int TS = SHAPE.value("ts");
  private static final int ORIG_H = SHAPE.value("id.orig_h");
  private static final int RESP_H = SHAPE.value("id.resp_h");
  private static final int ORIG_P = SHAPE.value("id.orig_p");
  private static final int RESP_P = SHAPE.value("id.resp_p");
  private static final int PROTO = SHAPE.value("proto");
  private static final int SERVICE = SHAPE.value("service");
  private static final int DURATION = SHAPE.value("duration");
  private static final int ORIG_BYTES = SHAPE.value("orig_bytes");
  private static final int RESP_BYTES = SHAPE.value("resp_bytes");
  private static final int ORIG_PKTS = SHAPE.value("orig_pkts");
  private static final int RESP_PKTS = SHAPE.value("resp_pkts");
  private static final int CONN_STATE = SHAPE.presence("conn_state");
  private static final int QUERY = SHAPE.value("query");
  private static final int QTYPE_NAME = SHAPE.value("qtype_name");
  private static final int ANSWERS = SHAPE.tree("answers");
  private static final int HOST = SHAPE.value("host");
  private static final int URI = SHAPE.value("uri");
  private static final int METHOD = SHAPE.value("method");
  private static final int STATUS_CODE = SHAPE.presence("status_code");
  private static final int VERSION = SHAPE.value("version");
  private static final int USER_AGENT = SHAPE.value("user_agent");
  private static final int REFERRER = SHAPE.value("referrer");
  private static final int SERVER_NAME = SHAPE.value("server_name");
  private static final int CIPHER = SHAPE.presence("cipher");
  private static final int SUBJECT = SHAPE.value("subject");
  private static final int ISSUER = SHAPE.value("issuer");
  private static final int JA3 = SHAPE.value("ja3");
  private static final int JA3S = SHAPE.value("ja3s");
  private static final int FUID = SHAPE.presence("fuid");
  private static final int TX_HOSTS = SHAPE.tree("tx_hosts");
  private static final int RX_HOSTS = SHAPE.tree("rx_hosts");
  private static final int FILENAME = SHAPE.value("filename");
  private static final int MIME_TYPE = SHAPE.value("mime_type");
  private static final int MD5 = SHAPE.value("md5");
  private static final int SHA1 = SHAPE.value("sha1");
  private static final int SHA256 = SHAPE.value("sha256");
  private static final int TOTAL_BYTES = SHAPE.value("total_bytes");
  private static final int CERT_SERIAL = SHAPE.value("certificate.serial");
  private static final int CERT_SUBJECT = SHAPE.value("certificate.subject");
  private static final int CERT_ISSUER = SHAPE.value("certificate.issuer");
  private static final int CERT_VERSION = SHAPE.value("certificate.version");
  private static final int CERT_NOT_BEFORE = SHAPE.value("certificate.not_valid_before");
  private static final int CERT_NOT_AFTER = SHAPE.value("certificate.not_valid_after");
  private static final int FINGERPRINT = SHAPE.value("fingerprint");
  private static final int SAN_DNS = SHAPE.tree("san.dns");

  static {
    SHAPE.done();
  }

  /** The fields a Zeek record is read for (all others are skipped unread). */
  static FieldShape shape() {
    return SHAPE;
  }

  /** Maps a record; {@code pathHint} is the log name when the record does not carry one. */
  Observation map(FieldValues r, String pathHint) throws Rejected {
    String path = r.text(PATH);
    if (path == null) {
      path = pathHint != null ? pathHint : guess(r);
    }
    long ts = r.requiredTime(TS, "ts");
    ObservationBuilder b = new ObservationBuilder();
    long last = ts;
    switch (path) {
      case "conn" -> last = conn(r, b, ts);
      case "dns" -> dns(r, b);
      case "http" -> http(r, b);
      case "ssl" -> ssl(r, b);
      case "files" -> files(r, b);
      case "x509" -> x509(r, b);
      default -> throw new Rejected(RejectCause.UNSUPPORTED_TYPE, "_path: " + clip(path));
    }
    if (b.isEmpty()) {
      throw new Rejected(RejectCause.NO_OBSERVABLE, path + ": no address, name or hash");
    }
    return b.build("zeek:" + path, ts, last);
  }

  /** Names the log of a record without {@code _path} by fields only that log has. */
  static String guess(FieldValues r) {
    if (r.has(CONN_STATE) || r.has(ORIG_PKTS)) {
      return "conn";
    }
    if (r.has(QUERY) || r.has(QTYPE_NAME)) {
      return "dns";
    }
    if (r.has(METHOD) || r.has(URI) || r.has(STATUS_CODE)) {
      return "http";
    }
    if (r.has(SERVER_NAME) || r.has(CIPHER) || r.has(JA3)) {
      return "ssl";
    }
    if (r.has(CERT_SERIAL) || r.has(CERT_SUBJECT)) {
      return "x509";
    }
    if (r.has(FUID) && (r.has(MD5) || r.has(SHA1) || r.has(MIME_TYPE))) {
      return "files";
    }
    return "unknown";
  }

  private static ObjectNode traffic(FieldValues r, ObservationBuilder b, String app)
      throws Rejected {
    String src = r.text(ORIG_H);
    String dst = r.text(RESP_H);
    if (src == null && dst == null) {
      return null;
    }
    ObjectNode t = b.sco("network-traffic");
    if (src != null) {
      t.put("src_ref", b.address("id.orig_h", src));
    }
    if (dst != null) {
      t.put("dst_ref", b.address("id.resp_h", dst));
    }
    r.port(ORIG_P, "id.orig_p", t, "src_port");
    r.port(RESP_P, "id.resp_p", t, "dst_port");
    ArrayNode protocols = t.putArray("protocols");
    String proto = r.text(PROTO);
    protocols.add(proto == null ? (app == null ? "ip" : "tcp") : proto.toLowerCase(Locale.ROOT));
    if (app != null) {
      for (String s : app.split(",")) {
        String p = s.trim().toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && !p.startsWith("-")) {
          protocols.add(p);
        }
      }
    }
    b.add(t);
    return t;
  }

  private static long conn(FieldValues r, ObservationBuilder b, long ts) throws Rejected {
    ObjectNode t = traffic(r, b, r.text(SERVICE));
    long end = ts;
    if (r.isNumber(DURATION) && r.doubleValue(DURATION) >= 0) {
      end = ts + Math.round(r.doubleValue(DURATION) * 1_000_000d);
    }
    if (t != null) {
      t.put("start", Times.formatMicros(ts));
      t.put("end", Times.formatMicros(end));
      r.count(ORIG_BYTES, "orig_bytes", t, "src_byte_count");
      r.count(RESP_BYTES, "resp_bytes", t, "dst_byte_count");
      r.count(ORIG_PKTS, "orig_pkts", t, "src_packets");
      r.count(RESP_PKTS, "resp_pkts", t, "dst_packets");
    }
    return end;
  }

  private static void dns(FieldValues r, ObservationBuilder b) throws Rejected {
    traffic(r, b, "dns");
    String query = r.text(QUERY);
    if (query == null) {
      return;
    }
    String q = b.domain(query);
    String qtype = r.text(QTYPE_NAME);
    JsonNode answers = r.node(ANSWERS);
    if (answers == null || !answers.isArray()) {
      return;
    }
    for (JsonNode a : answers) {
      String v = a.isString() ? a.asString() : null;
      if (v == null || v.indexOf(' ') >= 0) {
        continue; // "TXT 18 ..." and similar: not a name or an address
      }
      if (b.addressIfAny(v).isPresent()) {
        EveMapper.resolve(b, q, v.indexOf(':') >= 0 ? "AAAA" : "A", v);
      } else if ("CNAME".equals(qtype) || v.indexOf('.') > 0) {
        EveMapper.resolve(b, q, "CNAME", v);
      }
    }
  }

  private static void http(FieldValues r, ObservationBuilder b) throws Rejected {
    ObjectNode t = traffic(r, b, "http");
    String host = r.text(HOST);
    String uri = r.text(URI);
    String method = r.text(METHOD);
    if (host != null) {
      int colon = host.lastIndexOf(':');
      boolean hostPort = colon > 0 && host.indexOf(':') == colon;
      b.domain(hostPort ? host.substring(0, colon) : host);
    }
    int p = r.isIntegral(RESP_P) ? (int) EveMapper.whole(r.intValue(RESP_P), "id.resp_p") : 80;
    if (host != null && uri != null && !"CONNECT".equals(method)) {
      ObjectNode url = b.sco("url");
      url.put("value", Urls.of("http", host, p, uri));
      b.add(url);
    }
    if (t == null) {
      return;
    }
    ObjectNode ext = t.putObject("extensions").putObject("http-request-ext");
    ext.put("request_method", method == null ? "get" : method.toLowerCase(Locale.ROOT));
    ext.put("request_value", uri == null ? "/" : uri);
    String version = r.text(VERSION);
    if (version != null) {
      ext.put("request_version", "http/" + version);
    }
    ObjectNode headers = ext.putObject("request_header");
    EveMapper.putIf(headers, "Host", host);
    EveMapper.putIf(headers, "User-Agent", r.text(USER_AGENT));
    EveMapper.putIf(headers, "Referer", r.text(REFERRER));
    if (headers.isEmpty()) {
      ext.remove("request_header");
    }
  }

  private static void ssl(FieldValues r, ObservationBuilder b) throws Rejected {
    ObjectNode t = traffic(r, b, "ssl");
    String sni = r.text(SERVER_NAME);
    if (sni != null) {
      b.domain(sni);
    }
    ObjectNode cert = b.sco("x509-certificate");
    EveMapper.putIf(cert, "subject", r.text(SUBJECT));
    EveMapper.putIf(cert, "issuer", r.text(ISSUER));
    if (cert.size() > 1) {
      b.add(cert);
    }
    if (t != null) {
      EveMapper.putIf(t, "x_tls_version", r.text(VERSION));
      EveMapper.putIf(t, "x_ja3", r.text(JA3));
      EveMapper.putIf(t, "x_ja3s", r.text(JA3S));
    }
  }

  private static void files(FieldValues r, ObservationBuilder b) throws Rejected {
    hosts(r, TX_HOSTS, "tx_hosts", b);
    hosts(r, RX_HOSTS, "rx_hosts", b);
    ObjectNode file = b.sco("file");
    EveMapper.putIf(file, "name", r.text(FILENAME));
    EveMapper.putIf(file, "mime_type", r.text(MIME_TYPE));
    ObjectNode hashes = file.putObject("hashes");
    EveMapper.putIf(hashes, "MD5", lower(r.text(MD5)));
    EveMapper.putIf(hashes, "SHA-1", lower(r.text(SHA1)));
    EveMapper.putIf(hashes, "SHA-256", lower(r.text(SHA256)));
    if (hashes.isEmpty()) {
      file.remove("hashes");
    }
    r.count(TOTAL_BYTES, "total_bytes", file, "size");
    if (file.size() > 1) {
      b.add(file);
    }
  }

  private static void x509(FieldValues r, ObservationBuilder b) throws Rejected {
    ObjectNode cert = b.sco("x509-certificate");
    EveMapper.putIf(cert, "serial_number", r.text(CERT_SERIAL));
    EveMapper.putIf(cert, "subject", r.text(CERT_SUBJECT));
    EveMapper.putIf(cert, "issuer", r.text(CERT_ISSUER));
    if (r.isIntegral(CERT_VERSION)) {
      cert.put("version", r.node(CERT_VERSION).asString());
    }
    OptionalLong nb = r.time(CERT_NOT_BEFORE, "certificate.not_valid_before");
    OptionalLong na = r.time(CERT_NOT_AFTER, "certificate.not_valid_after");
    if (nb.isPresent()) {
      cert.put("validity_not_before", Times.formatMicros(nb.getAsLong()));
    }
    if (na.isPresent()) {
      cert.put("validity_not_after", Times.formatMicros(na.getAsLong()));
    }
    String fp = r.text(FINGERPRINT);
    if (fp != null) {
      cert.putObject("hashes").put(fp.length() == 64 ? "SHA-256" : "SHA-1", lower(fp));
    }
    if (cert.size() > 1) {
      b.add(cert);
    }
    JsonNode san = r.node(SAN_DNS);
    if (san != null && san.isArray()) {
      for (JsonNode d : san) {
        if (d.isString() && !d.asString().isEmpty()) {
          String name = d.asString();
          // a wildcard name stands for the names below it: keep the name it is anchored on
          b.domain(name.startsWith("*.") ? name.substring(2) : name);
        }
      }
    }
  }

  /** Zeek's tx_hosts / rx_hosts: a set of addresses (or one as text). */
  private static void hosts(FieldValues r, int slot, String side, ObservationBuilder b)
      throws Rejected {
    JsonNode hosts = r.node(slot);
    if (hosts != null && hosts.isArray()) {
      for (JsonNode h : hosts) {
        if (!h.isValueNode()) {
          throw new Rejected(RejectCause.BAD_ADDRESS, side + ": not an IP address");
        }
        b.address(side, h.asString());
      }
    } else if (r.text(slot) != null) {
      b.address(side, r.text(slot));
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
