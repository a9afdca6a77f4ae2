package dev.bulwark.cyber.sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Seeded mutations of real sensor lines for the differential test. Stateless. */
final class Mutations {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Values of every JSON type a field may be given instead of its own. */
  private static final List<String> VALUES =
      List.of(
          "\"\"",
          "\"-\"",
          "\"x\"",
          "\"10.0.0.1\"",
          "\"::1\"",
          "\"2001:DB8::A\"",
          "\"300.1.1.1\"",
          "\"Example.COM.\"",
          "\"\\u00e9xample.com\"",
          "\"2017-01-30T16:12:26.985026+0100\"",
          "\"2018-03-24T17:15:20.615923Z\"",
          "\"2018-02-30T00:00:00\"",
          "\"answer\"",
          "\"A\"",
          "\"CNAME\"",
          "\"tcp\"",
          "\"dns\"",
          "\"x\\\"dns\"",
          "\"GET\"",
          "\"/index.html\"",
          "\"http://a.example/x\"",
          "\"AB:CD:EF\"",
          "\"conn\"",
          "\"dns\"",
          "\"ssl\"",
          "\"http\"",
          "\"files\"",
          "\"x509\"",
          "\"flow\"",
          "\"alert\"",
          "\"tls\"",
          "\"fileinfo\"",
          "1517422326.539915",
          "0",
          "-1",
          "-0",
          "53",
          "65535",
          "65536",
          "2147483648",
          "99999999999",
          "99999999999999999999999",
          "1.5",
          "-0.0",
          "1e300",
          "1e400",
          "true",
          "false",
          "null",
          "{}",
          "{\"hash\":\"abc\",\"x\":[1]}",
          "{\"rrname\":\"a.example\",\"rdata\":\"10.0.0.9\",\"rrtype\":\"A\"}",
          "[]",
          "[\"10.0.0.1\",\"a.example\",\"TXT 1 x\"]",
          "[1,{\"a\":\"10.0.0.3\"},null]",
          "[{\"rrname\":\"b.example\",\"a\":\"10.0.0.4\"},{\"rrname\":\"c.example\",\"rdata\":\"x\"}]",
          "{\"A\":[\"10.0.0.5\"],\"CNAME\":[\"d.example\",1]}");

  /** Field names the mappers read, to be added where a line does not have them. */
  private static final List<String> KEYS =
      List.of(
          "event_type",
          "timestamp",
          "src_ip",
          "dest_ip",
          "src_port",
          "dest_port",
          "proto",
          "app_proto",
          "flow",
          "dns",
          "http",
          "tls",
          "fileinfo",
          "alert",
          "start",
          "end",
          "bytes_toserver",
          "type",
          "rrname",
          "rrtype",
          "rdata",
          "answers",
          "queries",
          "grouped",
          "hostname",
          "url",
          "http_method",
          "sni",
          "ja3",
          "fingerprint",
          "notbefore",
          "size",
          "signature_id",
          "severity",
          "_path",
          "ts",
          "id.orig_h",
          "id.resp_h",
          "id.orig_p",
          "id.resp_p",
          "duration",
          "orig_bytes",
          "service",
          "query",
          "qtype_name",
          "host",
          "uri",
          "method",
          "server_name",
          "tx_hosts",
          "rx_hosts",
          "md5",
          "total_bytes",
          "certificate.version",
          "certificate.not_valid_before",
          "san.dns",
          "conn_state",
          "fuid",
          "status_code",
          "cipher");

  private static final List<String> TOKENS =
      List.of(
          "-",
          "(empty)",
          "",
          "abc",
          "10.0.0.1",
          "10.0.0.1,10.0.0.2",
          "1.5",
          "-3",
          "+7",
          "07",
          "\u0661\u0662",
          "1e5",
          " 2",
          "2 ",
          "1.",
          ".5",
          "NaN",
          "0x10",
          "1517422326.539915",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "99999999999999999999",
          "T",
          "F",
          "a.example",
          "*.b.example",
          "65536",
          "\u00e9");

  private static final List<String> TYPES =
      List.of(
          "string",
          "count",
          "time",
          "interval",
          "double",
          "bool",
          "port",
          "addr",
          "int",
          "set[string]",
          "set[count]",
          "vector[addr]",
          "vector[interval]",
          "set[",
          "set[set[count]]");

  private Mutations() {}

  /** A JSON line with one to three changes, at the level of fields or of characters. */
  static String json(Random r, String line) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return line.substring(0, r.nextInt(line.length() + 1));
    }
    if (kind == 1 && !line.isEmpty()) {
      int at = r.nextInt(line.length());
      return line.substring(0, at) + (char) r.nextInt(128) + line.substring(at + 1);
    }
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (RuntimeException e) {
      return line;
    }
    if (!(root instanceof ObjectNode o)) {
      return line;
    }
    for (int n = r.nextInt(3) + 1; n > 0; n--) {
      change(r, pick(r, o));
    }
    String out = o.toString();
    if (r.nextInt(5) == 0) {
      String dup = "\"" + pickKey(r, o) + "\":" + VALUES.get(r.nextInt(VALUES.size()));
      out =
          r.nextBoolean()
              ? "{" + dup + (out.length() > 2 ? "," : "") + out.substring(1)
              : out.substring(0, out.length() - 1) + (out.length() > 2 ? "," : "") + dup + "}";
    }
    if (r.nextInt(4) == 0) {
      out = escapeOne(r, out);
    }
    if (r.nextInt(20) == 0) {
      out = "  " + out + (r.nextBoolean() ? " " : "\t");
    }
    return out;
  }

  private static ObjectNode pick(Random r, ObjectNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    objects.add(root);
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue() instanceof ObjectNode nested) {
        objects.add(nested);
        for (Map.Entry<String, JsonNode> f : nested.properties()) {
          if (f.getValue() instanceof ObjectNode deeper) {
            objects.add(deeper);
          }
        }
      }
    }
    return objects.get(r.nextInt(objects.size()));
  }

  private static String pickKey(Random r, ObjectNode o) {
    List<String> names = new ArrayList<>(o.propertyNames());
    return names.isEmpty() || r.nextInt(3) == 0
        ? KEYS.get(r.nextInt(KEYS.size()))
        : names.get(r.nextInt(names.size()));
  }

  private static void change(Random r, ObjectNode o) {
    switch (r.nextInt(4)) {
      case 0 -> {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>(o.properties());
        Collections.shuffle(all, r);
        o.removeAll();
        all.forEach(e -> o.set(e.getKey(), e.getValue()));
      }
      case 1 -> {
        if (!o.isEmpty()) {
          o.remove(pickKey(r, o));
        }
      }
      default -> o.set(pickKey(r, o), JSON.readTree(VALUES.get(r.nextInt(VALUES.size()))));
    }
  }

  /** One letter inside a string written as a unicode escape. */
  private static String escapeOne(Random r, String s) {
    List<Integer> letters = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (inString && Character.isLetterOrDigit(c) && c < 128) {
        letters.add(i);
      }
    }
    if (letters.isEmpty()) {
      return s;
    }
    int at = letters.get(r.nextInt(letters.size()));
    return s.substring(0, at) + String.format("\\u%04X", (int) s.charAt(at)) + s.substring(at + 1);
  }

  /** A TSV row with a column changed, dropped, added or moved, or the row cut. */
  static String tsv(Random r, String row) {
    List<String> cols = new ArrayList<>(List.of(row.split("\t", -1)));
    int at = r.nextInt(cols.size());
    switch (r.nextInt(6)) {
      case 0 -> cols.remove(at);
      case 1 -> cols.add(at, TOKENS.get(r.nextInt(TOKENS.size())));
      case 2 -> Collections.swap(cols, at, r.nextInt(cols.size()));
      case 3 -> {
        return row.substring(0, r.nextInt(row.length() + 1));
      }
      default -> cols.set(at, TOKENS.get(r.nextInt(TOKENS.size())));
    }
    return String.join("\t", cols);
  }

  /** A header line with a value changed. */
  static String header(Random r, String line) {
    String[] kv = line.split("\t", -1);
    if (line.startsWith("#types") && kv.length > 1) {
      kv[1 + r.nextInt(kv.length - 1)] = TYPES.get(r.nextInt(TYPES.size()));
      return String.join("\t", kv);
    }
    if (line.startsWith("#fields") && kv.length > 2) {
      kv[1 + r.nextInt(kv.length - 1)] = KEYS.get(r.nextInt(KEYS.size()));
      return String.join("\t", kv);
    }
    if (line.startsWith("#set_separator")) {
      return "#set_separator\t" + List.of(",", ";", "", ", ").get(r.nextInt(4));
    }
    if (line.startsWith("#unset_field")) {
      return "#unset_field\t" + List.of("-", "x", "").get(r.nextInt(3));
    }
    if (line.startsWith("#empty_field")) {
      return "#empty_field\t" + List.of("(empty)", "", "-").get(r.nextInt(3));
    }
    if (line.startsWith("#path")) {
      return "#path\t"
          + List.of("conn", "dns", "http", "ssl", "files", "x509", "weird").get(r.nextInt(7));
    }
    return line;
  }
}
