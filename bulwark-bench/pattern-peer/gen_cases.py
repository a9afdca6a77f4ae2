#!/usr/bin/python3
"""Generates differential test cases for the STIX patterning engine (issue 17) and records what
the OASIS reference matcher answers for each: generated patterns x generated observations, plus
the STIX 2.1 specification's pattern examples against a hand-made bundle in which each could match.

  PYTHONPATH=$PEER/stix2-patterns:$PEER/cti-pattern-matcher \
    /usr/bin/python3 gen_cases.py SPEC_EXAMPLES.txt OUT_DIR [SEED] [CASES]

Writes OUT_DIR/differential-cases.json and OUT_DIR/spec-examples.json: each case a pattern, an
observations bundle and the reference's verdict ("match", "no-match", "error"). Deterministic for
a seed. The Java tests (DifferentialPropertyTest, SpecExamplesAgreementTest) read them; the
reference matcher itself never runs at build or test time.
"""
import datetime
import json
import random
import sys
import uuid

from stix2matcher.matcher import match

TYPES = ["ipv4-addr", "domain-name", "network-traffic", "file", "x-test"]
IPS = ["10.0.0.1", "10.0.0.2", "192.168.1.7", "198.51.100.3", "203.0.113.9"]
CIDRS = ["10.0.0.0/8", "10.0.0.0/31", "192.168.0.0/16", "198.51.100.0/24", "0.0.0.0/1", "203.0.113.9/32"]
DOMAINS = ["example.com", "www.example.com", "evil.example.net", "a.b.c.org"]
WORDS = ["alpha", "beta", "Alpha", "alphabet", "caf\u00e9", "cafe\u0301", "a%b", "x_y", "", "10.0.0.1"]
HASHES = ["d41d8cd98f00b204e9800998ecf8427e", "D41D8CD98F00B204E9800998ECF8427E",
          "0cc175b9c0f1b6a831c399e269772661"]
TIMES = ["2020-01-01T00:00:00Z", "2020-01-01T00:00:30Z", "2020-01-01T00:01:00Z",
         "2020-01-01T00:05:00Z", "2020-01-01T01:00:00Z"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, xs):
        return self.r.choice(xs)

    def uid(self, t):
        return "%s--%s" % (t, uuid.UUID(int=self.r.getrandbits(128), version=4))

    # ---- observations ------------------------------------------------------------------------

    def sco(self, t, objs):
        o = {"type": t, "id": self.uid(t)}
        if t == "ipv4-addr":
            o["value"] = self.pick(IPS + CIDRS[:2])
        elif t == "domain-name":
            o["value"] = self.pick(DOMAINS)
            if self.r.random() < 0.5:
                ips = [self.sco("ipv4-addr", objs) for _ in range(self.r.randint(1, 2))]
                o["resolves_to_refs"] = [i["id"] for i in ips]
        elif t == "network-traffic":
            src = self.sco("ipv4-addr", objs)
            o["src_ref"] = src["id"]
            if self.r.random() < 0.8:
                o["dst_ref"] = self.sco(self.pick(["ipv4-addr", "domain-name"]), objs)["id"]
            o["dst_port"] = self.pick([53, 80, 443, 8080])
            o["protocols"] = self.r.sample(["ipv4", "tcp", "udp", "dns", "tls"], self.r.randint(1, 3))
        elif t == "file":
            o["name"] = self.pick(["a.exe", "b.dll", "report.pdf", "caf\u00e9.txt"])
            o["size"] = self.pick([0, 1024, 371712, 2 ** 40])
            o["hashes"] = {self.pick(["MD5", "SHA-256"]): self.pick(HASHES)}
            if self.r.random() < 0.3:
                o["magic_number_hex"] = self.pick(["ffd8", "4d5a", "00"])
        else:
            o["int"] = self.pick([-4, 0, 1, 5, 12])
            o["float"] = self.pick([0.0, 1.0, 5.0, 12.658, -2.5])
            o["bool"] = self.pick([True, False])
            o["str"] = self.pick(WORDS)
            o["list"] = self.r.sample([1, 2, 3, "a", "b"], self.r.randint(0, 3))
            o["ts"] = self.pick(TIMES + ["not a time"] if self.r.random() < 0.1 else TIMES)
            o["dict"] = {"k": self.pick(WORDS), "n": self.pick([1, 2])}
            if self.r.random() < 0.2:
                o["nothing"] = None
        objs.append(o)
        return o

    def bundle(self):
        objs = []
        for _ in range(self.r.randint(1, 4)):
            first = self.pick(TIMES)
            last = self.pick([t for t in TIMES if t >= first])
            roots = [self.sco(self.pick(TYPES), objs) for _ in range(self.r.randint(1, 2))]
            od = {"type": "observed-data", "spec_version": "2.1", "id": self.uid("observed-data"),
                  "created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-01T00:00:00.000Z",
                  "first_observed": first, "last_observed": last,
                  "number_observed": self.pick([1, 1, 2, 3]),
                  "object_refs": [o["id"] for o in objs if o not in []]}
            objs.append(od)
            del roots
        # each observed-data refers only to the objects created before it and after the previous one
        out, pending = [], []
        for o in objs:
            if o["type"] == "observed-data":
                o["object_refs"] = [p["id"] for p in pending]
                pending = []
            else:
                pending.append(o)
            out.append(o)
        return {"type": "bundle", "id": self.uid("bundle"), "objects": out}

    # ---- patterns ----------------------------------------------------------------------------

    def string_lit(self, s):
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"

    def comparison(self):
        t = self.pick(TYPES)
        neg = "NOT " if self.r.random() < 0.15 else ""
        if t == "ipv4-addr":
            op = self.pick(["=", "!=", "ISSUBSET", "ISSUPERSET", "IN", "LIKE", "MATCHES"])
            path = "ipv4-addr:value"
        elif t == "domain-name":
            op = self.pick(["=", "LIKE", "MATCHES", "IN", "!="])
            path = self.pick(["domain-name:value", "domain-name:resolves_to_refs[*].value",
                              "domain-name:resolves_to_refs[0].value"])
            if "refs" in path and op in ("LIKE",):
                op = "ISSUBSET"
        elif t == "network-traffic":
            path = self.pick(["network-traffic:dst_ref.value", "network-traffic:src_ref.value",
                              "network-traffic:dst_port", "network-traffic:protocols[*]",
                              "network-traffic:protocols[1]", "network-traffic:dst_ref.type"])
            op = self.pick(["=", "!=", "<", ">=", "IN"] if path.endswith("port") else
                           ["=", "ISSUBSET", "LIKE", "IN"] if "value" in path else ["=", "!=", "IN", "MATCHES"])
        elif t == "file":
            path = self.pick(["file:name", "file:size", "file:hashes.MD5", "file:hashes.'SHA-256'",
                              "file:magic_number_hex"])
            op = self.pick(["=", "!=", "<", ">", "<=", "IN", "LIKE", "MATCHES"])
        else:
            path = "x-test:" + self.pick(["int", "float", "bool", "str", "list[*]", "list[0]", "ts",
                                          "dict.k", "dict.'n'", "nothing", "missing"])
            op = self.pick(["=", "!=", "<", "<=", ">", ">=", "IN", "LIKE", "MATCHES"])
        return "%s %s%s %s" % (path, neg, op, self.literal(op, path))

    def literal(self, op, path):
        if op in ("ISSUBSET",):
            return self.string_lit(self.pick(CIDRS))
        if op == "ISSUPERSET":
            return self.string_lit(self.pick(IPS))
        if op == "LIKE":
            return self.string_lit(self.pick(["%example%", "alpha%", "_eta", "%.com", "10.%", "caf\u00e9%",
                                              "%", "a\\%b", "%.exe"]))
        if op == "MATCHES":
            return self.string_lit(self.pick(["^a", "l+", "\\.com$", "^10\\.", "(?i)ALPHA", "caf\u00e9",
                                              "^\\d+$", "x_y", "ff"]))
        if op == "IN":
            kind = self.r.randint(0, 3)
            n = self.r.randint(0, 3)
            vals = [self.scalar(kind) for _ in range(n)]
            if self.r.random() < 0.05 and vals:
                vals.append("'mixed'") if kind != 1 else vals.append("5")
            return "(" + ", ".join(vals) + ")"
        return self.scalar(self.r.randint(0, 5))

    def scalar(self, kind):
        if kind == 0:
            return self.string_lit(self.pick(WORDS + IPS[:2] + DOMAINS[:2] + HASHES[:2] + ["tcp", "a.exe"]))
        if kind == 1:
            return str(self.pick([-4, 0, 1, 5, 12, 443, 1024]))
        if kind == 2:
            return self.pick(["0.0", "5.0", "12.658", "-2.5", "1.5"])
        if kind == 3:
            return self.pick(["true", "false"])
        if kind == 4:
            return "t" + self.string_lit(self.pick(TIMES))
        return self.pick(["h'ffd8'", "h'00'", "b'/9g='"])

    def comparison_expr(self, depth=0):
        if depth < 2 and self.r.random() < 0.35:
            op = self.pick([" AND ", " OR "])
            left = self.comparison_expr(depth + 1)
            right = self.comparison_expr(depth + 1)
            e = left + op + right
            return "(" + e + ")" if self.r.random() < 0.3 else e
        return self.comparison()

    def observation_expr(self, depth=0):
        if depth < 2 and self.r.random() < 0.4:
            op = self.pick([" AND ", " OR ", " FOLLOWEDBY "])
            e = "(" + self.observation_expr(depth + 1) + op + self.observation_expr(depth + 1) + ")"
        else:
            e = "[" + self.comparison_expr() + "]"
        q = self.r.random()
        if q < 0.1:
            e += " WITHIN %s SECONDS" % self.pick(["1", "30", "60.5", "300", "3600"])
        elif q < 0.18:
            e += " REPEATS %d TIMES" % self.r.randint(2, 3)
        elif q < 0.24:
            start = self.pick(TIMES)
            e += " START t'%s' STOP t'%s'" % (start, self.pick(TIMES))
        return e


def verdict(pattern, bundle):
    try:
        return "match" if match(pattern, [bundle], stix_version="2.1") else "no-match"
    except Exception:  # noqa: BLE001 - parse errors and MatcherExceptions alike
        return "error"


def spec_bundle():
    """Observations in which each of the specification's examples can match."""
    objs, ods = [], []
    t = [0]

    def od(refs, n=1, first=None, last=None):
        t[0] += 60
        ts = (datetime.datetime(2020, 1, 1) + datetime.timedelta(seconds=t[0])).strftime("%Y-%m-%dT%H:%M:%SZ")
        d = {"type": "observed-data", "spec_version": "2.1",
             "id": "observed-data--%s" % uuid.UUID(int=len(ods) + 1, version=4),
             "created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-01T00:00:00.000Z",
             "first_observed": first or ts, "last_observed": last or ts, "number_observed": n,
             "object_refs": [r["id"] for r in refs]}
        ods.append(d)

    def sco(t_, **props):
        o = {"type": t_, "id": "%s--%s" % (t_, uuid.UUID(int=len(objs) + 1000, version=4))}
        o.update(props)
        objs.append(o)
        return o

    sha = "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"
    d = sco("directory", path="C:\\Windows\\System32")
    f1 = sco("file", hashes={"SHA-256": sha, "MD5": "cead3f77f6cda6ec00f57d76c9a69faa"},
             mime_type="application/x-pdf", name="foo.dll", parent_directory_ref=d["id"],
             created="2014-01-13T07:03:17Z",
             extensions={"windows-pebinary-ext": {"sections": [{"entropy": 7.5}, {"entropy": 1.0}]}})
    od([f1, d])
    f2 = sco("file", hashes={"SHA-256": "bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c"})
    od([f2])
    att = sco("file", name="Final Report 2020.exe")
    frm = sco("email-addr", value="jdoe@example.com")
    em = sco("email-message", is_multipart=True, from_ref=frm["id"], sender_ref=frm["id"],
             subject="Conference Info", body_multipart=[{"body_raw_ref": att["id"]}])
    od([em, frm, att])
    f3 = sco("file", hashes={"MD5": "79054025255fb1a26e4bc422aef54eb4"})
    od([f3])
    k = sco("win-registry-key", key="HKEY_LOCAL_MACHINE\\foo\\bar")
    od([k])
    for uid_, login in (("1007", "Peter"), ("1008", "Paul"), ("1009", "Mary")):
        od([sco("user-account", account_type="unix", user_id=uid_, account_login=login)])
    od([sco("artifact", mime_type="application/vnd.tcpdump.pcap", payload_bin="1MOyoQIABAA=")])
    od([sco("file", mime_type="image/bmp", magic_number_hex="ffd8")])
    ip = sco("ipv4-addr", value="203.0.113.33/32")
    od([sco("network-traffic", dst_ref=ip["id"], protocols=["tcp"]), ip])
    dom = sco("domain-name", value="example.com")
    od([sco("network-traffic", dst_ref=dom["id"], protocols=["tcp"]), dom], n=5)
    rip = sco("ipv4-addr", value="198.51.100.1/32")
    od([sco("domain-name", value="www.5z8.info", resolves_to_refs=[rip["id"]]), rip])
    od([sco("url", value="http://example.com/foo")])
    od([sco("x509-certificate", issuer="CN=WEBMAIL",
            serial_number="4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28")])
    od([sco("windows-registry-key", key="HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files")])
    od([sco("file", name="pdf.exe", created="2014-01-13T07:03:17Z")])
    od([sco("x-usb-device", usbdrive={"serial_number": "575833314133343231313937"})])
    od([sco("process", command_line="C:\\>-add GlobalSign.cer -c -s -r localMachine Root")])
    od([sco("process", command_line="C:\\>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher")])
    v6 = sco("ipv6-addr", value="2001:0db8:dead:beef:0000:0000:0000:0001")
    od([sco("network-traffic", dst_ref=v6["id"], protocols=["ipv6"]), v6])
    od([sco("process", name="fooproc")])
    return {"type": "bundle", "id": "bundle--%s" % uuid.UUID(int=7, version=4), "objects": objs + ods}


def main(spec_path, out_dir, seed=17, count=1500):
    g = Gen(int(seed))
    cases = []
    for _ in range(int(count)):
        b = g.bundle()
        p = g.observation_expr()
        cases.append({"pattern": p, "observations": b, "result": verdict(p, b)})
    src = "generated by bulwark-bench/pattern-peer/gen_cases.py (seed %s); verdicts of " \
          "oasis-open/cti-pattern-matcher 73c1cb9 with stix2-patterns v2.0.0 (ANTLR 4.9)" % seed
    with open(out_dir + "/differential-cases.json", "w") as f:
        json.dump({"source": src, "cases": cases}, f, indent=None, sort_keys=True, ensure_ascii=True)
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["result"]] = counts.get(c["result"], 0) + 1
    print("differential:", counts)
    bundle = spec_bundle()
    spec = []
    with open(spec_path) as f:
        for line in f:
            p = line.strip()
            if p:
                spec.append({"pattern": p, "result": verdict(p, bundle)})
    with open(out_dir + "/spec-examples.json", "w") as f:
        json.dump({"source": "STIX 2.1 specification pattern examples (stix2patterns/test/v21/"
                   "spec_examples.txt) against a hand-made bundle; verdicts of the reference matcher",
                   "observations": bundle, "cases": spec}, f, indent=1, sort_keys=True, ensure_ascii=True)
    print("spec:", [c["result"] for c in spec])


if __name__ == "__main__":
    main(*sys.argv[1:])
