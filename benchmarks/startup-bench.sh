#!/usr/bin/env bash
# Start-up of a dyereg process (issue 15: formula search < 0.2 s): `search --formula F` and
# `--version`, a baseline program and this checkout's alternated run by run (so both see the same
# load), N runs each; prints the medians of user and system CPU seconds and wall seconds, and the
# load average before and after (on a shared machine compare CPU seconds, not wall).
# Usage: benchmarks/startup-bench.sh BASELINE_DYEREG REGISTRY [N=9] [FORMULA=Y-I]
#   BASELINE_DYEREG: a copy of an earlier build's program folder's dyereg (e.g. /tmp/before/dyereg)
#   REGISTRY: a SQLite file or PostgreSQL connection string holding a few thousand dyes
#   (benchmarks/store-bench.sh's generator and `dyereg import --no-estimates` make one).
# DYEREG_STARTUP_LOG=1 on one run shows where its start-up goes, step by step.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
before="$1"; registry="$2"; n="${3:-9}"; formula="${4:-Y-I}"
after="$(pwd)/src/DyeRegistry.Cli/bin/Release/net10.0/dyereg"
export DYEREG_FORMULAS="${DYEREG_FORMULAS:-$(pwd)/formulas}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$n"); do
  for who in before after; do
    program="$before"; [ "$who" = after ] && program="$after"
    /usr/bin/time -f "%U %S %e" -a -o "$work/$who.search" "$program" search --formula "$formula" --registry "$registry" >"$work/$who.hits" 2>/dev/null
    /usr/bin/time -f "%U %S %e" -a -o "$work/$who.version" "$program" --version >/dev/null 2>&1
  done
done
cmp -s "$work/before.hits" "$work/after.hits" || echo "WARNING: the two programs' hits differ"
for what in search version; do
  for who in before after; do
    f="$work/$who.$what"
    echo "$who $what: user $(cut -d' ' -f1 "$f" | median) s, system $(cut -d' ' -f2 "$f" | median) s, wall $(cut -d' ' -f3 "$f" | median) s (median of $n)$([ "$what" = search ] && echo "; $(wc -l <"$work/$who.hits") hits")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
