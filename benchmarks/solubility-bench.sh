#!/usr/bin/env bash
# Issue 19's acceptance benchmark: 5-fold Bemis-Murcko scaffold cross-validation of the water-
# solubility model on AqSolDB (a compound's fold decided by its scaffold; an acyclic compound is
# its own group), RMSE / MAE / R2 / coverage of the 90 % intervals for the model and for the ESOL
# equation on the same held-out compounds, the azo and anthraquinone subset apart, and in/out of
# the applicability domain. Runs the shipped feature set (extended) and, as the ablation, the
# issue's basic descriptors alone.
# Then the same acceptance through the shipped commands: `dyereg model split` writes each scaffold
# fold as a test file and the other folds as a training file, `dyereg model train` trains on the
# training part and `dyereg model test` scores it on the held-out part beside ESOL, for every fold;
# a line per fold says whether the goals (RMSE >= 20 % below ESOL's, coverage 85-95 %) hold.
# Usage: benchmarks/solubility-bench.sh [DATA.csv] [FOLDS] [SKIP]
#   SKIP: "parts" leaves out the train/test step, "cv" the cross-validation runs
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${DYEREG_SHARED:-$(cd .. && pwd)/shared}/data/solubility/aqsoldb_data_curated.csv}"
folds="${2:-5}"
skip="${3:-}"
[ -f "$data" ] || { echo "benchmarks: $data not found" >&2; exit 2; }
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
if [ "$skip" != cv ]; then
  for features in extended basic; do
    echo "== features: $features"
    start=$(date +%s)
    "$dyereg" model evaluate solubility --data "$data" --folds "$folds" --features "$features"
    echo "($(( $(date +%s) - start )) s)"
  done
fi
[ "$skip" = parts ] && exit 0
echo "== dyereg model train on each scaffold-disjoint part, dyereg model test on the rest"
parts="$(mktemp -d)"
trap 'rm -rf "$parts"' EXIT
"$dyereg" model split solubility --data "$data" --folds "$folds" -o "$parts" 2>/dev/null
met=0
for ((f = 1; f <= folds; f++)); do
  start=$(date +%s)
  "$dyereg" model train solubility --data "$parts/fold-$f-train.csv" -o "$parts/model-$f.zip" 2>/dev/null | sed 's/; written to.*//'
  "$dyereg" model test solubility --model "$parts/model-$f.zip" --data "$parts/fold-$f-test.csv" 2>/dev/null | tee "$parts/test-$f.txt"
  verdict=$(awk '$1 == "model" && NF == 6 { rmse = $3; cover = $6 } $1 == "ESOL" && $2 == "equation" { esol = $4 }
    END { ok = (rmse <= 0.8 * esol && cover >= 0.85 && cover <= 0.95); printf "%s (RMSE %.3f = %.1f %% below ESOL %.3f, coverage %.3f)", ok ? "goals met" : "goals NOT met", rmse, 100 * (1 - rmse / esol), esol, cover }' "$parts/test-$f.txt")
  echo "fold $f held out: $verdict ($(( $(date +%s) - start )) s)"
  case "$verdict" in "goals met"*) met=$((met + 1)) ;; esac
done
echo "goals met on $met of $folds held-out parts"
