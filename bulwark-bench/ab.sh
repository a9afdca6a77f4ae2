#!/usr/bin/env bash
# Side-by-side (A/B) benchmark run: a baseline revision against the working tree (or another revision).
#
#   bulwark-bench/ab.sh [BASELINE] [NEW]
#
#   BASELINE  a git revision, default fa874a9 (the last commit before issue 15's refactoring)
#   NEW       a git revision, or WORKTREE (default): this checkout as it is, uncommitted changes included.
#             BASELINE == NEW (e.g. `ab.sh fa874a9 fa874a9`) measures the machine's noise: one build, run
#             as A and as B.
#
# What it does:
#   1. Builds each side with `./mvnw -B -ntp -o -q -pl bulwark-bench -am package` (never `install`: the
#      reactor resolves the bulwark modules to their target/ jars; tests, Spotless and Checkstyle skipped).
#      A revision is built in a temporary `git worktree` under the output directory (removed at the end);
#      WORKTREE is built in place.
#   2. Copies each side's module jars, bench classes and the node's exec jar into the output directory, so
#      a build in the checkout during the run cannot replace the code under the benchmarks.
#   3. Runs every benchmark that issue 15's refactoring touches, each one on both sides back to back,
#      interleaved over ROUNDS rounds (A B in odd rounds, B A in even ones), so that load drift on the
#      machine hits both sides alike:
#        ais        AisDecodeBenchmark (JMH; bulwark, bulwarkRawCapture; both captures)
#        maritime   MaritimeEngineBenchmark.decodeTrackIndexDetect (JMH; synthetic10k layer)
#        stix       StixValidateBenchmark (JMH; readAndValidate100k, validate100k)
#        store      StoreImportBenchmark (JMH single shot; H2 file, 20,000 objects)
#        alloc      AllocationBenchmark (JMH single shot; 1000x250, 2000x500)
#        taxii      TaxiiLoadBench (in-process node over HTTP; H2 file; small preload)
#        fed        FederationSyncBench (two node processes from the exec jar; 10,000 objects)
#        aiscpu     AisAbProbe: both sides' bulwark-ais jars in one JVM, each in its own class loader,
#                   CPU time per sentence in alternating rounds (once per round, not per side). CPU
#                   time in one JVM is far less disturbed by other load than wall-clock JMH scores:
#                   on a shared machine it is the AIS figure to trust.
#   4. Prints a table: benchmark, baseline score ± error, new score ± error, ratio new/baseline, and
#      writes it to OUT/table.md. JMH rows pool the measurement iterations of every round of a side:
#      score = mean, error = 99.9 % confidence half-width (Student t, as JMH prints). Rows of the two
#      plain-main benches (one figure per round): score = mean of the rounds, error = half their range.
#
# Environment:
#   AB_ROUNDS   rounds per side (default 2)
#   AB_ONLY     comma-separated subset of: ais,aiscpu,maritime,stix,store,alloc,taxii,fed (default: all)
#   AB_OUT      output directory (default /tmp/bulwark-ab-<time>); raw JMH JSON and logs stay there
#   AB_JMH      JMH options of the throughput/average-time benchmarks (default "-f 1 -wi 3 -i 5 -w 2 -r 2")
#   AB_SKIP_BUILD=1  reuse the snapshots already in AB_OUT (re-run or re-print without building)
#   AB_TABLE_ONLY=1  only print the table from the results in AB_OUT
#
# Duration with the defaults: about 5 minutes of benchmarks per side and round, i.e. ~20 minutes for
# 2 rounds, plus the builds (2-4 minutes each on the reference machine). Run it on a quiet machine:
# the figures of one side are only comparable to the other side's taken in the same run.
# The whole script is one compound command, read before it runs: editing this file while a run is under
# way (bash otherwise reads a script as it goes) cannot break that run.
{
set -euo pipefail

BASE_REV=${1:-fa874a9}
NEW_REV=${2:-WORKTREE}
ROUNDS=${AB_ROUNDS:-2}
ONLY=${AB_ONLY:-ais,aiscpu,maritime,stix,store,alloc,taxii,fed}
JMH_OPTS=${AB_JMH:--f 1 -wi 3 -i 5 -w 2 -r 2}
REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=${AB_OUT:-/tmp/bulwark-ab-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$OUT/results"
OUT=$(cd "$OUT" && pwd)

log() { printf '[ab %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/ab.log" >&2; }

resolve() { # a revision's commit, or WORKTREE
  if [[ $1 == WORKTREE ]]; then echo WORKTREE; else git -C "$REPO" rev-parse --short=12 "$1^{commit}"; fi
}

WORKTREES=()
cleanup() {
  for w in "${WORKTREES[@]}"; do
    git -C "$REPO" worktree remove --force "$w" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

# build SIDE REV: builds REV and snapshots what the benchmarks need into OUT/SIDE
build() {
  local side=$1 rev=$2 src
  if [[ $rev == WORKTREE ]]; then
    src=$REPO
  else
    src=$OUT/src-$side
    rm -rf "$src"
    git -C "$REPO" worktree add --detach "$src" "$rev" >/dev/null 2>&1
    WORKTREES+=("$src")
  fi
  log "building $side ($rev) in $src"
  local t0=$SECONDS
  (cd "$src" && ./mvnw -B -ntp -o -q -pl bulwark-bench -am package dependency:build-classpath \
      -Dmaven.test.skip=true -Dspotless.check.skip=true -Dspotless.apply.skip=true -Dcheckstyle.skip=true \
      -Dmdep.outputFile="$OUT/$side.cp.raw") >"$OUT/build-$side.log" 2>&1 \
    || { log "build of $side failed, see $OUT/build-$side.log"; exit 1; }
  log "built $side in $((SECONDS - t0)) s"
  local snap=$OUT/$side
  rm -rf "$snap"
  mkdir -p "$snap/lib" "$snap/bulwark-node/target"
  cp -r "$src/bulwark-bench/target/classes" "$snap/bench-classes"
  cp "$src/bulwark-node/target/bulwark-node-0.1.0-exec.jar" "$snap/bulwark-node/target/"
  local cp="" entry
  IFS=":" read -ra entries <"$OUT/$side.cp.raw" || true # no newline at its end
  for entry in "${entries[@]}"; do
    if [[ $entry == "$src"/* ]]; then # a reactor module: copy it, the checkout may be rebuilt meanwhile
      local copy=$snap/lib/$(echo "${entry#"$src"/}" | tr '/' '_')
      cp -r "$entry" "$copy"
      entry=$copy
    fi
    cp+="$entry:"
  done
  echo "${cp}$snap/bench-classes" >"$snap/cp.txt"
  (cd "$src" && git rev-parse --short=12 HEAD && git status --porcelain | head -20) >"$snap/revision.txt"
}

jmh() { # jmh SIDE ROUND NAME REGEX OPTIONS...
  local side=$1 round=$2 name=$3 regex=$4
  shift 4
  local f=$OUT/results/$name.$side.$round
  log "  $name $side round $round"
  (cd "$OUT/$side" && java -cp "$(cat cp.txt)" org.openjdk.jmh.Main "$regex" "$@" \
      -rf json -rff "$f.json") >"$f.log" 2>&1 || log "  $name $side round $round FAILED (see $f.log)"
  if grep -q 'Unable to acquire the JMH lock' "$f.log"; then
    log "  another JMH run holds /tmp/jmh.lock: two benchmark runs at once measure nothing; wait for it"
  fi
}

plain() { # plain SIDE ROUND NAME COMMAND...: a plain main run from the side's snapshot directory
  local side=$1 round=$2 name=$3
  shift 3
  local f=$OUT/results/$name.$side.$round
  log "  $name $side round $round"
  (cd "$OUT/$side" && timeout 900 java "$@") >"$f.log" 2>&1 || log "  $name $side round $round FAILED (see $f.log)"
}

run_one() { # run_one SIDE ROUND BENCH
  local side=$1 r=$2 b=$3 cp
  cp=$(cat "$OUT/$side/cp.txt")
  # shellcheck disable=SC2086
  case $b in
    ais) jmh "$side" "$r" ais 'AisDecodeBenchmark.*\.(bulwark|bulwarkRawCapture)$' $JMH_OPTS ;;
    maritime) jmh "$side" "$r" maritime 'MaritimeEngineBenchmark\.decodeTrackIndexDetect' $JMH_OPTS \
      -p layer=synthetic10k ;;
    stix) jmh "$side" "$r" stix 'StixValidateBenchmark' $JMH_OPTS ;;
    store) jmh "$side" "$r" store 'StoreImportBenchmark' -f 1 -wi 2 -i 5 -p database=h2 -p objects=20000 ;;
    alloc) jmh "$side" "$r" alloc 'AllocationBenchmark' -f 1 -wi 5 -i 10 -p size=1000x250,2000x500 ;;
    taxii) plain "$side" "$r" taxii -Xmx2g -XX:+UseParallelGC -cp "$cp" dev.bulwark.bench.taxii.TaxiiLoadBench \
      --preload 50000 --warmup 16000 --post 32000 --clients 8 --batch 500 --time-ordered-ids ;;
    fed) plain "$side" "$r" fed -cp "$cp" dev.bulwark.bench.federation.FederationSyncBench 10000 ;;
    aiscpu) # both sides' bulwark-ais in one JVM (AisAbProbe): once per round, on side A's turn
      if [[ $side == A ]]; then
        plain A "$r" aiscpu -cp "$cp" dev.bulwark.bench.ais.AisAbProbe aislib_stream_example.txt 3000 \
          "$OUT/A/lib/bulwark-ais_target_bulwark-ais-0.1.0.jar" "$OUT/B/lib/bulwark-ais_target_bulwark-ais-0.1.0.jar"
      fi ;;
    *) log "unknown benchmark $b" ;;
  esac
}

table() {
  python3 - "$OUT" "$(cat "$OUT/A.rev" 2>/dev/null || echo A)" "$(cat "$OUT/B.rev" 2>/dev/null || echo B)" <<'PY'
import glob, json, math, os, re, statistics, sys
out, rev_a, rev_b = sys.argv[1], sys.argv[2], sys.argv[3]
# two-sided 99.9 % Student t quantiles (t_0.9995) by degrees of freedom, as JMH's error uses
T = {1: 636.6, 2: 31.60, 3: 12.92, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781,
     10: 4.587, 11: 4.437, 12: 4.318, 13: 4.221, 14: 4.140, 15: 4.073, 16: 4.015, 17: 3.965,
     18: 3.922, 19: 3.883, 20: 3.850, 24: 3.745, 29: 3.659, 39: 3.551, 59: 3.460, 119: 3.373}
def t(df):
    keys = [k for k in sorted(T) if k <= df]
    return T[keys[-1]] if keys else float('nan')
def ci(xs):
    m = statistics.fmean(xs)
    return m, (t(len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs)) if len(xs) > 1 else float('nan'))
rows = {}  # key -> {'unit':..,'higher':..,'A':[...],'B':[...],'kind':'jmh'|'rounds'}
def add(key, unit, higher, side, values, kind):
    r = rows.setdefault(key, {'unit': unit, 'higher': higher, 'A': [], 'B': [], 'kind': kind})
    r[side].extend(values)
for f in sorted(glob.glob(os.path.join(out, 'results', '*.json'))):
    name, side, _ = os.path.basename(f).rsplit('.', 3)[0:3]
    try:
        data = json.load(open(f))
    except Exception:
        continue
    for b in data:
        short = re.sub(r'^dev\.bulwark\.bench\.', '', b['benchmark'])
        params = ','.join(f'{k}={v}' for k, v in sorted((b.get('params') or {}).items()))
        key = short + (f' [{params}]' if params else '')
        pm = b['primaryMetric']
        unit = pm['scoreUnit']
        values = [x for fork in pm['rawData'] for x in fork]
        add(key, unit, '/s' in unit and not unit.startswith('s/') and '/op' not in unit, side, values, 'jmh')
PLAIN = [  # name, metric, regex over the log, unit, higher is better
    ('taxii', 'TaxiiLoadBench POST', r'^POST: .*?([\d.]+) objects/s', 'objects/s', True),
    ('taxii', 'TaxiiLoadBench GET page p50', r'^GET .*p50 ([\d.]+) ms', 'ms', False),
    ('taxii', 'TaxiiLoadBench GET page p99', r'^GET .*p99 ([\d.]+) ms', 'ms', False),
    ('fed', 'FederationSyncBench initial sync', r'^initial sync: .*= ([\d.]+) objects/s', 'objects/s', True),
    ('fed', 'FederationSyncBench lag p50', r'^lag of one new object.*p50 ([\d.]+) ms', 'ms', False),
]
for name, metric, rx, unit, higher in PLAIN:
    for f in sorted(glob.glob(os.path.join(out, 'results', f'{name}.*.log'))):
        side = os.path.basename(f).split('.')[1]
        for line in open(f, errors='replace'):
            m = re.search(rx, line)
            if m:
                add(metric, unit, higher, side, [float(m.group(1))], 'rounds')
# AisAbProbe prints both sides per input: "<capture> bytes   A: mean 182.7, median ..."
for f in sorted(glob.glob(os.path.join(out, 'results', 'aiscpu.*.log'))):
    for line in open(f, errors='replace'):
        m = re.match(r'^(\S+) (bytes|Strings)\s+([AB]): mean ([\d.]+)', line)
        if m:
            add(f'AisAbProbe CPU {m.group(1)} {m.group(2)}', 'ns/sentence', False, m.group(3),
                [float(m.group(4))], 'rounds')
def fmt(x):
    if math.isnan(x):
        return 'n/a'
    return f'{x:,.0f}' if abs(x) >= 100 else f'{x:,.3g}'
lines = [f'A (baseline) = {rev_a}, B (new) = {rev_b}', '',
         '| benchmark | unit | A: baseline | B: new | B/A | B faster? |', '|---|---|---|---|---|---|']
for key, r in rows.items():
    if not r['A'] or not r['B']:
        lines.append(f"| {key} | {r['unit']} | {len(r['A'])} values | {len(r['B'])} values | - | - |")
        continue
    if r['kind'] == 'jmh':
        (ma, ea), (mb, eb) = ci(r['A']), ci(r['B'])
    else:
        ma, mb = statistics.fmean(r['A']), statistics.fmean(r['B'])
        ea, eb = (max(r['A']) - min(r['A'])) / 2, (max(r['B']) - min(r['B'])) / 2
    ratio = mb / ma if ma else float('nan')
    overlap = (ma - ea <= mb + eb) and (mb - eb <= ma + ea)
    faster = (mb > ma) == r['higher']
    if len(r['A']) < 2 or len(r['B']) < 2:
        verdict = 'one value a side: no error estimate'
    else:
        verdict = 'within noise' if overlap else ('yes' if faster else 'NO: slower')
    lines.append(f"| {key} | {r['unit']} | {fmt(ma)} ± {fmt(ea)} | {fmt(mb)} ± {fmt(eb)} | {ratio:.3f} | {verdict} |")
text = '\n'.join(lines)
print(text)
open(os.path.join(out, 'table.md'), 'w').write(text + '\n')
PY
}

if [[ -z ${AB_TABLE_ONLY:-} ]]; then
  A=$(resolve "$BASE_REV")
  B=$(resolve "$NEW_REV")
  if [[ $B == WORKTREE ]]; then
    B="WORKTREE ($(git -C "$REPO" rev-parse --short=12 HEAD)$(git -C "$REPO" diff --quiet HEAD -- . && echo '' || echo ' + uncommitted changes'))"
  fi
  echo "$A" >"$OUT/A.rev"
  echo "$B" >"$OUT/B.rev"
  log "A = $A, B = $B, rounds $ROUNDS, benchmarks $ONLY, output $OUT"
  if [[ -z ${AB_SKIP_BUILD:-} ]]; then
    build A "$A"
    if [[ $A == "$B" ]]; then
      log "B is the same commit as A: one build, run as both sides (noise calibration)"
      rm -rf "$OUT/B" && cp -r "$OUT/A" "$OUT/B"
      sed -i "s#$OUT/A/#$OUT/B/#g" "$OUT/B/cp.txt"
    else
      if [[ $NEW_REV == WORKTREE ]]; then build B WORKTREE; else build B "$B"; fi
    fi
  fi
  cleanup
  t0=$SECONDS
  IFS=',' read -ra BENCHES <<<"$ONLY"
  for ((r = 1; r <= ROUNDS; r++)); do
    log "round $r (load $(cut -d' ' -f1-3 /proc/loadavg))"
    for b in "${BENCHES[@]}"; do
      # A then B in odd rounds, B then A in even rounds: a drift in load within a round hits both sides
      if ((r % 2)); then order="A B"; else order="B A"; fi
      for side in $order; do run_one "$side" "$r" "$b"; done
    done
  done
  log "benchmarks took $(((SECONDS - t0) / 60)) min $(((SECONDS - t0) % 60)) s"
fi
table
exit 0
}
