#!/usr/bin/env bash
# Side by side: the OASIS reference matcher and the Bulwark patterning engine on the same 1,500
# generated (pattern, observations) cases (bulwark-stix test resource differential-cases.json.gz).
# Each side times the same work per case: parse (and compile) the pattern and evaluate it against
# the case's observations, which are loaded beforehand in each side's native form (the reference:
# json.load'ed dicts, the input of its match(); Bulwark: List<Observation>). Then the same with the
# patterns compiled once. Rates are per CPU-second of the evaluating thread (shared machine).
#
#   bulwark-bench/pattern-peer/bench.sh [PEER_DIR=/work/peer]
#
# Needs setup.sh run once, and the bench built:
#   ./mvnw -B -ntp -o -q -pl bulwark-bench -am -DskipTests package dependency:build-classpath \
#     -Dmdep.outputFile=$PWD/cp.txt
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEER=${1:-/work/peer}
CASES=/tmp/pattern-differential-cases.json
gunzip -c "$ROOT/bulwark-stix/src/test/resources/dev/bulwark/stix/pattern/differential-cases.json.gz" > "$CASES"
echo "== reference (cti-pattern-matcher 73c1cb9, stix2-patterns v2.0.0, Python $(/usr/bin/python3 -V 2>&1 | cut -d' ' -f2))"
PYTHONPATH="$PEER/stix2-patterns:$PEER/cti-pattern-matcher" /usr/bin/python3 \
  "$ROOT/bulwark-bench/pattern-peer/bench_reference.py" "$CASES" 3 10 | tee /tmp/pattern-peer-ref.txt
echo "== bulwark"
java -cp "$(cat "$ROOT/cp.txt"):$ROOT/bulwark-bench/target/classes" dev.bulwark.bench.stix.PatternPeerBench \
  "$CASES" 8 | tee /tmp/pattern-peer-bulwark.txt
REF=$(grep 'round' /tmp/pattern-peer-ref.txt | grep -o '[0-9.]* cases/CPU-s' | sort -n | tail -1 | cut -d' ' -f1)
OURS=$(grep 'compile+evaluate' /tmp/pattern-peer-bulwark.txt | grep -o '[0-9,]* cases/CPU-s' | tr -d , | sort -n | tail -1 | cut -d' ' -f1)
echo "best rounds: reference $REF cases/CPU-s, bulwark $OURS cases/CPU-s: $(awk "BEGIN{printf \"%.0f\", $OURS/$REF}")x"
REFP=$(grep 'precompiled' /tmp/pattern-peer-ref.txt | grep -o '[0-9.]* cases/CPU-s' | cut -d' ' -f1)
OURSP=$(grep 'precompiled' /tmp/pattern-peer-bulwark.txt | grep -o '[0-9,]* cases/CPU-s' | tr -d , | sort -n | tail -1 | cut -d' ' -f1)
echo "precompiled: reference $REFP, bulwark $OURSP cases/CPU-s: $(awk "BEGIN{printf \"%.0f\", $OURSP/$REFP}")x"
echo "== many indicators: reference on a sample of PatternIndexBench's workload"
java -cp "$(cat "$ROOT/cp.txt"):$ROOT/bulwark-bench/target/classes" dev.bulwark.bench.stix.PatternWorkloadExport \
  /tmp/pattern-workload-sample.json 200 20
PYTHONPATH="$PEER/stix2-patterns:$PEER/cti-pattern-matcher" /usr/bin/python3 \
  "$ROOT/bulwark-bench/pattern-peer/bench_index.py" /tmp/pattern-workload-sample.json
echo "(compare with PatternIndexBench: observations/CPU-s x 100,000 indicators = decisions/CPU-s)"
