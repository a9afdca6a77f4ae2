#!/usr/bin/python3
"""Times the OASIS reference matcher on a sample of PatternIndexBench's workload (written by
PatternWorkloadExport): every (pattern, observation) pair, one Pattern compiled once per pattern
and matched against each single-observation bundle. Prints pattern-observation decisions per
CPU-second: what the reference needs to check N indicators against an event is N such decisions.

  PYTHONPATH=... /usr/bin/python3 bench_index.py workload-sample.json
"""
import json
import sys
import time

from stix2matcher.matcher import Pattern


def main(path):
    with open(path) as f:
        data = json.load(f)
    compiled = [Pattern(p, stix_version="2.1") for p in data["patterns"]]
    pairs = hits = 0
    c0 = time.process_time()
    for b in data["bundles"]:
        for p in compiled:
            try:
                hits += 1 if p.match([b]) else 0
            except Exception:  # noqa: BLE001
                pass
            pairs += 1
    cpu = time.process_time() - c0
    print("reference: %.0f pattern-observation decisions/CPU-s (%d pairs, %d matches, %.1f CPU-s)"
          % (pairs / cpu, pairs, hits, cpu))


if __name__ == "__main__":
    main(sys.argv[1])
