#!/usr/bin/env bash
# Issue 19's import overhead: `dyereg import` of the real catalogue into a fresh SQLite registry
# with the water-solubility estimates (the default) and with --no-estimates, alternated, RUNS runs
# each; prints every run's user and system CPU, wall clock and peak memory, the load average, and
# the ratio of the medians of user CPU (goal: estimates at most 20 % slower, ratio <= 1.20).
# User CPU is the figure to read on a shared machine; wall clock only on an idle one.
# Usage: benchmarks/import-estimates-bench.sh [FILE.smi] [RUNS] [RECORDS] [together]
#   FILE     default: the shared data folder's catalogs/real_mixed.smi (28,725 records)
#   RUNS     runs of each variant (default 2)
#   RECORDS  only the first RECORDS lines of FILE (default: all)
#   together both variants of a run at the same time, one a core, so that they share whatever
#            load the machine has (on a shared machine the load drifts between alternated runs
#            by more than the estimates cost); without it, alternated, one after the other
# DYEREG_BIN=PATH uses that dyereg (e.g. a baseline built in another worktree) instead of building this one.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-${DYEREG_SHARED:-$(cd .. && pwd)/shared}/data/catalogs/real_mixed.smi}"
runs="${2:-2}"
records="${3:-}"
together="${4:-}"
[ -f "$file" ] || { echo "benchmarks: $file not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "benchmarks: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
if [ -n "${DYEREG_BIN:-}" ]; then
  dyereg="$DYEREG_BIN"   # a dyereg built elsewhere (a baseline from another worktree), not rebuilt
  [ -x "$dyereg" ] || { echo "benchmarks: DYEREG_BIN=$dyereg is not an executable" >&2; exit 2; }
else
  dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
  dyereg="$PWD/src/DyeRegistry.Cli/bin/Release/net10.0/dyereg"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
input="$file"
if [ -n "$records" ]; then
  head -n "$records" "$file" > "$work/input.smi"
  input="$work/input.smi"
fi
echo "input: $input ($(wc -l < "$input") lines), $runs runs each, $(nproc) cores"
# Instructions retired in user mode (perf stat, where perf may count) vary far less with the
# machine's load than CPU seconds do.
perf=()
if command -v perf >/dev/null && perf stat -x, -e instructions:u -o "$work/perf" true 2>/dev/null \
   && awk -F, '/instructions/ { exit !($1 ~ /^[0-9]+$/) }' "$work/perf"; then
  perf=(perf stat -x, -e instructions:u -o "$work/perf" --)
fi
echo "variant user_s system_s wall_s max_rss_kb load_1m user_instructions"
run_variant() { # variant run: one import, its line appended to results
  local variant=$1 i=$2 db="$work/registry-$1-$2.db" extra=()
  [ "$variant" = no-estimates ] && extra=(--no-estimates)
  echo "- -" > "$work/perf-$variant"
  local perf_variant=()
  [ ${#perf[@]} -gt 0 ] && perf_variant=(perf stat -x, -e instructions:u -o "$work/perf-$variant" --)
  /usr/bin/time -f "%U %S %e %M" -o "$work/time-$variant" "${perf_variant[@]}" "$dyereg" import "$input" --registry "$db" "${extra[@]}" \
    > "$work/out-$variant" 2>&1 || [ $? -eq 1 ]   # exit 1: some records failed, reported, the rest imported
  instructions=$(awk -F, '/instructions/ { print $1 }' "$work/perf-$variant")
  echo "$variant $(cat "$work/time-$variant") $(cut -d' ' -f1 /proc/loadavg) ${instructions:--}" | tee -a "$work/results"
  tail -n 1 "$work/out-$variant" | sed 's/^/  /'
  rm -f "$db" "$db"-*
}
for ((i = 1; i <= runs; i++)); do
  if [ "$together" = together ]; then
    run_variant estimates "$i" & run_variant no-estimates "$i" & wait
  else
    run_variant estimates "$i"
    run_variant no-estimates "$i"
  fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
with=$(awk '$1 == "estimates" { print $2 }' "$work/results" | median)
without=$(awk '$1 == "no-estimates" { print $2 }' "$work/results" | median)
echo "median user CPU: estimates ${with} s, no-estimates ${without} s"
awk -v a="$with" -v b="$without" 'BEGIN { printf "ratio estimates / no-estimates (user CPU): %.3f (+%.1f %%; goal <= 1.20)\n", a / b, (a / b - 1) * 100 }'
if [ ${#perf[@]} -gt 0 ]; then
  iwith=$(awk '$1 == "estimates" { print $7 }' "$work/results" | median)
  iwithout=$(awk '$1 == "no-estimates" { print $7 }' "$work/results" | median)
  awk -v a="$iwith" -v b="$iwithout" 'BEGIN { printf "ratio estimates / no-estimates (user instructions): %.3f (+%.1f %%)\n", a / b, (a / b - 1) * 100 }'
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
