#!/usr/bin/python3
"""Records the OASIS reference matcher's own test expectations as data (issue 17).

Runs every parametrised test of cti-pattern-matcher's stix2matcher/test/v21/ that calls match(),
with a stand-in for pytest (parametrize, raises), and records each call: the pattern, the
observations (deduplicated), and what the reference matcher answered: "match", "no-match" or
"error" (any exception: a parse error or a MatcherException). It also records whether the test
itself passed, so a case where the reference disagrees with its own test is visible.

  PYTHONPATH=$PEER/stix2-patterns:$PEER/cti-pattern-matcher \
    /usr/bin/python3 record_reference_tests.py $PEER/cti-pattern-matcher OUT.json

The output is test data for bulwark-stix (ReferenceTestsAgreementTest); the reference's code is
not copied, only the patterns and observations of its tests (BSD-3-Clause, see SOURCES.md there).
"""
import contextlib
import importlib
import json
import os
import sys
import types


def fake_pytest():
    mod = types.ModuleType("pytest")

    class Mark:
        @staticmethod
        def parametrize(argnames, argvalues, **kw):
            def deco(fn):
                fn.__dict__.setdefault("_params", []).append((argnames, argvalues))
                return fn
            return deco

        def __getattr__(self, name):
            return lambda *a, **k: (lambda fn: fn)

    mod.mark = Mark()

    @contextlib.contextmanager
    def raises(exc, *a, **k):
        try:
            yield
        except exc:
            return
        raise AssertionError("did not raise")

    mod.raises = raises
    return mod


def main(matcher_dir, out_path):
    sys.modules["pytest"] = fake_pytest()
    import stix2matcher.matcher as m
    test_dir = os.path.join(matcher_dir, "stix2matcher", "test", "v21")
    observations = {}
    cases = []
    for name in sorted(os.listdir(test_dir)):
        if not name.startswith("test_") or not name.endswith(".py"):
            continue
        module = importlib.import_module("stix2matcher.test.v21." + name[:-3])
        calls = []
        real = m.match

        def recording(pattern, obs, *a, **k):
            entry = {"pattern": pattern, "obs": json.dumps(obs, sort_keys=True),
                     "stix_version": k.get("stix_version", a[1] if len(a) > 1 else "2.0")}
            calls.append(entry)
            try:
                res = real(pattern, obs, *a, **k)
            except Exception as e:  # noqa: BLE001 - every failure is an "error" verdict
                entry["result"] = "error"
                entry["error"] = "%s: %s" % (type(e).__name__, e)
                raise
            entry["result"] = "match" if res else "no-match"
            return res

        module.match = recording
        for fname in sorted(dir(module)):
            fn = getattr(module, fname)
            if not fname.startswith("test_") or not callable(fn):
                continue
            for argnames, argvalues in getattr(fn, "_params", []):
                names = [s.strip() for s in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
                for values in argvalues:
                    args = values if len(names) > 1 else (values,)
                    calls.clear()
                    try:
                        fn(*args)
                        passed = True
                    except Exception:  # noqa: BLE001
                        passed = False
                    for c in calls:
                        key = observations.setdefault(c["obs"], "o%d" % len(observations))
                        case = {"test": "%s::%s" % (name, fname), "pattern": c["pattern"],
                                "observations": key, "result": c.get("result", "error"),
                                "stix_version": c["stix_version"],
                                "test_passed": passed}
                        if "error" in c:
                            case["error"] = c["error"]
                        cases.append(case)
        module.match = real
    out = {
        "source": "oasis-open/cti-pattern-matcher 73c1cb9 (v3.0.0) stix2matcher/test/v21, "
                  "run with stix2-patterns v2.0.0 on ANTLR 4.9 (python3-antlr4 4.9.1)",
        "observations": {v: json.loads(k) for k, v in observations.items()},
        "cases": cases,
    }
    with open(out_path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=True)
    print("%d cases, %d observation sets, %d tests failing in the reference itself" % (
        len(cases), len(observations), sum(1 for c in cases if not c["test_passed"])))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
