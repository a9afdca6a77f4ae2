#!/usr/bin/python3
"""Times the OASIS reference matcher on the differential cases (the same patterns and observations
PatternPeerBench times on the Bulwark engine): one match() per case, i.e. parse the pattern and
evaluate it against its (already parsed) observations bundle, as the reference's API does.
Prints cases per CPU-second (time.process_time), per round.

  PYTHONPATH=$PEER/stix2-patterns:$PEER/cti-pattern-matcher \
    /usr/bin/python3 bench_reference.py differential-cases.json [ROUNDS] [SECONDS_PER_ROUND]
"""
import json
import sys
import time

from stix2matcher.matcher import Pattern, match


def main(path, rounds=3, budget=10.0):
    with open(path) as f:
        cases = json.load(f)["cases"]
    for r in range(int(rounds)):
        done = 0
        c0 = time.process_time()
        while time.process_time() - c0 < float(budget):
            for c in cases:
                try:
                    match(c["pattern"], [c["observations"]], stix_version="2.1")
                except Exception:  # noqa: BLE001 - errors are verdicts too
                    pass
                done += 1
                if time.process_time() - c0 >= float(budget):
                    break
        cpu = time.process_time() - c0
        print("reference round %d: %.1f cases/CPU-s (%d cases in %.1f CPU-s)" % (r + 1, done / cpu, done, cpu))
    compiled = []
    for c in cases:
        try:
            compiled.append((Pattern(c["pattern"], stix_version="2.1"), [c["observations"]]))
        except Exception:  # noqa: BLE001 - invalid patterns are left out, as on the Java side
            pass
    done = 0
    c0 = time.process_time()
    while time.process_time() - c0 < float(budget):
        for p, obs in compiled:
            try:
                p.match(obs)
            except Exception:  # noqa: BLE001
                pass
            done += 1
    cpu = time.process_time() - c0
    print("reference precompiled: %.1f cases/CPU-s (%d valid cases)" % (done / cpu, len(compiled)))


if __name__ == "__main__":
    main(*sys.argv[1:])
