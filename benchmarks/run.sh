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
py_line=$(/usr/bin/python3 benchmarks/python/parse_canonical.py "$catalogue" 3)
echo "$py_line"
py_rate=$(echo "$py_line" | sed -E 's/.* ([0-9]+) records\/s$/\1/')

echo "== DyeRegistry (BenchmarkDotNet)"
dotnet run -c Release --project benchmarks/DyeRegistry.Benchmarks -- --filter "${1:-*}" --exporters csv | tee /tmp/dyereg-bench.log | grep -E "^\|" || true

csv=$(ls -t BenchmarkDotNet.Artifacts/results/*ParseBenchmarks-report.csv 2>/dev/null | head -1 || true)
if [ -n "$csv" ]; then
  echo "== throughput ($records records; ratio against the python3-rdkit baseline above)"
  python3 - "$csv" "$records" "$py_rate" <<'PY'
import csv, sys
path, records, py_rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
for row in csv.DictReader(open(path)):
    mean = row["Mean"].replace(",", "")
    value, unit = mean.split()
    seconds = float(value) * {"s": 1, "ms": 1e-3, "μs": 1e-6, "us": 1e-6}[unit]
    rate = records / seconds
    print(f"{row['Method']}: {rate:,.0f} records/s = {rate / py_rate:.2f} x python3-rdkit")
PY
fi
