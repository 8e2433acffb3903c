#!/usr/bin/env bash
# Issue 6's whole-run benchmark, all figures from one session on one generated file:
#   (a) baseline: single-threaded python3-rdkit, parse + the formula cores as plain SMARTS;
#   (b) ceiling per core: python3-rdkit SMILES parsing alone, one thread;
#   (c) `dyereg screen` with full Markush classification on all cores, complete validation;
#   (h) the same with `--validate hits` (records that cannot hold a core are not sanitized),
#       in the same run, with its hits required byte-identical to (c)'s;
# plus the peak resident memory of (c) on the file and on one a tenth its size, and a check that
# the hits of (c) are those of `dyereg match` on the catalogue, repeated as often as it was.
# The file is ../shared/data/catalogs/real_mixed.smi repeated to N records (ids get a #k suffix).
# The machine's load average is printed before and after: on a shared machine the ratios are
# only as good as the load allowed. So CPU time (user + system) of every run is printed too, with
# the ratios it implies for a machine where each run has its cores to itself: (c)/(a) by CPU is
# (a)'s CPU seconds over (c)'s, times the cores (perfect parallel scaling assumed).
# dyereg is the package's program (a ReadyToRun publish, what users run); DYEREG_BENCH_PROGRAM=build
# runs the plain Release build instead.
# Usage: benchmarks/screen-bench.sh [N, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
records="${1:-1000000}"
small=$((records / 10))
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# The program users run: the package's (scripts/build-deb.sh's publish: self-contained, linux-x64,
# ReadyToRun), published into the work folder. DYEREG_BENCH_PROGRAM=build measures the plain
# Release build instead (IL only: its JIT is ~15 % of a screen's CPU on 57,000 records, ~4 % on
# 200,000; docs/screening-at-scale.md), as this script did before 2026-12-08.
if [ "${DYEREG_BENCH_PROGRAM:-package}" = build ]; then
  dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
  dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
  program="the plain Release build (IL, JIT at run time)"
else
  dotnet publish src/DyeRegistry.Cli/DyeRegistry.Cli.csproj -c Release -r linux-x64 --self-contained true \
    -nologo -v quiet -o "$work/package" -p:DebugType=none -p:GenerateDocumentationFile=false >/dev/null
  dyereg="$work/package/dyereg"
  program="the package's program (self-contained publish, ReadyToRun, as scripts/build-deb.sh builds it)"
fi
cores=$(nproc)

generate() { # N OUT: the catalogue repeated, ids made unique, cut at N records
  awk -v n="$1" 'BEGIN { k = 0; done = 0 }
    { lines[NR] = $0 } END { while (done < n) { k++; for (i = 1; i <= NR && done < n; i++) {
      split(lines[i], f, /[ \t]+/); if (f[1] == "") continue; print f[1] "\t" f[2] "#" k; done++ } } }' "$catalogue" > "$2"
}
generate "$records" "$work/big.smi"
generate "$small" "$work/small.smi"
echo "== $records records ($(du -h "$work/big.smi" | cut -f1)), $cores cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== dyereg: $program"
trap 'echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"; rm -rf "$work"' EXIT

seconds() { sed -E 's/.*seconds ([0-9.]+).*/\1/'; }
a=$(/usr/bin/time -f "%U %S" -o "$work/cpu.a" /usr/bin/python3 benchmarks/python/screen_cores.py "$work/big.smi" formulas); echo "(a) $a"
b=$(/usr/bin/time -f "%U %S" -o "$work/cpu.b" /usr/bin/python3 benchmarks/python/parse_only.py "$work/big.smi"); echo "(b) $b"
/usr/bin/time -f "%e %M %U %S" -o "$work/time.big" "$dyereg" screen "$work/big.smi" -q -o "$work/big.jsonl" 2> "$work/screen.log" || { cat "$work/screen.log"; exit 1; }
echo "(c) $(tail -1 "$work/screen.log")"
/usr/bin/time -f "%e %M %U %S" -o "$work/time.hits" "$dyereg" screen "$work/big.smi" -q --validate hits -o "$work/hits.jsonl" 2> "$work/hits.log" || { cat "$work/hits.log"; exit 1; }
echo "(h) $(grep -v 'not validated' "$work/hits.log" | tail -1)"
echo "(h) $(grep 'not validated' "$work/hits.log" || echo 'every record validated')"
cmp -s "$work/big.jsonl" "$work/hits.jsonl" && echo "(h) hits byte-identical to (c)" || { echo "(h) hits DIFFER from (c)" >&2; exit 1; }
/usr/bin/time -f "%e %M" -o "$work/time.small" "$dyereg" screen "$work/small.smi" -q -o "$work/small.jsonl" 2>/dev/null
"$dyereg" match "$catalogue" --format jsonl > "$work/match.jsonl" 2>/dev/null || true

python3 - "$records" "$cores" "$(echo "$a" | seconds)" "$(echo "$b" | seconds)" "$(cat "$work/time.big")" "$(cat "$work/time.small")" "$small" "$work" "$(cat "$work/time.hits")" "$(cat "$work/cpu.a")" "$(cat "$work/cpu.b")" <<'PY'
import json, sys
records, cores, a, b = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
c, rss_big, cu, cs = map(float, sys.argv[5].split()); _, rss_small = map(float, sys.argv[6].split()[:2])
small, work = int(sys.argv[7]), sys.argv[8]
h, _, hu, hs = map(float, sys.argv[9].split())
cpu_a, cpu_b = sum(map(float, sys.argv[10].split())), sum(map(float, sys.argv[11].split()))
cpu_c, cpu_h = cu + cs, hu + hs
ra, rb, rc, rh = records / a, records / b, records / c, records / h
print(f"(a) python3-rdkit parse + cores, 1 thread : {ra:10,.0f} records/s")
print(f"(b) python3-rdkit parse only, 1 thread    : {rb:10,.0f} records/s  (x{cores} cores = {rb * cores:,.0f})")
print(f"(c) dyereg screen, {cores} threads            : {rc:10,.0f} records/s  (process wall time, startup included)")
print(f"    (c)/(b x cores) = {rc / (rb * cores):.2f}   (acceptance >= 0.90)")
print(f"    (c)/(a)         = {rc / ra:.2f}   (acceptance >= 2; issue 18 goal >= 2.5)")
print(f"(h) dyereg screen --validate hits, {cores} threads: {rh:10,.0f} records/s")
print(f"    (h)/(a)         = {rh / ra:.2f}   (issue 18 goal >= 4)   (h)/(c) = {rh / rc:.2f}")
print(f"CPU seconds (user + system): (a) {cpu_a:.1f}  (b) {cpu_b:.1f}  (c) {cpu_c:.1f}  (h) {cpu_h:.1f}")
print(f"    by CPU, each run with its {cores} cores to itself: (c)/(a) = {cpu_a / cpu_c * cores:.2f}, (h)/(a) = {cpu_a / cpu_h * cores:.2f}, (c)/(b x cores) = {cpu_b / cpu_c:.2f}")
print(f"peak RSS: {rss_big / 1024:.0f} MiB on {records:,} records, {rss_small / 1024:.0f} MiB on {small:,} (acceptance < 400 MB, flat)")

# The hits must be those of `dyereg match` on the catalogue, once per repetition.
expected = {}
for line in open(f"{work}/match.jsonl"):
    r = json.loads(line)
    if r.get("within"):
        expected[r["id"]] = sorted(r["within"])
got = {}
for line in open(f"{work}/big.jsonl"):
    r = json.loads(line)
    base, k = r["id"].rsplit("#", 1)
    got.setdefault(base, []).append((int(k), sorted(r["within"])))
copies = {}
for line in open(f"{work}/big.smi"):
    base = line.split()[1].rsplit("#", 1)[0]
    copies[base] = copies.get(base, 0) + 1
bad = [i for i, w in expected.items() if len(got.get(i, [])) != copies.get(i, 0) or any(x != w for _, x in got[i])]
extra = [i for i in got if i not in expected]
total = sum(len(v) for v in got.values())
print(f"hits: {total:,} in the output; catalogue hits per `dyereg match`: {len(expected)}; "
      f"ids disagreeing: {len(bad)}, hits match never reported: {len(extra)}")
sys.exit(1 if bad or extra else 0)
PY
