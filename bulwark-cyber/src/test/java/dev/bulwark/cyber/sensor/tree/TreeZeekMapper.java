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
 * Maps one Zeek log record (conn, dns, http, ssl, files, x509) to an {@link Observation}. The
 * record is a flat JSON object with Zeek's dotted field names ({@code id.orig_h}), as Zeek's JSON
 * writer prints it and as {@link TreeZeekTsvHeader} makes it from a TSV row. The log is named by
 * {@code _path} (JSON writer with {@code LogAscii::use_json}, json-streaming-logs), else by the
 * caller's hint (the TSV {@code #path} header), else recognised by its fields. {@code
 * docs/cyber-sensors.md} lists every field. Stateless and thread-safe.
 */
public final class TreeZeekMapper {

  /** Maps a record; {@code pathHint} is the log name when the record does not carry one. */
  public Observation map(JsonNode r, String pathHint) throws Rejected {
    if (!r.isObject()) {
      throw new Rejected(RejectCause.NOT_JSON, "line: not a JSON object");
    }
    String path = TreeFields.text(r, "_path");
    if (path == null) {
      path = pathHint != null ? pathHint : guess(r);
    }
    long ts = TreeFields.requiredTime(r, "ts");
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
  static String guess(JsonNode r) {
    if (r.has("conn_state") || r.has("orig_pkts")) {
      return "conn";
    }
    if (r.has("query") || r.has("qtype_name")) {
      return "dns";
    }
    if (r.has("method") || r.has("uri") || r.has("status_code")) {
      return "http";
    }
    if (r.has("server_name") || r.has("cipher") || r.has("ja3")) {
      return "ssl";
    }
    if (r.has("certificate.serial") || r.has("certificate.subject")) {
      return "x509";
    }
    if (r.has("fuid") && (r.has("md5") || r.has("sha1") || r.has("mime_type"))) {
      return "files";
    }
    return "unknown";
  }

  private static ObjectNode traffic(JsonNode r, ObservationBuilder b, String app) throws Rejected {
    String src = TreeFields.text(r, "id.orig_h");
    String dst = TreeFields.text(r, "id.resp_h");
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
    TreeFields.port(r, "id.orig_p", t, "src_port");
    TreeFields.port(r, "id.resp_p", t, "dst_port");
    ArrayNode protocols = t.putArray("protocols");
    String proto = TreeFields.text(r, "proto");
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

  private static long conn(JsonNode r, ObservationBuilder b, long ts) throws Rejected {
    ObjectNode t = traffic(r, b, TreeFields.text(r, "service"));
    long end = ts;
    JsonNode d = r.get("duration");
    if (d != null && d.isNumber() && d.asDouble() >= 0) {
      end = ts + Math.round(d.asDouble() * 1_000_000d);
    }
    if (t != null) {
      t.put("start", StixTimestamps.formatMicros(ts));
      t.put("end", StixTimestamps.formatMicros(end));
      TreeFields.count(r, "orig_bytes", t, "src_byte_count");
      TreeFields.count(r, "resp_bytes", t, "dst_byte_count");
      TreeFields.count(r, "orig_pkts", t, "src_packets");
      TreeFields.count(r, "resp_pkts", t, "dst_packets");
    }
    return end;
  }

  private static void dns(JsonNode r, ObservationBuilder b) throws Rejected {
    traffic(r, b, "dns");
    String query = TreeFields.text(r, "query");
    if (query == null) {
      return;
    }
    String q = b.domain(query);
    String qtype = TreeFields.text(r, "qtype_name");
    JsonNode answers = r.get("answers");
    if (answers == null || !answers.isArray()) {
      return;
    }
    for (JsonNode a : answers) {
      String v = a.isString() ? a.asString() : null;
      if (v == null || v.indexOf(' ') >= 0) {
        continue; // "TXT 18 ..." and similar: not a name or an address
      }
      if (b.addressIfAny(v).isPresent()) {
        TreeEveMapper.resolve(b, q, v.indexOf(':') >= 0 ? "AAAA" : "A", v);
      } else if ("CNAME".equals(qtype) || v.indexOf('.') > 0) {
        TreeEveMapper.resolve(b, q, "CNAME", v);
      }
    }
  }

  private static void http(JsonNode r, ObservationBuilder b) throws Rejected {
    ObjectNode t = traffic(r, b, "http");
    String host = TreeFields.text(r, "host");
    String uri = TreeFields.text(r, "uri");
    String method = TreeFields.text(r, "method");
    if (host != null) {
      int colon = host.lastIndexOf(':');
      boolean hostPort = colon > 0 && host.indexOf(':') == colon;
      b.domain(hostPort ? host.substring(0, colon) : host);
    }
    JsonNode port = r.get("id.resp_p");
    int p = port != null && port.isIntegralNumber() ? port.asInt() : 80;
    if (host != null && uri != null && !"CONNECT".equals(method)) {
      ObjectNode url = b.sco("url");
      url.put("value", TreeUrls.of("http", host, p, uri));
      b.add(url);
    }
    if (t == null) {
      return;
    }
    ObjectNode ext = t.putObject("extensions").putObject("http-request-ext");
    ext.put("request_method", method == null ? "get" : method.toLowerCase(Locale.ROOT));
    ext.put("request_value", uri == null ? "/" : uri);
    String version = TreeFields.text(r, "version");
    if (version != null) {
      ext.put("request_version", "http/" + version);
    }
    ObjectNode headers = ext.putObject("request_header");
    TreeEveMapper.putIf(headers, "Host", host);
    TreeEveMapper.putIf(headers, "User-Agent", TreeFields.text(r, "user_agent"));
    TreeEveMapper.putIf(headers, "Referer", TreeFields.text(r, "referrer"));
    if (headers.isEmpty()) {
      ext.remove("request_header");
    }
  }

  private static void ssl(JsonNode r, ObservationBuilder b) throws Rejected {
    ObjectNode t = traffic(r, b, "ssl");
    String sni = TreeFields.text(r, "server_name");
    if (sni != null) {
      b.domain(sni);
    }
    ObjectNode cert = b.sco("x509-certificate");
    TreeEveMapper.putIf(cert, "subject", TreeFields.text(r, "subject"));
    TreeEveMapper.putIf(cert, "issuer", TreeFields.text(r, "issuer"));
    if (cert.size() > 1) {
      b.add(cert);
    }
    if (t != null) {
      TreeEveMapper.putIf(t, "x_tls_version", TreeFields.text(r, "version"));
      TreeEveMapper.putIf(t, "x_ja3", TreeFields.text(r, "ja3"));
      TreeEveMapper.putIf(t, "x_ja3s", TreeFields.text(r, "ja3s"));
    }
  }

  private static void files(JsonNode r, ObservationBuilder b) throws Rejected {
    for (String side : new String[] {"tx_hosts", "rx_hosts"}) {
      JsonNode hosts = r.get(side);
      if (hosts != null && hosts.isArray()) {
        for (JsonNode h : hosts) {
          b.address(side, h.asString());
        }
      } else if (TreeFields.text(r, side) != null) {
        b.address(side, TreeFields.text(r, side));
      }
    }
    ObjectNode file = b.sco("file");
    TreeEveMapper.putIf(file, "name", TreeFields.text(r, "filename"));
    TreeEveMapper.putIf(file, "mime_type", TreeFields.text(r, "mime_type"));
    ObjectNode hashes = file.putObject("hashes");
    TreeEveMapper.putIf(hashes, "MD5", lower(TreeFields.text(r, "md5")));
    TreeEveMapper.putIf(hashes, "SHA-1", lower(TreeFields.text(r, "sha1")));
    TreeEveMapper.putIf(hashes, "SHA-256", lower(TreeFields.text(r, "sha256")));
    if (hashes.isEmpty()) {
      file.remove("hashes");
    }
    TreeFields.count(r, "total_bytes", file, "size");
    if (file.size() > 1) {
      b.add(file);
    }
  }

  private static void x509(JsonNode r, ObservationBuilder b) throws Rejected {
    ObjectNode cert = b.sco("x509-certificate");
    TreeEveMapper.putIf(cert, "serial_number", TreeFields.text(r, "certificate.serial"));
    TreeEveMapper.putIf(cert, "subject", TreeFields.text(r, "certificate.subject"));
    TreeEveMapper.putIf(cert, "issuer", TreeFields.text(r, "certificate.issuer"));
    JsonNode version = r.get("certificate.version");
    if (version != null && version.isIntegralNumber()) {
      cert.put("version", version.asString());
    }
    OptionalLong nb = TreeFields.time(r, "certificate.not_valid_before");
    OptionalLong na = TreeFields.time(r, "certificate.not_valid_after");
    if (nb.isPresent()) {
      cert.put("validity_not_before", StixTimestamps.formatMicros(nb.getAsLong()));
    }
    if (na.isPresent()) {
      cert.put("validity_not_after", StixTimestamps.formatMicros(na.getAsLong()));
    }
    String fp = TreeFields.text(r, "fingerprint");
    if (fp != null) {
      cert.putObject("hashes").put(fp.length() == 64 ? "SHA-256" : "SHA-1", lower(fp));
    }
    if (cert.size() > 1) {
      b.add(cert);
    }
    JsonNode san = r.get("san.dns");
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

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
