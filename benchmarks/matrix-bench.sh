#!/usr/bin/env bash
# Issue 20's portfolio-matrix benchmark, all figures from one run on one machine:
#   the streamed `dyereg scope --matrix` at 100 x 100 and at 1,000 x 1,000 (jsonl to a file), and
#   the earlier per-pair evaluation (`--per-pair`, json) at 100 x 100 as the baseline, beside the
#   streamed json at 100 x 100 (same output, checked byte for byte);
# each timed by /usr/bin/time -v (wall time, peak resident memory), with the load average, since
# the machine may be shared. Goals at 1,000 x 1,000: < 60 s and < 400 MB peak.
# Records: benchmarks/python/matrix_records.py, dyes from ../shared/data/catalogs/real_mixed.smi.
# Usage: benchmarks/matrix-bench.sh [INKS, default 1000] [MEDIA, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
inks="${1:-1000}"; media="${2:-1000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg

/usr/bin/python3 benchmarks/python/matrix_records.py "$catalogue" "$inks" "$media" "$work/big.json"
/usr/bin/python3 benchmarks/python/matrix_records.py "$catalogue" 100 100 "$work/small.json"
"$dyereg" import "$work/big.json" --registry "$work/big.db" 2>&1 | tail -1
"$dyereg" import "$work/small.json" --registry "$work/small.db" 2>&1 | tail -1

run() { # NAME ARGS...: timed, wall seconds and peak RSS (KiB) into $work/NAME.time
  local name=$1; shift
  local before; before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v -o "$work/$name.time" "$dyereg" "$@" 2> "$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  local wall rss; wall=$(sed -nE 's/.*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/\1/p' "$work/$name.time"); rss=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$work/$name.time")
  printf '%-34s wall %8s  peak RSS %5d MiB  load before %s  %s\n' "$name" "$wall" $((rss / 1024)) "$before" "$(tail -1 "$work/$name.err")"
}
echo "== $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
run "streamed 100 x 100 (jsonl)" scope --matrix --registry "$work/small.db" --format jsonl -o "$work/small.jsonl"
run "streamed $inks x $media (jsonl)" scope --matrix --registry "$work/big.db" --format jsonl -o "$work/big.jsonl"
run "streamed 100 x 100 (json)" scope --matrix --registry "$work/small.db" --format json -o "$work/new.json"
run "per-pair 100 x 100 (json, baseline)" scope --matrix --per-pair --registry "$work/small.db" --format json -o "$work/old.json"
cmp -s "$work/new.json" "$work/old.json" && echo "streamed json = per-pair json at 100 x 100 (byte for byte)" || { echo "MISMATCH between streamed and per-pair json"; exit 1; }
echo "output: $(du -h "$work/big.jsonl" | cut -f1) jsonl at $inks x $media ($(($(wc -l < "$work/big.jsonl"))) lines); load average after $(cut -d' ' -f1-3 /proc/loadavg)"
