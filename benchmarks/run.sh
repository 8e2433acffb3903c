#!/usr/bin/env bash
# Runs DyeRegistry's benchmarks and the python3-rdkit baseline in one session, so the figures
# compare like with like. Needs ../shared beside the checkout (or DYEREG_SHARED).
# Usage: benchmarks/run.sh [BenchmarkDotNet filter, default '*']
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
records=$(grep -c . "$catalogue")

echo "== baseline: Debian python3-rdkit, parse + canonical SMILES, 1 thread"
py_line=$(/usr/bin/python3 benchmarks/python/parse_canonical.py "$catalogue" 5)
echo "$py_line"
py_mean=$(echo "$py_line" | sed -E 's/.*mean ([0-9.]+) s, min.*/\1/')
py_min=$(echo "$py_line" | sed -E 's/.*min ([0-9.]+) s, mean.*/\1/')

echo "== DyeRegistry (BenchmarkDotNet)"
dotnet run -c Release --project benchmarks/DyeRegistry.Benchmarks -- --filter "${1:-*}" --exporters csv | tee /tmp/dyereg-bench.log | grep -E "^\|" || true

csv=$(ls -t BenchmarkDotNet.Artifacts/results/*ParseBenchmarks-report.csv 2>/dev/null | head -1 || true)
if [ -n "$csv" ]; then
  echo "== throughput ($records records; ratios against the python3-rdkit baseline above, mean to mean and min to min)"
  python3 - "$csv" "$records" "$py_mean" "$py_min" <<'PY'
import csv, sys
path, records, py_mean, py_min = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def seconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"s": 1, "ms": 1e-3, "μs": 1e-6, "us": 1e-6}[unit]
print(f"python3-rdkit, parse + canonical, 1 thread: mean {records / py_mean:,.0f} records/s, min-time {records / py_min:,.0f} records/s")
for row in csv.DictReader(open(path)):
    mean, best = seconds(row["Mean"]), seconds(row["Min"])
    print(f"{row['Method']}: mean {records / mean:,.0f} records/s ({py_mean / mean:.2f} x python3-rdkit), "
          f"min-time {records / best:,.0f} records/s ({py_min / best:.2f} x)")
PY
fi
