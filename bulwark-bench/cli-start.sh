#!/usr/bin/env bash
# Whole-process start of the command line: today's launcher (the nested jar, `java -jar
# bulwark-node-0.1.0-exec.jar`, with the parallel collector the old script passed) beside the
# `bulwark` script (the jar extracted to a flat class path, a class-data-sharing archive, the serial
# collector for commands that are not the node). Interleaved A B A B over ROUNDS rounds, so load
# drift hits both alike; prints per command and side the median and the minimum wall time, and the
# median CPU time (user + sys) of the process.
#
#   bulwark-bench/cli-start.sh [ROUNDS]      (default 15; run ./bulwark --version once before)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-15}"
jar="$root/bulwark-node/target/bulwark-node-0.1.0-exec.jar"
out="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-cli-start-XXXXXX")"
trap 'rm -rf "$out"' EXIT
printf '{"type":"indicator","spec_version":"2.1","id":"indicator--3f1b6c3e-2a52-4c1e-9b59-4a4c6f0f5a01","created":"2026-12-07T10:00:00.000Z","modified":"2026-12-07T10:00:00.000Z","pattern":"[ipv4-addr:value = '"'"'198.51.100.7'"'"']","pattern_type":"stix","valid_from":"2026-12-07T10:00:00Z"}\n' > "$out/one.json"
"$root/bulwark" --version > /dev/null # builds, extracts and trains when needed

commands=("--version" "stix validate $out/one.json" "--help")
one() { # side, command...
  local side="$1"
  shift
  local t0 t1 cpu
  t0=$(date +%s%N)
  if [ "$side" = old ]; then
    cpu=$( { /usr/bin/time -f '%U %S' java -XX:+UseParallelGC -jar "$jar" "$@" > /dev/null; } 2>&1 | tail -1)
  else
    cpu=$( { /usr/bin/time -f '%U %S' "$root/bulwark" "$@" > /dev/null; } 2>&1 | tail -1)
  fi
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(echo "$cpu" | awk '{printf "%d", ($1 + $2) * 1000}')"
}
for i in $(seq "$rounds"); do
  for c in "${commands[@]}"; do
    key=$(echo "$c" | cut -d' ' -f1-2 | tr ' /' '__')
    # shellcheck disable=SC2086
    if (( i % 2 )); then
      one old $c >> "$out/old$key"; one new $c >> "$out/new$key"
    else
      one new $c >> "$out/new$key"; one old $c >> "$out/old$key"
    fi
  done
done
printf '%-24s %-5s %10s %10s %12s\n' command side "median ms" "min ms" "cpu med ms"
for c in "${commands[@]}"; do
  key=$(echo "$c" | cut -d' ' -f1-2 | tr ' /' '__')
  for side in old new; do
    med=$(cut -d' ' -f1 "$out/$side$key" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    min=$(cut -d' ' -f1 "$out/$side$key" | sort -n | head -1)
    cpu=$(cut -d' ' -f2 "$out/$side$key" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-24s %-5s %10s %10s %12s\n' "$(echo "$c" | cut -d' ' -f1-2 | sed "s|$out/||")" "$side" "$med" "$min" "$cpu"
  done
done
