#!/usr/bin/env bash
# What Markush matching costs on top of reading: whole `dyereg match --format jsonl` runs against
# whole `dyereg inspect` runs over the same catalogue, alternated in one session (this machine is
# noisy), each N times (default 3); prints the median throughputs and the overhead.
# Usage: benchmarks/match-vs-inspect.sh [CATALOGUE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
catalogue="${1:-${DYEREG_SHARED:-$(cd .. && pwd)/shared}/data/catalogs/real_mixed.smi}"
runs="${2:-3}"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found" >&2; exit 2; }
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
records=$(grep -c . "$catalogue")
inspect=(); match=()
for i in $(seq "$runs"); do
  s=$(date +%s.%N); "$dyereg" inspect "$catalogue" >/dev/null 2>&1; e=$(date +%s.%N); inspect+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N); "$dyereg" match "$catalogue" --format jsonl >/dev/null 2>&1; e=$(date +%s.%N); match+=("$(echo "$e - $s" | bc)")
done
python3 - "$records" "${inspect[*]}" "${match[*]}" <<'PY'
import statistics, sys
records = int(sys.argv[1])
inspect = [float(x) for x in sys.argv[2].split()]
match = [float(x) for x in sys.argv[3].split()]
mi, mm = statistics.median(inspect), statistics.median(match)
print(f"{records} records, {len(inspect)} runs each, all cores")
print(f"inspect: median {mi:.2f} s = {records / mi:,.0f} records/s  (runs: {', '.join(f'{x:.2f}' for x in inspect)})")
print(f"match:   median {mm:.2f} s = {records / mm:,.0f} records/s  (runs: {', '.join(f'{x:.2f}' for x in match)})")
print(f"matching costs {100 * (mm / mi - 1):+.0f} % on top of inspect")
PY
