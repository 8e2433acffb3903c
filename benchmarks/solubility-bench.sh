#!/usr/bin/env bash
# Issue 19's acceptance benchmark: 5-fold Bemis-Murcko scaffold cross-validation of the water-
# solubility model on AqSolDB (a compound's fold decided by its scaffold; an acyclic compound is
# its own group), RMSE / MAE / R2 / coverage of the 90 % intervals for the model and for the ESOL
# equation on the same held-out compounds, the azo and anthraquinone subset apart, and in/out of
# the applicability domain. Runs the shipped feature set (extended) and, as the ablation, the
# issue's basic descriptors alone.
# Usage: benchmarks/solubility-bench.sh [DATA.csv] [FOLDS]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${DYEREG_SHARED:-$(cd .. && pwd)/shared}/data/solubility/aqsoldb_data_curated.csv}"
folds="${2:-5}"
[ -f "$data" ] || { echo "benchmarks: $data not found" >&2; exit 2; }
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
for features in extended basic; do
  echo "== features: $features"
  start=$(date +%s)
  "$dyereg" model evaluate solubility --data "$data" --folds "$folds" --features "$features"
  echo "($(( $(date +%s) - start )) s)"
done
